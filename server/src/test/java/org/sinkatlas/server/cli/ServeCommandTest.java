package org.sinkatlas.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinkatlas.layers.store.LayerStore;
import picocli.CommandLine;

class ServeCommandTest {

    @TempDir
    Path dir;

    private int serve(StringWriter err, String... args) {
        CommandLine cli = new CommandLine(new SinkAtlasCli());
        cli.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 1];
        all[0] = "serve";
        System.arraycopy(args, 0, all, 1, args.length);
        return cli.execute(all);
    }

    @Test
    void aDamagedStoreStopsStartUpWithTheReasonAndIsKept() throws Exception {
        Path damaged = dir.resolve("damaged.gpkg");
        Files.writeString(damaged, "not a database");
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.err;
        System.setErr(new java.io.PrintStream(err, true, "UTF-8"));
        int code;
        try {
            code = serve(new StringWriter(), "--store", damaged.toString(), "--port", "0");
        } finally {
            System.setErr(old);
        }
        assertEquals(2, code);
        String message = err.toString("UTF-8");
        assertTrue(message.contains("cannot open the store") && message.contains("damaged.gpkg"), message);
        assertEquals("not a database", Files.readString(damaged));
    }

    @Test
    void aPortInUseIsReported() throws Exception {
        try (ServerSocket busy = new ServerSocket(0)) {
            Path store = dir.resolve("empty.gpkg");
            java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
            java.io.PrintStream old = System.err;
            System.setErr(new java.io.PrintStream(err, true, "UTF-8"));
            int code;
            try {
                code = serve(new StringWriter(), "--store", store.toString(), "--no-demo", "--host", "127.0.0.1",
                        "--port", Integer.toString(busy.getLocalPort()));
            } finally {
                System.setErr(old);
            }
            assertEquals(3, code, err.toString("UTF-8"));
            assertTrue(err.toString("UTF-8").contains("cannot listen"), err.toString("UTF-8"));
        }
    }

    @Test
    void aNewStoreIsFilledWithTheDemoAndOnlyThenMovedIntoPlace() throws Exception {
        Path store = dir.resolve("data/atlas.gpkg");
        StringBuilder progress = new StringBuilder();
        try (LayerStore s = StoreLocation.open(store.toString(), true, line -> progress.append(line).append('\n'))) {
            assertEquals(16, s.layers().size());
            assertEquals(20, s.records("target-report").size(), "the demo's reported target figures");
        }
        assertTrue(Files.exists(store));
        assertFalse(Files.exists(dir.resolve("data/atlas.partial.gpkg")));
        assertTrue(progress.toString().contains("[16/16] parcels"), progress.toString());
        // Opening it again does not load anything twice.
        try (LayerStore s = StoreLocation.open(store.toString(), true, line -> progress.append("again: ").append(line))) {
            assertEquals(16, s.layers().size());
            assertEquals(20, s.records("target-report").size(), "the demo's reported target figures");
        }
        assertFalse(progress.toString().contains("again:"));
    }
}
