package org.sinkatlas.layers.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.sinkatlas.layers.store.postgis.PostgisSettings;

/**
 * The PostGIS that tests use: the one named by {@code SINK_ATLAS_TEST_PG} (scripts/test.sh starts one),
 * else a throw-away cluster started by {@code scripts/postgis.sh} for this test run and stopped after it.
 * Each test gets a schema of its own.
 */
public final class TestPostgis {

    private static String url;

    private TestPostgis() {}

    public static synchronized String url() {
        if (url != null) return url;
        String given = System.getenv("SINK_ATLAS_TEST_PG");
        if (given != null && !given.isBlank()) {
            url = given;
            return url;
        }
        Cluster cluster = Cluster.start("tests");
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop));
        url = cluster.url();
        return url;
    }

    /** Settings for a new, empty schema in the test database. */
    public static PostgisSettings freshSchema() {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return PostgisSettings.parse(url() + "?schema=" + schema, System.getenv());
    }

    public static void dropSchema(PostgisSettings s) throws SQLException {
        try (Connection c = DriverManager.getConnection(s.jdbcUrl(), s.user(), s.password());
                Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS \"" + s.schema() + "\" CASCADE");
        }
    }

    /** A throw-away PostgreSQL + PostGIS cluster of its own (for tests that stop and start the server). */
    public record Cluster(Path dir, int port, String url) {

        public static Cluster start(String name) {
            try {
                int port;
                try (ServerSocket s = new ServerSocket(0)) {
                    port = s.getLocalPort();
                }
                // Readable by all: when the tests run as root, the server runs as the postgres user.
                Path dir = Files.createTempDirectory("sink-atlas-pg-" + name, java.nio.file.attribute.PosixFilePermissions
                        .asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x")))
                        .resolve("cluster");
                String out = script("start", dir.toString(), Integer.toString(port));
                List<String> lines = out.lines().filter(l -> l.startsWith("postgresql://")).toList();
                if (lines.isEmpty()) throw new IllegalStateException("postgis.sh printed no URL:\n" + out);
                return new Cluster(dir, port, lines.get(lines.size() - 1));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        public void pause() {
            script("pause", dir.toString());
        }

        public void resume() {
            script("resume", dir.toString());
        }

        public void stop() {
            script("stop", dir.toString());
            try {
                Files.deleteIfExists(dir.getParent());
            } catch (IOException ignored) {
                // Only the empty temporary parent is left; nothing to worry about.
            }
        }
    }

    /** Runs scripts/postgis.sh (found from the working directory up) and returns what it printed. */
    static String script(String... args) {
        Path script = find("scripts/postgis.sh");
        String[] cmd = new String[args.length + 1];
        cmd[0] = script.toString();
        System.arraycopy(args, 0, cmd, 1, args.length);
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().putAll(Map.of("PG_FAST", "1"));
            Process p = pb.start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("scripts/postgis.sh " + String.join(" ", args) + " failed:\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path find(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isExecutable(dir.resolve(relative))) return dir.resolve(relative);
            dir = dir.getParent();
        }
        throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
    }
}
