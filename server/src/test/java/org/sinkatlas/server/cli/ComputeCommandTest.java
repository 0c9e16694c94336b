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

    /** A 1 ha square (100 m on the central meridian of EPSG:4549) written in EPSG:4549 axis order. */
    private static String feature(int id, String props) {
        double n = 3431000 + id * 1000;
        return "{\"type\":\"Feature\",\"id\":" + id + ",\"properties\":{" + props + ",\"name\":\"p" + id + "\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[" + n + ",500000],[" + n + ",500100],[" + (n + 100)
                + ",500100],[" + (n + 100) + ",500000],[" + n + ",500000]]]}}";
    }

    @Test
    void aSurveyFileGetsEstimateColumnsInEveryFormat() throws Exception {
        Path in = dir.resolve("survey.geojson");
        Files.writeString(in, SURVEY);
        Path gpkg = dir.resolve("survey-out.gpkg");
        assertEquals(0, SinkAtlasCliAccess.execute("compute", "--input", in.toString(), "--crs", "EPSG:4549", "--output",
                gpkg.toString()));
        String info = Gdal.run("ogrinfo", "-ro", "-q", gpkg.toString(), "survey_out");
        assertFalse(info.contains("partially supported"), info);
        assertTrue(info.contains("sink_stock_tc (Real) = 120.8"), info);
        assertTrue(info.contains("sink_error (String) = unknown land cover '9999'"), info);

        Path csv = dir.resolve("again.csv");
        assertEquals(0, SinkAtlasCliAccess.execute("compute", "--input", gpkg.toString(), "--output", csv.toString()));
        List<String> lines = Files.readAllLines(csv);
        assertEquals(4, lines.size());
        assertTrue(lines.get(1).contains(",0301,") && lines.get(1).contains("yrd-ess@2026.1"), lines.get(1));

        Path json = dir.resolve("again.geojson");
        assertEquals(0, SinkAtlasCliAccess.execute("compute", "--input", in.toString(), "--crs", "EPSG:4549", "--output",
                json.toString()));
        JsonNode out = new ObjectMapper().readTree(json.toFile());
        assertEquals(3, out.get("features").size());
        assertEquals(10_000, out.at("/features/0/properties/sink_area_m2").asDouble(), 0.5);
        assertEquals(45.4, out.at("/features/1/properties/sink_stock_tc").asDouble(), 0.01);
        // Coordinates are written in CRS84.
        assertEquals(120.0, out.at("/features/0/geometry/coordinates/0/0/0").asDouble(), 0.01);
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
