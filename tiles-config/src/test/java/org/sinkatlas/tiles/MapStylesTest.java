package org.sinkatlas.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Envelope;
import org.sinkatlas.layers.demo.DemoLayers;
import org.sinkatlas.layers.model.GeometryKind;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.Localized;
import org.sinkatlas.layers.model.PropertyDef;
import org.sinkatlas.layers.model.PropertyType;
import org.sinkatlas.layers.model.SinkFields;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.geopackage.GeoPackageStore;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The MapLibre style and TileJSON written from the built-in tile rules ({@code tiles/layers.yaml}) for the demo
 * layers and the sink grid: which style layers there are and in what order, their source, zooms, paint and labels,
 * checked against the rules file as read here on its own, and the colour expressions evaluated to the colours
 * the PNG renderer gives the same features.
 */
class MapStylesTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TILEJSON_URL = "https://atlas.example/tiles/WebMercatorQuad?f=tilejson";
    static final String TILE_URL = "https://atlas.example/tiles/WebMercatorQuad/vector/{z}/{y}/{x}";

    /** The sink grid as sink-models defines it (that module is not a dependency of this one). */
    static final LayerInfo SINK_GRID;

    static {
        List<PropertyDef> p = new ArrayList<>();
        p.add(PropertyDef.of("cell", PropertyType.STRING, "网格编号", "Cell"));
        p.addAll(SinkFields.definitions());
        p.add(PropertyDef.of("ccer_share", PropertyType.REAL, "CCER 占比", "CCER share"));
        p.add(PropertyDef.of("landcover_shares", PropertyType.JSON, "各地类面积占比", "Land-cover shares"));
        SINK_GRID = new LayerInfo("sink-grid", Localized.of("碳汇网格（1公里）", "Sink grid (1 km)"),
                Localized.of("网格", "Grid"), GeometryKind.POLYGON, p, null, true, "Sink Atlas", List.of());
    }

    @TempDir
    Path dir;

    LayerStore store;
    VectorTiles tiles;
    MapStyles styles;
    /** The rules file as YAML maps, read here without TileRules: the oracle of what the style must say. */
    Map<String, Object> file;

    @BeforeEach
    void open() throws Exception {
        store = GeoPackageStore.open(dir.resolve("styles.gpkg"));
        tiles = new VectorTiles(store, TileRules.builtIn(), new TileCache(1 << 20));
        styles = new MapStyles(tiles);
        try (InputStream in = MapStylesTest.class.getResourceAsStream(TileRules.RESOURCE)) {
            assertNotNull(in, TileRules.RESOURCE);
            file = new Yaml(new SafeConstructor(new LoaderOptions())).load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    static LayerInfo demo(String id) {
        return DemoLayers.all().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }

    /** Every layer of the map, deliberately not in the rules file's order. */
    static List<LayerInfo> mapLayers() {
        List<LayerInfo> all = new ArrayList<>(DemoLayers.all());
        all.add(0, SINK_GRID);
        Collections.reverse(all);
        return all;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> entry(String id) {
        return (Map<String, Object>) ((Map<String, Object>) file.get("layers")).get(id);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> styleOf(String id) {
        return (Map<String, Object>) entry(id).get("style");
    }

    int fileMinzoom(String id) {
        Object own = entry(id).get("minzoom");
        return (Integer) (own != null ? own : ((Map<?, ?>) file.get("defaults")).get("minzoom"));
    }

    static Map<String, JsonNode> byId(JsonNode style) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode l : style.get("layers")) assertNull(out.put(l.get("id").asText(), l), "duplicate id " + l.get("id"));
        return out;
    }

    static List<String> ids(JsonNode style) {
        return new ArrayList<>(byId(style).keySet());
    }

    @Test
    void theMapStyleDrawsFillsThenLinesThenCirclesThenLabelsFromOneVectorSource() {
        Envelope bounds = new Envelope(120.6, 121.2, 30.8, 31.2);
        ObjectNode style = styles.style("Sink Atlas", TILEJSON_URL, mapLayers(), bounds, "en");

        assertEquals(8, style.get("version").asInt());
        assertEquals("Sink Atlas", style.get("name").asText());
        assertFalse(style.has("glyphs"), "labels are drawn with the browser's fonts: no glyph server");
        assertEquals(List.of(MapStyles.SOURCE), iterate(style.get("sources").fieldNames()));
        JsonNode source = style.get("sources").get(MapStyles.SOURCE);
        assertEquals("vector", source.get("type").asText());
        assertEquals(TILEJSON_URL, source.get("url").asText());
        assertEquals(120.9, style.get("center").get(0).asDouble(), 1e-9);
        assertEquals(31.0, style.get("center").get(1).asDouble(), 1e-9);
        assertEquals(9.2, style.get("zoom").asDouble(), 1e-9);

        assertEquals(List.of("background",
                // fills, in the file's order
                "sink-grid", "parcels", "water", "wetlands", "polder-ponds", "forests", "parks", "pv-sites",
                // lines and outlines
                "districts", "key-zones", "sink-projects", "greenways",
                // circles
                "energy-sites", "vertical-greening", "low-energy-buildings", "eco-cycle-sites", "low-carbon-factories",
                // labels last, over everything, for the layers whose style names a label property they carry
                "water-label", "parks-label", "districts-label", "key-zones-label", "sink-projects-label", "greenways-label",
                "energy-sites-label", "vertical-greening-label", "low-energy-buildings-label", "eco-cycle-sites-label",
                "low-carbon-factories-label"), ids(style));

        JsonNode background = style.get("layers").get(0);
        assertEquals("background", background.get("type").asText());
        assertEquals("#f4f1ea", background.get("paint").get("background-color").asText());
        assertFalse(background.has("source"));
        for (JsonNode l : style.get("layers")) {
            if (l == background) continue;
            assertEquals(MapStyles.SOURCE, l.get("source").asText(), l.get("id").asText());
            String layer = l.get("metadata").get("sink-atlas:layer").asText();
            assertTrue(l.get("id").asText().startsWith(layer), l.get("id").asText());
        }

        // Without bounds the style leaves the place to the client.
        ObjectNode nowhere = styles.style("Sink Atlas", TILEJSON_URL, mapLayers(), null, "en");
        assertFalse(nowhere.has("center"));
        assertFalse(nowhere.has("zoom"));
        assertEquals(ids(style), ids(nowhere));
    }

    @Test
    void everyLayerIsPaintedAsTheRulesFileSays() {
        Map<String, JsonNode> layers = byId(styles.style("map", TILEJSON_URL, mapLayers(), null, "en"));
        @SuppressWarnings("unchecked")
        Map<String, Object> configured = (Map<String, Object>) file.get("layers");
        assertEquals(17, configured.size());
        for (String id : configured.keySet()) {
            JsonNode l = layers.get(id);
            assertNotNull(l, id);
            Map<String, Object> s = styleOf(id);
            String kind = (String) s.get("kind");
            assertEquals(id, l.get("source-layer").asText());
            assertEquals(fileMinzoom(id), l.get("minzoom").asInt(), id + " minzoom");
            double opacity = s.get("opacity") == null ? 1 : ((Number) s.get("opacity")).doubleValue();
            JsonNode paint = l.get("paint");
            switch (kind) {
                case "fill" -> {
                    assertEquals("fill", l.get("type").asText(), id);
                    assertEquals(expectedColour(s), paint.get("fill-color"), id);
                    assertEquals(opacity, paint.get("fill-opacity").asDouble(), 1e-12, id);
                    assertOptional(s.get("outline"), paint.get("fill-outline-color"), id);
                }
                case "line", "outline" -> {
                    assertEquals("line", l.get("type").asText(), id);
                    assertEquals(expectedColour(s), paint.get("line-color"), id);
                    assertEquals(((Number) s.get("width")).doubleValue(), paint.get("line-width").asDouble(), 1e-12, id);
                    assertEquals(opacity, paint.get("line-opacity").asDouble(), 1e-12, id);
                    assertEquals("round", l.get("layout").get("line-join").asText());
                    assertEquals("round", l.get("layout").get("line-cap").asText());
                    Object dash = s.get("dash");
                    if (dash == null) {
                        assertFalse(paint.has("line-dasharray"), id);
                    } else {
                        List<Double> got = new ArrayList<>();
                        paint.get("line-dasharray").forEach(d -> got.add(d.asDouble()));
                        assertEquals(((List<?>) dash).stream().map(d -> ((Number) d).doubleValue()).toList(), got, id);
                    }
                }
                case "circle" -> {
                    assertEquals("circle", l.get("type").asText(), id);
                    assertEquals(expectedColour(s), paint.get("circle-color"), id);
                    assertEquals(((Number) s.get("radius")).doubleValue(), paint.get("circle-radius").asDouble(), 1e-12, id);
                    assertEquals(opacity, paint.get("circle-opacity").asDouble(), 1e-12, id);
                    assertOptional(s.get("outline"), paint.get("circle-stroke-color"), id);
                }
                default -> throw new AssertionError(id + ": kind " + kind);
            }
        }
    }

    private static void assertOptional(Object configured, JsonNode got, String id) {
        if (configured == null) assertNull(got, id);
        else assertEquals(configured, got.asText(), id);
    }

    /** The colour the style must carry for a style entry of the file: constant, match or step expression. */
    @SuppressWarnings("unchecked")
    private static JsonNode expectedColour(Map<String, Object> s) {
        Map<String, Object> by = (Map<String, Object>) s.get("by");
        if (by == null) return JSON.getNodeFactory().textNode((String) s.get("color"));
        String property = (String) by.get("property");
        List<Object> e = new ArrayList<>();
        if (by.get("steps") != null) {
            List<Object> step = new ArrayList<>(List.of("step", List.of("to-number", List.of("get", property))));
            List<Map<String, Object>> steps = (List<Map<String, Object>>) by.get("steps");
            for (int i = 0; i < steps.size(); i++) {
                if (i > 0) step.add(((Number) steps.get(i - 1).get("below")).doubleValue());
                step.add(steps.get(i).get("color"));
            }
            e.addAll(List.of("case", List.of("has", property), step, by.get("default")));
        } else {
            e.add("match");
            e.add(List.of("get", property));
            for (Map<String, Object> c : (List<Map<String, Object>>) by.get("match")) {
                e.add(String.valueOf(c.get("value")));
                e.add(c.get("color"));
            }
            e.add(by.get("default"));
        }
        return JSON.valueToTree(e);
    }

    @Test
    void theSinkColoursAreOneStepExpressionWithRisingStops() throws Exception {
        Map<String, JsonNode> layers = byId(styles.style("map", TILEJSON_URL, mapLayers(), null, "en"));
        JsonNode expected = JSON.readTree("[\"case\", [\"has\", \"sink_density\"], [\"step\", [\"to-number\", [\"get\","
                + " \"sink_density\"]], \"#7f3b08\", -5.0, \"#b35806\", -1.0, \"#f1a340\", 0.0, \"#f0f0e8\", 0.5, \"#c7e9c0\","
                + " 2.0, \"#74c476\", 4.0, \"#238b45\"], \"#dddddd\"]");
        assertEquals(expected, layers.get("sink-grid").get("paint").get("fill-color"));
        // The parcels share the grid's steps (a YAML anchor), with their own opacity and a white outline.
        assertEquals(expected, layers.get("parcels").get("paint").get("fill-color"));
        assertEquals(0.8, layers.get("sink-grid").get("paint").get("fill-opacity").asDouble(), 1e-12);
        assertEquals(0.75, layers.get("parcels").get("paint").get("fill-opacity").asDouble(), 1e-12);
        assertEquals("#ffffff", layers.get("parcels").get("paint").get("fill-outline-color").asText());
        assertNull(layers.get("sink-grid").get("paint").get("fill-outline-color"));
    }

    /** A feature's colour in the web map (the style's expression) is the one the PNG tiles give it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "sink-grid|sink_density|-6|#7f3b08",
        "sink-grid|sink_density|-5|#b35806",
        "sink-grid|sink_density|-1.5|#b35806",
        "sink-grid|sink_density|-1|#f1a340",
        "sink-grid|sink_density|-0.01|#f1a340",
        "sink-grid|sink_density|0|#f0f0e8",
        "sink-grid|sink_density|0.5|#c7e9c0",
        "sink-grid|sink_density|3.99|#74c476",
        "sink-grid|sink_density|4|#238b45",
        "sink-grid|sink_density|250|#238b45",
        "sink-grid|sink_density|null|#dddddd",
        "parcels|sink_density|2|#74c476",
        "forests|status|built|#2e7d46",
        "forests|status|under_construction|#7fbf7f",
        "forests|status|planned|#c7e6c1",
        "forests|status|felled|#5a9e62",
        "forests|status|null|#5a9e62",
        "energy-sites|kind|hydrogen|#4cc9f0",
        "energy-sites|kind|charging|#4895ef",
        "greenways|status|planned|#9a9a9a",
        "water|kind|lake|#8ec5ea",
    })
    void theStyleAndThePngRendererGiveAFeatureTheSameColour(String id, String property, String value, String colour) {
        LayerInfo layer = id.equals("sink-grid") ? SINK_GRID : demo(id);
        JsonNode l = byId(styles.style("map", TILEJSON_URL, List.of(layer), null, "en")).get(id);
        String paint = switch (l.get("type").asText()) {
            case "fill" -> "fill-color";
            case "line" -> "line-color";
            default -> "circle-color";
        };
        Object typed = value == null ? null : property.equals("sink_density") ? (Object) Double.parseDouble(value) : value;
        Map<String, Object> props = new HashMap<>();
        if (typed != null) props.put(property, typed);
        assertEquals(colour, Expressions.eval(l.get("paint").get(paint), props), "web map");
        assertEquals(colour, tiles.rule(layer).style().colorOf(typed), "PNG tiles");
    }

    @Test
    void zoomRangesFollowTheRulesAndAGeneralisedLayerGivesWayAfterItsLastZoom() {
        Map<String, JsonNode> layers = byId(styles.style("map", TILEJSON_URL, mapLayers(), null, "en"));
        // The grid is tiled to zoom 10 and hidden from 11, exactly where the parcels start.
        assertEquals(0, layers.get("sink-grid").get("minzoom").asInt());
        assertEquals(11, layers.get("sink-grid").get("maxzoom").asInt());
        assertEquals(11, layers.get("parcels").get("minzoom").asInt());
        assertFalse(layers.get("parcels").has("maxzoom"));
        // Tiled to 14 but not generalised: the client draws deeper zooms from zoom 14's tiles, so no maxzoom.
        assertEquals(0, layers.get("districts").get("minzoom").asInt());
        assertFalse(layers.get("districts").has("maxzoom"));
        assertEquals(4, layers.get("water").get("minzoom").asInt());
        assertEquals(6, layers.get("energy-sites").get("minzoom").asInt());
        assertEquals(8, layers.get("wetlands").get("minzoom").asInt(), "the default minzoom");
        for (Map.Entry<String, JsonNode> e : layers.entrySet()) {
            if (e.getKey().equals("sink-grid") || e.getKey().endsWith("-label") || e.getKey().equals("background")) continue;
            assertFalse(e.getValue().has("maxzoom"), e.getKey() + " is not generalised");
        }
    }

    @Test
    void labelsAreSymbolLayersAtTheirZoomsOnLabelPointsForAreas() {
        Map<String, JsonNode> layers = byId(styles.style("map", TILEJSON_URL, mapLayers(), null, "en"));
        List<String> fonts = List.of("Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", "sans-serif");
        for (Map.Entry<String, JsonNode> e : layers.entrySet()) {
            if (!e.getKey().endsWith("-label")) continue;
            String id = e.getKey().substring(0, e.getKey().length() - "-label".length());
            JsonNode l = e.getValue();
            Map<String, Object> s = styleOf(id);
            assertEquals("symbol", l.get("type").asText(), id);
            assertEquals(JSON.valueToTree(List.of("get", s.get("label"))), l.get("layout").get("text-field"), id);
            List<String> gotFonts = new ArrayList<>();
            l.get("layout").get("text-font").forEach(f -> gotFonts.add(f.asText()));
            assertEquals(fonts, gotFonts);
            assertEquals(Math.max(fileMinzoom(id), (Integer) s.get("label_minzoom")), l.get("minzoom").asInt(), id);
            Integer labelMax = (Integer) s.get("label_maxzoom");
            if (labelMax == null) assertFalse(l.has("maxzoom"), id);
            else assertEquals(labelMax + 1, l.get("maxzoom").asInt(), id + ": hidden from the zoom after label_maxzoom");
            assertEquals("#30343b", l.get("paint").get("text-color").asText());
            assertEquals("#ffffff", l.get("paint").get("text-halo-color").asText());
        }
        // An area is labelled once, on its label point layer; lines and points on their own features.
        for (String area : List.of("water", "parks", "districts", "key-zones", "sink-projects")) {
            assertEquals(area + "-label", layers.get(area + "-label").get("source-layer").asText(), area);
        }
        assertEquals("greenways", layers.get("greenways-label").get("source-layer").asText());
        assertEquals("line", layers.get("greenways-label").get("layout").get("symbol-placement").asText());
        JsonNode station = layers.get("energy-sites-label");
        assertEquals("energy-sites", station.get("source-layer").asText());
        assertEquals(13, station.get("minzoom").asInt());
        assertEquals(JSON.valueToTree(List.of(0, 1.1)), station.get("layout").get("text-offset"));
        assertEquals("top", station.get("layout").get("text-anchor").asText());
        assertFalse(layers.get("water-label").get("layout").has("symbol-placement"));
        // Districts: from label_minzoom 8 to label_maxzoom 12.
        assertEquals(8, layers.get("districts-label").get("minzoom").asInt());
        assertEquals(13, layers.get("districts-label").get("maxzoom").asInt());
        // Layers whose style has no label get no symbol layer.
        for (String silent : List.of("sink-grid", "parcels", "wetlands", "polder-ponds", "forests", "pv-sites")) {
            assertFalse(layers.containsKey(silent + "-label"), silent);
        }
    }

    @Test
    void aLabelPropertyTheTilesDoNotCarryGetsNoLabelLayer() {
        String rules = "defaults: {minzoom: 8, maxzoom: 16, buffer: 4, simplify: 0.5, min_size: 0.75, max_features: 1000,"
                + " max_bytes: 500000}\nlayers:\n  water: {attributes: [name, kind], style: {kind: fill, color: '#8ec5ea',"
                + " label: source}}\n  parks: {attributes: [name], style: {kind: fill, color: '#9bd770', label: name}}\n";
        MapStyles own = new MapStyles(new VectorTiles(store, TileRules.read(new StringReader(rules), "test"), new TileCache(1 << 20)));
        assertEquals(List.of("background", "water", "parks", "parks-label"),
                ids(own.style("m", TILEJSON_URL, List.of(demo("parks"), demo("water")), null, "en")));
    }

    @Test
    void layersTheFileDoesNotNameGetAPlainStyleForTheirKindAfterTheConfiguredOnes() {
        LayerInfo survey = new LayerInfo("survey-points", Localized.of("调查点", "Survey points"), Localized.of("", ""),
                GeometryKind.POINT, List.of(PropertyDef.of("name", PropertyType.STRING, "名称", "Name")), null, true, "",
                List.of());
        LayerInfo zones = new LayerInfo("admin-zones", Localized.of("分区", "Zones"), Localized.of("", ""),
                GeometryKind.MULTIPOLYGON, List.of(PropertyDef.of("name", PropertyType.STRING, "名称", "Name")), null, true,
                "", List.of());
        LayerInfo tracks = new LayerInfo("tracks", Localized.of("轨迹", "Tracks"), Localized.of("", ""),
                GeometryKind.LINESTRING, List.of(PropertyDef.of("code", PropertyType.STRING, "编号", "Code")), null, true,
                "", List.of());
        ObjectNode style = styles.style("m", TILEJSON_URL, List.of(survey, demo("energy-sites"), tracks, zones,
                demo("greenways"), demo("water")), null, "en");
        assertEquals(List.of("background", "water", "admin-zones", "greenways", "tracks", "energy-sites", "survey-points",
                "water-label", "admin-zones-label", "greenways-label", "energy-sites-label", "survey-points-label"), ids(style),
                "tracks have no name to label");
        Map<String, JsonNode> layers = byId(style);
        JsonNode point = layers.get("survey-points");
        assertEquals("circle", point.get("type").asText());
        assertEquals("#7a869a", point.get("paint").get("circle-color").asText());
        assertEquals("#4a5568", point.get("paint").get("circle-stroke-color").asText());
        assertEquals(0.6, point.get("paint").get("circle-opacity").asDouble(), 1e-12);
        assertEquals(4, point.get("paint").get("circle-radius").asDouble(), 1e-12);
        assertEquals(8, point.get("minzoom").asInt(), "the defaults' minzoom");
        assertEquals("fill", layers.get("admin-zones").get("type").asText());
        assertEquals("#7a869a", layers.get("admin-zones").get("paint").get("fill-color").asText());
        assertEquals("line", layers.get("tracks").get("type").asText());
        assertEquals(1.5, layers.get("tracks").get("paint").get("line-width").asDouble(), 1e-12);
        assertEquals(13, layers.get("survey-points-label").get("minzoom").asInt());
        assertEquals("admin-zones-label", layers.get("admin-zones-label").get("source-layer").asText());
    }

    @Test
    void theLegendListsEachLayerWithItsClassesInDrawingOrder() {
        ObjectNode style = styles.style("map", TILEJSON_URL, mapLayers(), null, "en");
        JsonNode legend = style.get("metadata").get("sink-atlas:legend");
        List<String> order = new ArrayList<>();
        legend.forEach(e -> order.add(e.get("layer").asText()));
        List<String> drawn = ids(style).stream().filter(i -> !i.equals("background") && !i.endsWith("-label")).toList();
        assertEquals(drawn, order);

        JsonNode grid = legend.get(0);
        assertEquals("sink-grid", grid.get("layer").asText());
        assertEquals("碳汇网格（1公里）", grid.get("title").get("zh").asText());
        assertEquals("Sink grid (1 km)", grid.get("title").get("en").asText());
        assertEquals("fill", grid.get("kind").asText());
        assertEquals("#dddddd", grid.get("color").asText());
        List<String> colours = new ArrayList<>();
        grid.get("classes").forEach(c -> colours.add(c.get("color").asText()));
        assertEquals(List.of("#7f3b08", "#b35806", "#f1a340", "#f0f0e8", "#c7e9c0", "#74c476", "#238b45"), colours);
        assertEquals("Strong source (< -5 tCO2e/ha/yr)", grid.get("classes").get(0).get("label").get("en").asText());
        assertEquals("强汇（≥ 4）", grid.get("classes").get(6).get("label").get("zh").asText());

        JsonNode districts = legend.get(order.indexOf("districts"));
        assertEquals("outline", districts.get("kind").asText());
        assertEquals("#6a4c93", districts.get("color").asText());
        assertEquals(0, districts.get("classes").size());
        JsonNode stations = legend.get(order.indexOf("energy-sites"));
        assertEquals("circle", stations.get("kind").asText());
        assertEquals(4, stations.get("classes").size());
        assertEquals("Hydrogen station", stations.get("classes").get(3).get("label").get("en").asText());
        assertEquals("#4cc9f0", stations.get("classes").get(3).get("color").asText());
    }

    @Test
    void aLayersOwnStyleHoldsOnlyThatLayer() {
        ObjectNode style = styles.style("水域 Water", "https://atlas.example/collections/water/tiles/WebMercatorQuad?f=tilejson",
                List.of(demo("water")), null, "zh");
        assertEquals(List.of("background", "water", "water-label"), ids(style));
        assertEquals("https://atlas.example/collections/water/tiles/WebMercatorQuad?f=tilejson",
                style.get("sources").get(MapStyles.SOURCE).get("url").asText());
        assertEquals(1, style.get("metadata").get("sink-atlas:legend").size());

        ObjectNode empty = styles.style("nothing", TILEJSON_URL, List.of(), null, "en");
        assertEquals(List.of("background"), ids(empty));
        assertEquals(0, empty.get("metadata").get("sink-atlas:legend").size());
    }

    @Test
    void tileJsonListsEachLayersZoomsFieldsAndLabelPoints() {
        Envelope bounds = new Envelope(120.6, 121.2, 30.8, 31.2);
        List<LayerInfo> layers = List.of(SINK_GRID, demo("water"), demo("greenways"), demo("energy-sites"));
        ObjectNode t = styles.tileJson("Sink Atlas", Localized.of("碳汇地图", "The sink map"), "© test", TILE_URL, layers,
                bounds, "en");
        assertEquals("3.0.0", t.get("tilejson").asText());
        assertEquals("xyz", t.get("scheme").asText());
        assertEquals("The sink map", t.get("description").asText());
        assertEquals("© test", t.get("attribution").asText());
        assertEquals(JSON.valueToTree(List.of(TILE_URL)), t.get("tiles"));
        assertEquals(0, t.get("minzoom").asInt(), "the grid starts at zoom 0");
        assertEquals(16, t.get("maxzoom").asInt());
        assertEquals(JSON.valueToTree(List.of(120.6, 30.8, 121.2, 31.2)), t.get("bounds"));
        assertEquals(120.9, t.get("center").get(0).asDouble(), 1e-9);
        assertEquals(31.0, t.get("center").get(1).asDouble(), 1e-9);
        assertEquals(9, t.get("center").get(2).asInt());

        Map<String, JsonNode> vl = new LinkedHashMap<>();
        t.get("vector_layers").forEach(v -> vl.put(v.get("id").asText(), v));
        assertEquals(List.of("sink-grid", "water", "water-label", "greenways", "energy-sites"), new ArrayList<>(vl.keySet()));
        JsonNode grid = vl.get("sink-grid");
        assertEquals(0, grid.get("minzoom").asInt());
        assertEquals(10, grid.get("maxzoom").asInt());
        assertEquals("Sink grid (1 km)", grid.get("description").asText());
        Map<String, String> fields = new LinkedHashMap<>();
        grid.get("fields").fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue().asText()));
        assertEquals(Map.of("cell", "String", "ccer_share", "Number", "sink_density", "Number", "sink_net_tco2e", "Number",
                "sink_stock_tc", "Number", "sink_area_m2", "Number", "sink_methane_tco2e", "Number", "sink_n2o_tco2e", "Number",
                "sink_eligibility", "String", "sink_plan_diff_tco2e", "Number"), fields);
        JsonNode greenways = vl.get("greenways");
        assertEquals(6, greenways.get("minzoom").asInt());
        assertEquals(16, greenways.get("maxzoom").asInt());
        assertEquals("String", greenways.get("fields").get("completed").asText(), "dates are text in tiles");
        assertEquals("Number", greenways.get("fields").get("width_m").asText());
        assertFalse(greenways.get("fields").has("synthetic"), "only the rule's attributes are listed");
        JsonNode points = vl.get("water-label");
        assertEquals(4, points.get("minzoom").asInt());
        assertEquals(JSON.valueToTree(Map.of("name", "String", "name_en", "String")), points.get("fields"));
        assertTrue(points.get("description").asText().startsWith("Water · label points"), points.get("description").asText());

        ObjectNode zh = styles.tileJson("碳汇地图", Localized.of("碳汇地图", "The sink map"), "", TILE_URL, layers, null, "zh");
        assertEquals("碳汇地图", zh.get("description").asText());
        assertEquals("水域", zh.get("vector_layers").get(1).get("description").asText());
        assertFalse(zh.has("bounds"));
        assertFalse(zh.has("center"));

        ObjectNode none = styles.tileJson("empty", Localized.of("空", "empty"), "", TILE_URL, List.of(), null, "en");
        assertEquals(0, none.get("minzoom").asInt());
        assertEquals(0, none.get("maxzoom").asInt());
        assertEquals(0, none.get("vector_layers").size());
    }

    /** MapStyles writes only what TileRules accepted: a style fault stops the rules file, naming layer and fault. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{kind: fill, color: green}|colour 'green' must be #rrggbb",
        "{kind: polygon, color: \"#112233\"}|style kind must be fill, line, outline or circle, not polygon",
        "{kind: fill, colour: \"#112233\"}|unknown style key 'colour'",
        "{kind: fill}|style needs a color (or by.default)",
        "{kind: fill, by: {property: kind, default: \"#112233\"}}|by needs either match or steps",
    })
    void aStyleFaultIsRefusedBeforeAnyStyleIsWritten(String style, String message) {
        String rules = "defaults: {minzoom: 8, maxzoom: 16, buffer: 4, simplify: 0.5, min_size: 0.75, max_features: 1000,"
                + " max_bytes: 500000}\nlayers:\n  water: {style: " + style + "}\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TileRules.read(new StringReader(rules), "layers.yaml"));
        assertEquals("layers.yaml, layer water: " + message, e.getMessage());
    }

    private static List<String> iterate(Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    /** The few MapLibre expression operators MapStyles writes, evaluated as the style specification defines them. */
    static final class Expressions {

        private Expressions() {}

        static Object eval(JsonNode e, Map<String, Object> props) {
            if (e.isTextual()) return e.asText();
            if (e.isNumber()) return e.asDouble();
            if (e.isBoolean()) return e.asBoolean();
            String op = e.get(0).asText();
            int n = e.size();
            switch (op) {
                case "get":
                    return props.get(e.get(1).asText());
                case "has":
                    return props.containsKey(e.get(1).asText());
                case "to-number": {
                    Object v = eval(e.get(1), props);
                    if (v == null) return 0.0;
                    return v instanceof Number x ? x.doubleValue() : Double.parseDouble(v.toString());
                }
                case "case":
                    for (int i = 1; i + 1 < n; i += 2) if ((Boolean) eval(e.get(i), props)) return eval(e.get(i + 1), props);
                    return eval(e.get(n - 1), props);
                case "step": {
                    double x = ((Number) eval(e.get(1), props)).doubleValue();
                    Object out = eval(e.get(2), props);
                    double last = Double.NEGATIVE_INFINITY;
                    for (int i = 3; i + 1 < n; i += 2) {
                        double stop = e.get(i).asDouble();
                        assertTrue(stop > last, "step stops must rise: " + e);
                        last = stop;
                        if (x >= stop) out = eval(e.get(i + 1), props);
                        else break;
                    }
                    return out;
                }
                case "match": {
                    Object v = eval(e.get(1), props);
                    for (int i = 2; i + 1 < n; i += 2) {
                        if (e.get(i).isTextual() && e.get(i).asText().equals(v)) return eval(e.get(i + 1), props);
                    }
                    return eval(e.get(n - 1), props);
                }
                default:
                    throw new AssertionError("operator " + op + " in " + e);
            }
        }
    }
}
