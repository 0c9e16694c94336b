package org.sinkatlas.layers.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs GDAL's command-line programs (installed by scripts/test.sh) as real clients in tests. */
public final class Gdal {

    private Gdal() {}

    /** Runs a GDAL program and returns what it printed; fails the test when it exits with an error. */
    public static String run(String... command) throws IOException, InterruptedException {
        return runWithInput(null, command);
    }

    /** Runs a GDAL program with {@code stdin} as its standard input (e.g. for {@code /vsistdin/}). */
    public static String runWithInput(String stdin, String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("GDAL_HTTP_TIMEOUT", "60");
        Process p = pb.start();
        String input = stdin != null ? stdin : "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"properties\":{\"name\":\"a\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[120.9,31.0]}}]}";
        p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + cmd);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        if (p.exitValue() != 0) throw new AssertionError(cmd + " failed (" + p.exitValue() + "):\n" + text);
        return text;
    }
}
