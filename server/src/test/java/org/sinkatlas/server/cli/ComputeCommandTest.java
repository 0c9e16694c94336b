package org.sinkatlas.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinkatlas.layers.testing.Gdal;

/** {@code compute} on files, read back with GDAL. */
class ComputeCommandTest {

    @TempDir
    Path dir;

    private static final String SURVEY = "{\"type\":\"FeatureCollection\",\"features\":["
            + feature(1, "\"landcover\":\"0301\"") + "," + feature(2, "\"landcover\":\"0101\"") + ","
            + feature(3, "\"landcover\":\"9999\"") + "]}";

    /**
     * A 1 ha square (100 m on the central meridian of EPSG:4549), easting first as GIS files hold coordinates
     * whatever the CRS's axis order.
     */
    private static String feature(int id, String props) {
        double n = 3431000 + id * 1000;
        return "{\"type\":\"Feature\",\"id\":" + id + ",\"properties\":{" + props + ",\"name\":\"p" + id + "\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[500000," + n + "],[500100," + n + "],[500100," + (n + 100)
                + "],[500000," + (n + 100) + "],[500000," + n + "]]]}}";
    }

    @Test
    void aSurveyFileGetsEstimateColumnsInEveryFormat() throws Exception {
        Path in = dir.resolve("survey.geojson");
        Files.writeString(in, SURVEY);
        // With the released 2026.1, whose stocks are fixed per class: 38.2 + 7.6 + 75 tC for a hectare of forest.
        Path gpkg = dir.resolve("survey-out.gpkg");
        assertEquals(0, SinkAtlasCliAccess.execute("compute", "--input", in.toString(), "--crs", "EPSG:4549", "--output",
                gpkg.toString(), "--standard", "yrd-ess@2026.1"));
        String info = Gdal.run("ogrinfo", "-ro", "-q", gpkg.toString(), "survey_out");
        assertFalse(info.contains("partially supported"), info);
        assertTrue(info.contains("sink_stock_tc (Real) = 120.8"), info);
        assertTrue(info.contains("sink_error (String) = unknown land cover '9999'"), info);

        // The GeoPackage read back (its old estimate columns replaced) into CSV, with the current standard.
        Path csv = dir.resolve("again.csv");
        assertEquals(0, SinkAtlasCliAccess.execute("compute", "--input", gpkg.toString(), "--output", csv.toString()));
        List<String> lines = Files.readAllLines(csv);
        assertEquals(4, lines.size());
        assertTrue(lines.get(1).contains(",0301,") && lines.get(1).contains("yrd-ess@2027.1,ar5,2026"), lines.get(1));

        Path json = dir.resolve("again.geojson");
        assertEquals(0, SinkAtlasCliAccess.execute("compute", "--input", in.toString(), "--crs", "EPSG:4549", "--output",
                json.toString()));
        JsonNode out = new ObjectMapper().readTree(json.toFile());
        assertEquals(3, out.get("features").size());
        assertEquals(10_000, out.at("/features/0/properties/sink_area_m2").asDouble(), 0.5);
        JsonNode paddy = out.at("/features/1/properties");
        assertEquals(45.4, paddy.get("sink_stock_tc").asDouble(), 0.5, "the zone's paddy soil");
        assertEquals(paddy.get("sink_removal_tco2e").asDouble() - paddy.get("sink_methane_tco2e").asDouble()
                - paddy.get("sink_n2o_tco2e").asDouble(), paddy.get("sink_net_tco2e").asDouble(), 1e-9);
        // Coordinates are written in CRS84.
        assertEquals(120.0, out.at("/features/0/geometry/coordinates/0/0/0/0").asDouble(), 0.01);

        // The CSV (WKT in CRS84) into a zipped shapefile: GDAL reads the three parcels and their estimates.
        Path zip = dir.resolve("again.zip");
        assertEquals(0, SinkAtlasCliAccess.execute("compute", "--input", csv.toString(), "--output", zip.toString()));
        String shp = Gdal.run("ogrinfo", "-ro", "-al", "-so", "/vsizip/" + zip);
        assertTrue(shp.contains("Feature Count: 3") && shp.contains("sink_net_t"), shp);
    }

    @Test
    void badArgumentsAreReportedAndNothingIsLeftBehind() throws Exception {
        Path in = dir.resolve("survey.geojson");
        Files.writeString(in, SURVEY);
        assertEquals(2, SinkAtlasCliAccess.execute("compute", "--input", in.toString(), "--output",
                dir.resolve("x.shp").toString()));
        assertEquals(2, SinkAtlasCliAccess.execute("compute", "--input", in.toString(), "--output",
                dir.resolve("x.csv").toString(), "--standard", "nope@1"));
        Files.writeString(dir.resolve("exists.csv"), "keep");
        assertEquals(2, SinkAtlasCliAccess.execute("compute", "--input", in.toString(), "--output",
                dir.resolve("exists.csv").toString()));
        assertEquals("keep", Files.readString(dir.resolve("exists.csv")));
        Files.writeString(dir.resolve("broken.geojson"), "{\"type\":\"Nothing\"}");
        assertEquals(2, SinkAtlasCliAccess.execute("compute", "--input", dir.resolve("broken.geojson").toString(),
                "--output", dir.resolve("y.csv").toString()));
        assertFalse(Files.exists(dir.resolve("y.csv")));
    }
}
