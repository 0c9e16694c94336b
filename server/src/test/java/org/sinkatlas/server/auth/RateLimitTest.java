package org.sinkatlas.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.geopackage.GeoPackageStore;
import org.sinkatlas.server.SinkAtlasServer;
import org.sinkatlas.server.testing.DemoServer;

class RateLimitTest {

    @TempDir
    Path dir;

    @Test
    void aClientOverItsRateGets429WithTheWaitAndOthersAreNotHeldBack() {
        try (LayerStore store = GeoPackageStore.open(dir.resolve("s.gpkg"));
                SinkAtlasServer server = new SinkAtlasServer(store, SinkAtlasServer.Settings.defaults().withRateLimit(2))
                        .start("127.0.0.1", 0)) {
            String admin = server.access().keys().bootstrapAdmin().orElseThrow().token();
            String url = "http://127.0.0.1:" + server.port() + "/conformance";
            int ok = 0;
            HttpResponse<String> refused = null;
            // A burst of twice the rate goes through; the next request within the second is refused.
            for (int i = 0; i < 6 && refused == null; i++) {
                HttpResponse<String> r = DemoServer.send(HttpRequest.newBuilder(URI.create(url)).GET().build());
                if (r.statusCode() == 200) ok++;
                else refused = r;
            }
            assertTrue(ok >= 4 && ok <= 5, ok + " requests went through");
            assertEquals(429, refused.statusCode());
            assertTrue(refused.body().contains("requests per second"), refused.body());
            assertEquals("1", refused.headers().firstValue("Retry-After").orElse(""));
            // A key is a client of its own.
            HttpResponse<String> withKey = DemoServer.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + admin).GET().build());
            assertEquals(200, withKey.statusCode());
        }
    }
}
