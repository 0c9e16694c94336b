package org.sinkatlas.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.geopackage.GeoPackageStore;
import org.sinkatlas.server.auth.ApiKeys;
import org.sinkatlas.server.http.Role;

class KeysCommandTest {

    @TempDir
    Path dir;

    private String run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, SinkAtlasCliAccess.execute(args), out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(old);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void keysAreMadeListedAndRevokedAtTheConsole() throws Exception {
        Path file = dir.resolve("s.gpkg");
        GeoPackageStore.open(file).close();
        String store = file.toString();
        String made = run("keys", "create", "--store", store, "--name", "青浦区 林业站", "--role", "officer",
                "--layers", "forests,greenways");
        String token = made.lines().filter(l -> l.startsWith("sa_")).findFirst().orElseThrow();
        String id = token.split("_")[1];
        try (LayerStore s = GeoPackageStore.open(file)) {
            var caller = new ApiKeys(s, Duration.ZERO).verify(token).orElseThrow();
            assertEquals(Role.OFFICER, caller.role());
            assertTrue(caller.mayWrite("forests") && !caller.mayWrite("parcels"));
        }
        String listed = run("keys", "list", "--store", store);
        assertTrue(listed.contains(id) && listed.contains("valid") && listed.contains("forests,greenways"), listed);
        assertTrue(!listed.contains(token.substring(20)), "no secret in the list");
        run("keys", "revoke", "--store", store, id, "--reason", "moved");
        assertTrue(run("keys", "list", "--store", store).contains("revoked"));
        try (LayerStore s = GeoPackageStore.open(file)) {
            assertTrue(new ApiKeys(s, Duration.ZERO).verify(token).isEmpty());
        }
    }
}
