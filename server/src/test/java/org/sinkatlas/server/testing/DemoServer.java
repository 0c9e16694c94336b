package org.sinkatlas.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.testing.DemoStores;
import org.sinkatlas.server.SinkAtlasServer;
import org.sinkatlas.server.http.Role;
import org.sinkatlas.sink.calc.SinkCalculator;
import org.sinkatlas.sink.layers.StoredEstimates;
import org.sinkatlas.sink.standard.StandardCatalog;

/**
 * A real Sink Atlas server on a free port over the demo dataset, one per store engine, shared by the HTTP
 * tests of a test run: the demo is built once into a GeoPackage and copied into PostGIS ({@link DemoStores}).
 * Comes with a plain java.net.http client.
 */
public final class DemoServer {

    private static DemoServer geopackage;
    private static DemoServer postgis;
    private static final ObjectMapper READER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final LayerStore store;
    private final SinkAtlasServer server;
    private final String adminToken;

    /** @param adminToken the admin key of a store copied from another, or null to make the first one, as serve does */
    private DemoServer(LayerStore store, String adminToken) {
        this.store = store;
        this.server = new SinkAtlasServer(store).start("127.0.0.1", 0);
        this.adminToken = adminToken != null ? adminToken : server.access().keys().bootstrapAdmin()
                .orElseThrow(() -> new IllegalStateException("a new demo store already had keys")).token();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        // The server estimates the parcels in the background when it starts; tests read the results.
        SinkCalculator calc = new SinkCalculator(StandardCatalog.builtIn().current());
        long deadline = System.nanoTime() + 300_000_000_000L;
        try {
            while (StoredEstimates.stale(store, "parcels", calc) > 0) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("parcels were not estimated in time");
                Thread.sleep(200);
            }
            // And sums them on the map's grid (the last estimates' write is heard just after it is seen).
            Thread.sleep(100);
            if (!server.sinkGrid().awaitCurrent(Duration.ofMinutes(2))) {
                throw new IllegalStateException("the sink grid was not summed in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The demo on the embedded GeoPackage engine. */
    public static synchronized DemoServer geopackage() {
        if (geopackage == null) geopackage = new DemoServer(DemoStores.geopackage(), null);
        return geopackage;
    }

    /** The same demo on PostGIS (copied from the GeoPackage one, ids, versions and keys included). */
    public static synchronized DemoServer postgis() {
        if (postgis == null) {
            // The GeoPackage demo first: its admin key is made before the copy, which carries it.
            String token = geopackage().adminToken();
            postgis = new DemoServer(DemoStores.postgis(), token);
        }
        return postgis;
    }

    public LayerStore store() {
        return store;
    }

    public String url() {
        return "http://localhost:" + server.port();
    }

    public int port() {
        return server.port();
    }

    /**
     * Sends raw request bytes (headers, maybe without the body they announce) and returns all the server
     * answers until it closes the connection or 10 s pass.
     */
    public static String rawExchange(int port, String request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            try {
                for (int n; (n = socket.getInputStream().read(buf)) > 0; ) answer.write(buf, 0, n);
            } catch (SocketTimeoutException e) {
                // A kept-alive connection: what arrived is the answer.
            }
            return answer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SinkAtlasServer server() {
        return server;
    }

    /** The first admin key of this demo store. */
    public String adminToken() {
        return adminToken;
    }

    /** A new officer key that may write {@code layers}; returns its token. */
    public String officerToken(String name, String... layers) {
        return server.access().keys().create(name, Role.OFFICER, Set.of(layers), "test").token();
    }

    /**
     * Any request, with a bearer token when {@code token} is not null and a body when {@code body} is not null.
     */
    public HttpResponse<String> call(String method, String pathAndQuery, String token, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url() + pathAndQuery)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        if (contentType != null) b.header("Content-Type", contentType);
        return send(b.build());
    }

    /** The body of an answer as JSON; fails the test when it is not JSON. */
    public static JsonNode json(HttpResponse<String> r) {
        try {
            return READER.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + r.body(), e);
        }
    }

    /** A GET that must answer 200, as JSON. */
    public JsonNode getJson(String pathAndQuery) {
        HttpResponse<String> r = get(pathAndQuery);
        if (r.statusCode() != 200) throw new AssertionError(pathAndQuery + " -> " + r.statusCode() + " " + r.body());
        return json(r);
    }

    public HttpResponse<String> get(String pathAndQuery) {
        return get(pathAndQuery, "application/json");
    }

    public HttpResponse<String> post(String pathAndQuery, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(url() + pathAndQuery)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> get(String pathAndQuery, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url() + pathAndQuery)).timeout(Duration.ofSeconds(60));
        if (accept != null) b.header("Accept", accept);
        return send(b.GET().build());
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
