package org.sinkatlas.server.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the browser harness's scripts ({@code src/test/browser/*.mjs}: Debian's Chromium driven by
 * playwright-core, installed by scripts/test.sh) against a running server, and checks what every page must
 * satisfy: no console errors, no failed requests, nothing fetched from outside.
 */
public final class BrowserRun {

    private BrowserRun() {
    }

    /** @return what the script printed: the facts it read off the page, for the test to assert */
    public static JsonNode run(String script, String serverUrl, Path screenshot) throws Exception {
        Path file = Path.of("src/test/browser", script).toAbsolutePath();
        assertTrue(Files.isDirectory(file.resolveSibling("node_modules/playwright-core")),
                "playwright-core is missing: run scripts/test.sh, which installs it (npm ci in src/test/browser)");
        Process node = new ProcessBuilder("node", file.toString(), serverUrl, screenshot.toAbsolutePath().toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(240, TimeUnit.SECONDS), "the browser run did not end");
        assertFalse(out.isBlank(), "the browser script printed nothing");
        JsonNode r = new ObjectMapper().readTree(out);
        assertTrue(r.path("error").isMissingNode(), r.path("error").asText());
        assertEquals(0, r.get("consoleErrors").size(), "console errors: " + r.get("consoleErrors"));
        assertEquals(0, r.get("failedRequests").size(), "failed requests: " + r.get("failedRequests"));
        assertEquals(0, r.get("outsideRequests").size(), "nothing is fetched from outside: " + r.get("outsideRequests"));
        return r;
    }
}
