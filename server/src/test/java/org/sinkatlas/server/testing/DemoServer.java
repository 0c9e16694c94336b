package org.sinkatlas.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.demo.DemoDataset;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.geopackage.GeoPackageStore;
import org.sinkatlas.server.SinkAtlasServer;

/**
 * A real Sink Atlas server on a free port over a demo GeoPackage store, shared by the HTTP tests of one
 * test run (the demo is built once), and a plain java.net.http client to talk to it.
 */
public final class DemoServer {

    private static LayerStore store;
    private static SinkAtlasServer server;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private DemoServer() {}

    public static synchronized LayerStore store() {
        start();
        return store;
    }

    public static synchronized String url() {
        start();
        return "http://localhost:" + server.port();
    }

    public static synchronized SinkAtlasServer server() {
        start();
        return server;
    }

    private static void start() {
        if (server != null) return;
        try {
            Path dir = Files.createTempDirectory("sink-atlas-test");
            store = GeoPackageStore.open(dir.resolve("demo.gpkg"));
            DemoDataset.loadIfEmpty(store, new CrsService(), line -> { });
            server = new SinkAtlasServer(store, null).start("127.0.0.1", 0);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                store.close();
            }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static HttpResponse<String> get(String pathAndQuery) {
        return get(pathAndQuery, "application/json");
    }

    public static HttpResponse<String> get(String pathAndQuery, String accept) {
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
