package org.sinkatlas.server.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sinkatlas.layers.filter.Filter;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.testing.Gdal;
import org.sinkatlas.server.testing.DemoServer;

/** GDAL's OAPIF driver as a real client of the service: it must read every collection, page by page. */
abstract class GdalClientSuite {

    /** The server under test (one per store engine). */
    protected abstract DemoServer demo();


    private static final ObjectMapper JSON = new ObjectMapper();

    private String oapif() {
        return "OAPIF:" + demo().url() + "/";
    }

    @Test
    void ogrinfoListsEveryCollectionWithItsFeatureCount() throws Exception {
        String list = Gdal.run("ogrinfo", "-ro", "-q", oapif());
        for (LayerInfo layer : demo().store().layers()) {
            assertTrue(list.contains(": " + layer.id() + " (title: " + layer.title().both() + ")"), list);
            String info = Gdal.run("ogrinfo", "-ro", "-so", oapif(), layer.id());
            long expected = demo().store().count(layer.id(), Filter.ALL);
            assertTrue(info.contains("Feature Count: " + expected), layer.id() + ":\n" + info);
        }
    }

    @Test
    void ogrinfoReadsAWholeLayerThroughTheNextLinks() throws Exception {
        String features = Gdal.run("ogrinfo", "-ro", "-oo", "PAGE_SIZE=400", oapif(), "forests");
        Matcher m = Pattern.compile("(?m)^OGRFeature\\(forests\\):(\\d+)$").matcher(features);
        List<Long> ids = new ArrayList<>();
        while (m.find()) ids.add(Long.parseLong(m.group(1)));
        long expected = demo().store().count("forests", Filter.ALL);
        assertEquals(expected, ids.size());
        assertEquals(expected, ids.stream().distinct().count());
        // GDAL pushes an equality filter on an advertised property down to the server.
        String filtered = Gdal.run("ogrinfo", "-ro", "-q", "-where", "forest_type = 'bamboo'", oapif(), "forests");
        long bamboo = demo().store().count("forests", new org.sinkatlas.layers.filter.Filter.Compare("forest_type",
                org.sinkatlas.layers.filter.ComparisonOp.EQ, "bamboo"));
        assertEquals(bamboo, filtered.lines().filter(l -> l.startsWith("OGRFeature(forests)")).count());
    }

