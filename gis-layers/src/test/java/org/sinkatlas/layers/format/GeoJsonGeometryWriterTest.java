package org.sinkatlas.layers.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import org.sinkatlas.layers.crs.CrsDefinition;
import org.sinkatlas.layers.crs.CrsService;

class GeoJsonGeometryWriterTest {

    private final CrsService crs = new CrsService();

    private JsonNode write(Geometry g, CrsDefinition to) throws Exception {
        StringWriter out = new StringWriter();
        try (JsonGenerator gen = new JsonFactory().createGenerator(out)) {
            new GeoJsonGeometryWriter(crs, to).write(gen, g);
        }
        return new ObjectMapper().readTree(out.toString());
    }

    @Test
    void coordinatesFollowTheOutputCrsAxisOrder() throws Exception {
        Geometry p = new WKTReader().read("POINT (120.9 31.0)");
        JsonNode crs84 = write(p, CrsService.CRS84).get("coordinates");
        assertEquals(120.9, crs84.get(0).asDouble(), 0);
        assertEquals(31.0, crs84.get(1).asDouble(), 0);
        JsonNode epsg4326 = write(p, CrsService.EPSG_4326).get("coordinates");
        assertEquals(31.0, epsg4326.get(0).asDouble(), 0);
        assertEquals(120.9, epsg4326.get(1).asDouble(), 0);
        JsonNode gk = write(p, CrsService.EPSG_4549).get("coordinates");
        assertEquals(3431322.040, gk.get(0).asDouble(), 0.01, "northing first");
        assertEquals(585955.508, gk.get(1).asDouble(), 0.01);
    }

    @Test
    void coordinatesAreWrittenAsTheExactDecimalsOfTheRoundedValues() throws Exception {
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 20_000; i++) {
            double x = (random.nextDouble() - 0.5) * (i % 2 == 0 ? 360 : 2e-6 * i);
            double y = (random.nextDouble() - 0.5) * 180;
            StringWriter out = new StringWriter();
            try (JsonGenerator gen = new JsonFactory().createGenerator(out)) {
                new GeoJsonGeometryWriter(crs, CrsService.CRS84).write(gen, new WKTReader().read("POINT (" + x + " " + y + ")"));
            }
            String json = out.toString();
            String[] xy = json.substring(json.indexOf('[') + 1, json.indexOf(']')).split(",");
            for (int k = 0; k < 2; k++) {
                double rounded = Math.round((k == 0 ? x : y) * 1e7) / 1e7;
                assertTrue(xy[k].matches("-?[0-9]+\\.[0-9]{1,7}"), json);
                assertEquals(0, new java.math.BigDecimal(xy[k]).compareTo(new java.math.BigDecimal(Double.toString(rounded))),
                        json + " holds " + rounded);
            }
        }
        StringWriter out = new StringWriter();
        try (JsonGenerator gen = new JsonFactory().createGenerator(out)) {
            new GeoJsonGeometryWriter(crs, CrsService.EPSG_4549, false).write(gen,
                    new WKTReader().read("LINESTRING (120 31, 120.00000004 -0.00000004)"));
        }
        assertTrue(out.toString().matches(".*\\[\\[500000\\.0,343[0-9]{4}\\.[0-9]{1,3}\\],\\[500000\\.004,-0\\.004\\]\\]\\}"),
                "metres to the millimetre: " + out);
    }

    @Test
    void ringsAreWrittenCounterClockwiseWithClockwiseHoles() throws Exception {
        Geometry clockwise = new WKTReader().read(
                "POLYGON ((0 0, 0 10, 10 10, 10 0, 0 0), (2 2, 4 2, 4 4, 2 4, 2 2))");
        JsonNode rings = write(clockwise, CrsService.CRS84).get("coordinates");
        assertEquals("[[0.0,0.0],[10.0,0.0],[10.0,10.0],[0.0,10.0],[0.0,0.0]]", rings.get(0).toString());
        assertEquals("[[2.0,2.0],[2.0,4.0],[4.0,4.0],[4.0,2.0],[2.0,2.0]]", rings.get(1).toString());
        assertEquals("MultiPolygon", write(new WKTReader().read("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)))"),
                CrsService.CRS84).get("type").asText());
    }
}
