package org.sinkatlas.server.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.sinkatlas.server.testing.BrowserRun;
import org.sinkatlas.server.testing.DemoServer;
import org.sinkatlas.sink.targets.TargetCatalog;

/**
 * The targets dashboard as a person meets it, in the web map's browser harness: Debian's Chromium driven by
 * playwright-core ({@code src/test/browser/check-dashboard.mjs}), against a real server.
 */
class DashboardBrowserTest {

    @Test
    void theDashboardDrawsACardAndAChartPerTargetInBothLanguagesOnALaptopAndAPhone() throws Exception {
        DemoServer demo = DemoServer.geopackage();
        Path shot = Path.of("target/dashboard.png");
        JsonNode r = BrowserRun.run("check-dashboard.mjs", demo.url(), shot);
        int targets = TargetCatalog.builtIn().all().size();
        assertEquals(targets, r.get("cards").asInt(), "one card per target");
        assertEquals(targets, r.get("charts").asInt(), "each with its chart");
        assertEquals("规划目标看板", r.get("title").asText(), "Chinese by default");
        assertEquals("29.27 公里", r.get("greenwayValue").asText());
        assertEquals("65", r.get("greenwayBar").asText());
        assertEquals("滞后", r.get("greenwayStatus").asText());
        assertTrue(r.get("columns").asInt() >= 3, "a laptop shows several columns: " + r.get("columns"));
        assertEquals("text", r.get("asOfType").asText(), "a date field the browser does not turn into mm/dd/yyyy");
        assertEquals("2025-12-31", r.get("asOfValue").asText());
        assertEquals(3, r.get("sinkBars").asInt(), "a bar for each district");
        assertTrue(r.get("sinkTotal").asText().startsWith("示范区净碳汇: ") && r.get("sinkTotal").asText().contains("区间"),
                r.get("sinkTotal").asText());
        assertEquals(demo.url() + "/sinks/summary?f=html", r.get("sinkLink").asText());

        assertEquals(7, r.get("panelRows").asInt(), "the seven greenways in Qingpu");
        assertEquals(5, r.get("panelCounted").asInt(), "five of them built by the end of 2025");
        assertTrue(r.get("panelFirstHref").asText().startsWith(demo.url() + "/collections/greenways/items/"));
        assertTrue(r.get("mapHref").asText().startsWith(demo.url() + "/viewer?layer=greenways&ids="), r.get("mapHref").asText());
        assertEquals("#greenway-km", r.get("hashAfterOpen").asText());
        assertTrue(r.get("panelClosed").asBoolean());

        assertEquals("Targets dashboard", r.get("englishTitle").asText());
        assertEquals("Behind", r.get("englishStatus").asText());
        assertEquals("Targets dashboard", r.get("englishAfterReload").asText(), "the choice is remembered");
        assertEquals(1, r.get("phoneColumns").asInt(), "one column on a phone");
        assertFalse(r.get("phoneOverflow").asBoolean(), "nothing wider than a phone's screen");
        assertTrue(Files.size(shot) > 50_000, "the screenshot is kept in target/dashboard.png");
    }
}
