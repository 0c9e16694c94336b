package org.sinkatlas.server.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sinkatlas.layers.filter.Filter;
import org.sinkatlas.layers.model.FeatureDraft;
import org.sinkatlas.layers.model.GeometryKind;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.Localized;
import org.sinkatlas.layers.model.PropertyDef;
import org.sinkatlas.layers.model.PropertyType;
import org.sinkatlas.layers.store.StoreUnavailableException;
import org.sinkatlas.layers.store.postgis.PostgisSettings;
import org.sinkatlas.layers.store.postgis.PostgisStore;
import org.sinkatlas.layers.testing.TestPostgis;
import org.sinkatlas.server.SinkAtlasServer;
import org.sinkatlas.server.cli.SinkAtlasCliAccess;
import org.sinkatlas.server.testing.DemoServer;

/** The database stops under a running service, and comes back. */
class PostgisOutageTest {

    private static final LayerInfo SITES = new LayerInfo("sites", Localized.of("站点", "Sites"), Localized.of("测试", "Test"),
            GeometryKind.POINT, List.of(PropertyDef.of("name", PropertyType.STRING, "名称", "Name")), null, true, "",
            List.of());

    @Test
    void requestsGet503WhileTheDatabaseIsAwayAndTheServiceRecoversByItself() throws Exception {
        TestPostgis.Cluster cluster = TestPostgis.Cluster.start("outage");
        try (PostgisStore store = PostgisStore.open(PostgisSettings.parse(cluster.url(), Map.of()));
                SinkAtlasServer server = new SinkAtlasServer(store).start("127.0.0.1", 0)) {
            store.createLayer(SITES);
            store.write("t", w -> {
                for (int i = 0; i < 3; i++) w.insert("sites", new FeatureDraft(point(120.9, 31 + i * 0.1), Map.of("name", "s")));
                return null;
            });
            String items = "http://127.0.0.1:" + server.port() + "/collections/sites/items";
            assertEquals(200, get(items).statusCode());

            cluster.pause();
            HttpResponse<String> down = get(items);
            assertEquals(503, down.statusCode(), down.body());
            assertEquals("application/problem+json", down.headers().firstValue("Content-Type").orElse(""));
            assertTrue(down.body().contains("try again"), down.body());
            assertEquals(503, get("http://127.0.0.1:" + server.port() + "/health").statusCode());
            assertThrows(StoreUnavailableException.class, () -> store.write("t", w -> w.insert("sites",
                    new FeatureDraft(point(121, 31), Map.of("name", "lost")))));

            cluster.resume();
            long deadline = System.nanoTime() + 30_000_000_000L;
            HttpResponse<String> back = get(items);
            while (back.statusCode() != 200 && System.nanoTime() < deadline) {
                Thread.sleep(250);
                back = get(items);
            }
            assertEquals(200, back.statusCode(), "the service came back by itself: " + back.body());
            assertTrue(back.body().contains("\"numberMatched\":3"), "the failed write left nothing: " + back.body());
            assertEquals(3, store.count("sites", Filter.ALL));
        } finally {
            cluster.stop();
        }
    }

    @Test
    void aStreamCutByTheDatabaseEndsBrokenNotShorter() throws Exception {
        PostgisSettings settings = TestPostgis.freshSchema();
        try (PostgisStore store = PostgisStore.open(settings);
                SinkAtlasServer server = new SinkAtlasServer(store).start("127.0.0.1", 0)) {
            store.createLayer(SITES);
            int sites = 60_000;
            store.write("t", w -> {
                for (int i = 0; i < sites; i++) {
                    w.insert("sites", new FeatureDraft(point(120.9 + i * 1e-6, 31), Map.of("name", "site " + i + " of the survey")));
                }
                return null;
            });
            String items = "http://127.0.0.1:" + server.port() + "/collections/sites/items?limit=" + sites;
            HttpResponse<java.io.InputStream> r = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(items)).build(), HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, r.statusCode());
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            boolean cut = false;
            try (java.io.InputStream in = r.body()) {
                body.write(in.readNBytes(4096));
                // The client reads no further for a while: the server fills the socket and waits, its cursor open.
                Thread.sleep(1000);
                try (java.sql.Connection c = java.sql.DriverManager.getConnection(settings.jdbcUrl(), settings.user(),
                        settings.password()); java.sql.Statement st = c.createStatement()) {
                    st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'sink-atlas'"
                            + " AND pid <> pg_backend_pid()");
                }
                in.transferTo(body);
            } catch (java.io.IOException e) {
                cut = true;
            }
            String got = body.toString(StandardCharsets.UTF_8);
            assertTrue(got.length() < sites * 100, "the stream was cut before its end (" + got.length() + " bytes)");
            // Whatever arrived must not pass for a whole answer: the transfer broke, or the JSON is unfinished.
            if (!cut) {
                assertThrows(com.fasterxml.jackson.core.JsonProcessingException.class,
                        () -> new com.fasterxml.jackson.databind.ObjectMapper().readTree(got), got.substring(got.length() - 200));
            }
            long deadline = System.nanoTime() + 30_000_000_000L;
            HttpResponse<String> back = get(items.replace("limit=" + sites, "limit=1"));
            while (back.statusCode() != 200 && System.nanoTime() < deadline) {
                Thread.sleep(250);
                back = get(items.replace("limit=" + sites, "limit=1"));
            }
            assertEquals(200, back.statusCode(), "the service goes on: " + back.body());
        } finally {
            TestPostgis.dropSchema(settings);
        }
    }

    @Test
    void serveStopsWithTheReasonWhenTheDatabaseIsDown() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = SinkAtlasCliAccess.execute("serve", "--store", "postgresql://sinkatlas@127.0.0.1:1/sinkatlas", "--port", "0");
        } finally {
            System.setErr(old);
        }
        assertEquals(2, code);
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("cannot connect to postgresql://sinkatlas@127.0.0.1:1/sinkatlas"), message);
    }

    private static org.locationtech.jts.geom.Point point(double x, double y) {
        return new org.locationtech.jts.geom.GeometryFactory().createPoint(new org.locationtech.jts.geom.Coordinate(x, y));
    }

    private static HttpResponse<String> get(String url) {
        return DemoServer.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").build());
    }
}
