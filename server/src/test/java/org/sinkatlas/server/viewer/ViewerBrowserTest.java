package org.sinkatlas.server.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.sinkatlas.layers.model.Feature;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.server.testing.BrowserRun;
import org.sinkatlas.server.testing.DemoServer;
import org.sinkatlas.sink.standard.LandCoverCodes;

/**
 * The web map as a person meets it: Debian's Chromium, headless, driven by playwright-core
 * ({@code src/test/browser/check-viewer.mjs}, installed by scripts/test.sh), against a real server. The
 * screenshots of each step are kept in {@code target/browser/}.
 */
class ViewerBrowserTest {

    @Test
    void theFirstViewShowsTheZonesSinkAndEachStepReadsLikeAMap() throws Exception {
        DemoServer demo = DemoServer.geopackage();
        Path shots = Path.of("target/browser");
        JsonNode r = BrowserRun.run("check-viewer.mjs", demo.url(), shots);
        assertTrue(r.get("tiles").asInt() >= 4, "tiles arrived: " + r.get("tiles"));
        long published = demo.store().layers().stream().filter(LayerInfo::published).count();
        assertEquals(published, r.get("layerListEntries").asLong(), "one legend entry per published layer");
        assertEquals("碳汇一张图", r.get("title").asText());

        // The first view: the zone's sink on the grid, from the legend's colours, and one label per district.
        assertTrue(r.get("startZoom").asDouble() < 10.5, "the whole zone: zoom " + r.get("startZoom"));
        assertTrue(r.get("startSink").get("share").asDouble() > 0.2, "the sink colours cover the zone: " + r.get("startSink"));
        assertTrue(r.get("gridCellsDrawn").asInt() > 500, "grid cells drawn: " + r.get("gridCellsDrawn"));
        assertEquals(7, r.get("measureLegendRows").asInt(), "the net sink's seven classes");
        JsonNode labels = r.get("districtLabels");
        for (String district : List.of("青浦区", "吴江区", "嘉善县")) {
            assertEquals(1, labels.path(district).asInt(), district + " is named once: " + labels);
        }
        String cell = r.get("cellPopup").asText();
        assertTrue(cell.contains("网格 E") && cell.contains("净碳汇") && cell.contains("地类构成") && cell.contains("水田"), cell);

        // Every other measure colours the map and has its legend and unit.
        for (String measure : List.of("stock", "emissions", "eligibility", "plan")) {
            JsonNode m = r.get("measures").get(measure);
            assertTrue(m.get("legendRows").asInt() >= 5, measure + ": " + m);
            assertTrue(m.get("drawn").asDouble() > 0.2, measure + " is drawn in its legend's colours: " + m);
        }
        assertEquals("吨碳/公顷", r.get("measures").get("stock").get("unit").asText());

        // A parcel's popup: its land cover by name, its net in the colour of a sink or a source.
        assertNotNull(r.get("clickedParcel"), "a parcel was found on screen");
        long id = r.get("clickedParcel").asLong();
        assertEquals(Long.toString(id), r.get("popupId").asText());
        Feature parcel = demo.store().feature("parcels", id).orElseThrow();
        String popup = r.get("popup").asText();
        String landcover = parcel.property("landcover").toString();
        assertTrue(popup.contains(LandCoverCodes.name(landcover).orElseThrow().zh()), "the class by name: " + popup);
        assertTrue(popup.contains("净碳汇") && popup.contains("碳储量") && popup.contains("yrd-ess@2027.1 · GWP AR5"), popup);
        assertTrue(popup.contains("核算报告") && popup.contains(parcel.property("code").toString()), popup);
        boolean source = ((Number) parcel.property("sink_net_tco2e")).doubleValue() < 0;
        assertEquals(source ? "rgb(179, 88, 6)" : "rgb(27, 127, 74)", r.get("netColour").asText(),
                "a net source in the emission colour, a sink in green: " + r.get("netText"));

        assertTrue(r.get("searchFirst").asText().contains("淀山湖"), r.get("searchFirst").asText());
        assertEquals("Sink Atlas", r.get("englishTitle").asText());
        assertEquals("Net sink density", r.get("englishMeasure").asText());

        assertEquals("#8e24aa", r.get("highlightColour").asText(), "highlighted features in violet");
        assertTrue(!r.get("keyZoneColour").asText().equalsIgnoreCase(r.get("highlightColour").asText()));

        // A phone sees the whole zone first, the panel behind its button.
        assertTrue(r.get("phone").get("zoneInView").asBoolean(), "the zone fits a 390x844 screen");
        assertTrue(r.get("phoneToggleVisible").asBoolean() && r.get("phonePanelHiddenAtFirst").asBoolean());
        assertTrue(r.get("phonePanelShown").asBoolean(), "the button opens the panel");

        // The exported picture and the summary page.
        BufferedImage exported = ImageIO.read(shots.resolve("3-export.png").toFile());
        assertEquals(1280 - 330, exported.getWidth(), "the map's width");
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < exported.getHeight(); y += 3) {
            for (int x = 0; x < exported.getWidth(); x += 3) colours.add(exported.getRGB(x, y));
        }
        assertTrue(colours.size() > 300, "the exported picture holds the map, not a blank: " + colours.size() + " colours");
        assertTrue(r.get("exportName").asText().matches("sink-atlas-net-\\d{4}-\\d{2}-\\d{2}\\.png"), r.get("exportName").asText());
        assertEquals(3, r.get("summaryTables").asInt());
        assertEquals(3, r.get("summaryCharts").asInt());
        assertEquals(5, r.get("summaryDistrictRows").asInt(), "a header, three districts and the total");
        for (String shot : List.of("1-start-view", "2-stock", "4-parcel-popup", "5-phone", "6-summary")) {
            assertTrue(Files.size(shots.resolve(shot + ".png")) > 30_000, shot + " is kept in target/browser");
        }
    }
}