    @Test
    void ogrinfoPushesWhereClausesToTheServerAsCql2() throws Exception {
        List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (AutoCloseable listening = demo().server().onRequest(requests::add)) {
            // OR is beyond the property query parameters: only a CQL filter can carry it.
            String info = Gdal.run("ogrinfo", "-ro", "-so", "-oo", "PAGE_SIZE=1000", "-where",
                    "forest_type = 'bamboo' OR forest_type = 'economic'", oapif(), "forests");
            long expected = demo().store().count("forests", new Filter.In("forest_type", List.of("bamboo", "economic")));
            assertTrue(expected > 0 && expected < demo().store().count("forests", Filter.ALL));
            assertTrue(info.contains("Feature Count: " + expected + "\n"), info);
            List<String> filtered = requests.stream().filter(r -> r.startsWith("GET /collections/forests/items?")
                    && r.contains("filter=") && r.contains("filter-lang=cql-text")).toList();
            assertFalse(filtered.isEmpty(), "GDAL sent the filter to the server: " + requests);
            filtered.forEach(r -> assertTrue(r.endsWith(" 200"), r));
            String decoded = java.net.URLDecoder.decode(filtered.get(0), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(decoded.contains("filter=(forest_type = 'bamboo') OR (forest_type = 'economic')"), decoded);

            // LIKE, a number and a spatial filter (sent as bbox) together, on parcels.
            requests.clear();
            String parcels = Gdal.run("ogrinfo", "-ro", "-so", "-oo", "PAGE_SIZE=5000", "-spat", "120.85", "30.95",
                    "121.0", "31.1", "-where", "landcover LIKE '03%' AND sink_net_tco2e > 1", oapif(), "parcels");
            long parcelCount = demo().store().count("parcels", Filter.and(
                    Filter.bbox(new org.locationtech.jts.geom.Envelope(120.85, 121.0, 30.95, 31.1)),
                    new Filter.Like("landcover", "03%", false),
                    new Filter.Compare("sink_net_tco2e", org.sinkatlas.layers.filter.ComparisonOp.GT, 1.0)));
            assertTrue(parcelCount > 0, "the filter selects some parcels");
            assertTrue(parcels.contains("Feature Count: " + parcelCount + "\n"), parcels);
            assertTrue(requests.stream().anyMatch(r -> r.contains("filter=") && r.contains("bbox=") && r.endsWith(" 200")),
                    requests.toString());

            // A date, which GDAL 3.6 writes as '2023-01-01T'.
            requests.clear();
            String greenways = Gdal.run("ogrinfo", "-ro", "-so", "-oo", "PAGE_SIZE=1000", "-where",
                    "completed >= '2023-01-01'", oapif(), "greenways");
            long since2023 = demo().store().count("greenways", new Filter.Compare("completed",
                    org.sinkatlas.layers.filter.ComparisonOp.GE, java.time.LocalDate.of(2023, 1, 1)));
            assertTrue(since2023 > 0 && since2023 < demo().store().count("greenways", Filter.ALL));
            assertTrue(greenways.contains("Feature Count: " + since2023 + "\n"), greenways);
            assertTrue(requests.stream().anyMatch(r -> r.contains("filter=") && r.endsWith(" 200")), requests.toString());
        }
    }

    @Test
    void gaussKrugerOutputAgreesWithProjBothWays() throws Exception {
        JsonNode ours = JSON.readTree(demo().get("/collections/key-zones/items?crs=EPSG:4549&limit=1000").body());
        JsonNode lonLat = JSON.readTree(demo().get("/collections/key-zones/items?limit=1000").body());
        // GDAL reads our CRS84 features and projects them with PROJ (its GeoJSON output is easting, northing).
        JsonNode gdal = JSON.readTree(Gdal.run("ogr2ogr", "-f", "GeoJSON", "/vsistdout/", "-t_srs", "EPSG:4549",
                "-lco", "COORDINATE_PRECISION=4", oapif(), "key-zones"));
        List<double[]> mine = coordinates(ours);
        List<double[]> proj = coordinates(gdal);
        List<double[]> crs84 = coordinates(lonLat);
        assertEquals(proj.size(), mine.size());
        StringBuilder toProj = new StringBuilder();
        for (int i = 0; i < mine.size(); i++) {
            assertEquals(proj.get(i)[1], mine.get(i)[0], 0.05, "northing of point " + i);
            assertEquals(proj.get(i)[0], mine.get(i)[1], 0.05, "easting of point " + i);
            toProj.append(mine.get(i)[1]).append(' ').append(mine.get(i)[0]).append('\n');
        }
        // And back: PROJ turns our (northing, easting) output into the same lon/lat we serve in CRS84.
        String back = Gdal.runWithInput(toProj.toString(), "gdaltransform", "-s_srs", "EPSG:4549", "-t_srs", "EPSG:4326",
                "-output_xy");
        List<String> lines = back.lines().filter(l -> !l.isBlank()).toList();
        assertEquals(crs84.size(), lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String[] xy = lines.get(i).trim().split("\\s+");
            assertEquals(crs84.get(i)[0], Double.parseDouble(xy[0]), 2e-7, "longitude of point " + i);
            assertEquals(crs84.get(i)[1], Double.parseDouble(xy[1]), 2e-7, "latitude of point " + i);
        }
    }

    private static List<double[]> coordinates(JsonNode collection) {
        List<double[]> out = new ArrayList<>();
        for (JsonNode f : collection.get("features")) collect(f.at("/geometry/coordinates"), out);
        return out;
    }

    private static void collect(JsonNode node, List<double[]> out) {
        if (node.isArray() && node.size() >= 2 && node.get(0).isNumber()) {
            out.add(new double[] {node.get(0).asDouble(), node.get(1).asDouble()});
        } else {
            node.forEach(n -> collect(n, out));
        }
    }
}
