package org.sinkatlas.server.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.sinkatlas.layers.model.Feature;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.server.testing.BrowserRun;
import org.sinkatlas.server.testing.DemoServer;

/**
 * The web map as a person meets it: Debian's Chromium, headless, driven by playwright-core
 * ({@code src/test/browser/check-viewer.mjs}, installed by scripts/test.sh), against a real server.
 */
class ViewerBrowserTest {

    @Test
    void theMapLoadsDrawsTilesAndShowsAParcelsSinkWhenClicked() throws Exception {
        DemoServer demo = DemoServer.geopackage();
        Path shot = Path.of("target/viewer.png");
        JsonNode r = BrowserRun.run("check-viewer.mjs", demo.url(), shot);
        assertTrue(r.get("tiles").asInt() >= 4, "tiles arrived: " + r.get("tiles"));
        assertTrue(r.get("distinctColours").asInt() > 300, "the map is drawn, not blank: " + r.get("distinctColours"));
        long published = demo.store().layers().stream().filter(LayerInfo::published).count();
        assertEquals(published, r.get("layerListEntries").asLong(), "one legend entry per published layer");
        assertEquals("碳汇一张图", r.get("title").asText());

        assertNotNull(r.get("clickedParcel"), "a parcel was found on screen");
        long id = r.get("clickedParcel").asLong();
        assertEquals(Long.toString(id), r.get("popupId").asText());
        String popup = r.get("popup").asText();
        Feature parcel = demo.store().feature("parcels", id).orElseThrow();
        assertTrue(popup.contains("净碳汇") && popup.contains("碳储量") && popup.contains("yrd-ess@2027.1 · GWP AR5"), popup);
        assertTrue(popup.contains("核算报告"), "the popup links the parcel's report: " + popup);
        assertTrue(popup.contains(parcel.property("code").toString()), popup);

        assertTrue(r.get("searchFirst").asText().contains("淀山湖"), r.get("searchFirst").asText());
        assertEquals("Sink Atlas", r.get("englishTitle").asText());
        assertTrue(r.get("phoneToggleVisible").asBoolean(), "a phone gets the panel button");
        assertTrue(r.get("phonePanelHidden").asBoolean(), "and the panel folds away");
        assertTrue(Files.size(shot) > 50_000, "the screenshot is kept in target/viewer.png");
    }
}
