package org.sinkatlas.server.sinks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sinkatlas.layers.filter.ComparisonOp;
import org.sinkatlas.layers.filter.Filter;
import org.sinkatlas.layers.model.Feature;
import org.sinkatlas.layers.model.SinkFields;
import org.sinkatlas.layers.store.FeatureQuery;
import org.sinkatlas.layers.store.StoreCursor;
import org.sinkatlas.server.testing.DemoServer;

/** The sink API over real HTTP against the demo store. */
abstract class SinkApiSuite {

    protected abstract DemoServer demo();

    private static JsonNode json(HttpResponse<String> r) {
        return DemoServer.json(r);
    }

    private JsonNode ok(String path) {
        return demo().getJson(path);
    }

    /** A 1 ha square (100 m × 100 m in EPSG:4549, on its central meridian), written northing first. */
    private static String hectare(String properties) {
        return "{\"type\":\"Feature\",\"properties\":" + properties + ",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[3431000,500000],[3431000,500100],[3431100,500100],[3431100,500000],[3431000,500000]]]}}";
    }

    @Test
    void theStandardIsPublishedWithItsSources() {
        JsonNode list = ok("/sinks/standards");
        assertEquals("yrd-ess@2026.1", list.at("/standards/0/key").asText());
        assertTrue(list.at("/standards/0/current").asBoolean());
        JsonNode s = ok("/sinks/standards/yrd-ess@2026.1");
        JsonNode forest = null;
        for (JsonNode c : s.get("classes")) if (c.get("codes").toString().contains("\"0301\"")) forest = c;
        assertNotNull(forest);
        assertEquals(38.2, forest.at("/pools_tc_per_ha/above_ground/value").asDouble(), 0);
        assertEquals("yang2022", forest.at("/removal_tco2e_per_ha_yr/source").asText());
        assertEquals("D", forest.at("/removal_tco2e_per_ha_yr/checked").asText());
        assertTrue(s.at("/sources/yang2022/citation").asText().contains("Biogeosciences"));
        assertTrue(demo().get("/sinks/standards/yrd-ess@2026.1?f=html").body().contains("乔木林地"));
        assertEquals(404, demo().get("/sinks/standards/nope@1").statusCode());
    }

    @Test
    void aParcelsEstimateIsExplainedAndMatchesWhatIsStored() {
        Feature parcel;
        try (StoreCursor<Feature> c = demo().store().query("parcels", new FeatureQuery(
                new Filter.Compare(SinkFields.LANDCOVER, ComparisonOp.EQ, "0301"), 0, 1))) {
            parcel = c.next();
        }
        JsonNode e = ok("/sinks/parcels/" + parcel.id());
        assertEquals((Double) parcel.property(SinkFields.AREA), e.get("area_m2").asDouble(), 0.01);
        assertEquals((Double) parcel.property(SinkFields.NET), e.at("/net_tco2e/p50").asDouble(), 1e-3);
        assertEquals((Double) parcel.property(SinkFields.STOCK), e.at("/stock_tc/total").asDouble(), 1e-2);
        assertTrue(e.get("explain").size() > 3);
        assertEquals("yrd-ess", e.at("/standard/id").asText());
        assertEquals(parcel.id(), e.at("/feature/id").asLong());
        JsonNode item = ok("/collections/parcels/items/" + parcel.id());
        assertEquals("yrd-ess@2026.1", item.at("/properties/sink_standard").asText());
        assertEquals(parcel.property(SinkFields.DENSITY), item.at("/properties/sink_density").asDouble());
        assertEquals(404, demo().get("/sinks/parcels/999999999").statusCode());
    }

    @Test
    void postedFeaturesAreEstimatedInTheirCrsWithoutStoringAnything() {
        long before = demo().store().count("parcels", Filter.ALL);
        HttpResponse<String> r = demo().post("/sinks/estimate?crs=EPSG:4549", "application/geo+json",
                hectare("{\"landcover\":\"0301\"}"));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode e = json(r).at("/estimates/0");
        assertEquals(10_000, e.get("area_m2").asDouble(), 0.5);
        assertEquals(120.8, e.at("/stock_tc/total").asDouble(), 0.01);
        assertEquals(3.3, e.at("/annual_removal_tco2e/central").asDouble(), 0.001);
        String two = "{\"type\":\"FeatureCollection\",\"features\":[" + hectare("{\"landcover\":\"0301\"}") + ","
                + hectare("{\"landcover\":\"0101\",\"planned_landcover\":\"0301\"}") + "]}";
        JsonNode both = json(demo().post("/sinks/estimate?crs=http://www.opengis.net/def/crs/EPSG/0/4549",
                "application/geo+json", two));
        assertEquals(2, both.get("estimates").size());
        assertEquals(75.4, both.at("/estimates/1/scenario/stock_change_tc").asDouble(), 0.01);
        assertEquals(20_000, both.at("/total/area_m2").asDouble(), 1);
        assertEquals(before, demo().store().count("parcels", Filter.ALL));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "?crs=EPSG:4549|{\"landcover\":\"9999\"}|unknown land cover '9999'",
        "?crs=EPSG:4549|{\"landcover_fractions\":{\"0301\":0.5,\"0101\":0.4}}|sum to 1",
        "?crs=EPSG:4549|{\"landcover\":\"0810\",\"tree_crown_fraction\":1.5}|tree_crown_fraction",
        "?crs=EPSG:4549|{}|no landcover",
        "?crs=EPSG:9999|{\"landcover\":\"0301\"}|unknown or unsupported CRS",
        "|{\"landcover\":\"0301\"}|outside longitude -180..180"
    })
    void badFeaturesGetA400WithTheReason(String query, String properties, String reason) {
        HttpResponse<String> r = demo().post("/sinks/estimate" + (query == null ? "" : query), "application/geo+json",
                hectare(properties));
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(json(r).get("detail").asText().contains(reason), r.body());
    }

    @Test
    void badBodiesGetTheirReasons() {
        String line = "{\"type\":\"Feature\",\"properties\":{\"landcover\":\"0810\",\"width_m\":-3},\"geometry\":"
                + "{\"type\":\"LineString\",\"coordinates\":[[120.9,31.0],[120.91,31.0]]}}";
        String collection = "{\"type\":\"FeatureCollection\",\"features\":[" + hectare("{\"landcover\":\"0301\"}")
                .replace("3431000,500000", "31.0,120.9") + "," + line + "]}";
        HttpResponse<String> r = demo().post("/sinks/estimate", "application/geo+json", collection);
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(json(r).get("detail").asText().startsWith("feature #"), r.body());
        String bowTie = "{\"type\":\"Feature\",\"properties\":{\"landcover\":\"0301\"},\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[[[120.9,31.0],[121.0,31.1],[121.0,31.0],[120.9,31.1],[120.9,31.0]]]}}";
        assertTrue(json(demo().post("/sinks/estimate", "application/geo+json", bowTie)).get("detail").asText()
                .contains("Self-intersection at (120.950000, 31.050000)"));
        String point = "{\"type\":\"Feature\",\"properties\":{\"landcover\":\"0810\"},\"geometry\":{\"type\":\"Point\","
                + "\"coordinates\":[120.9,31.0]}}";
        assertTrue(json(demo().post("/sinks/estimate", "application/geo+json", point)).get("detail").asText().contains("area_m2"));
        assertEquals(400, demo().post("/sinks/estimate", "application/geo+json",
                "{\"type\":\"FeatureCollection\",\"features\":[]}").statusCode());
        assertEquals(400, demo().post("/sinks/estimate", "application/geo+json", "this is not json").statusCode());
        // A 50 MB body is refused from its Content-Length alone, before any of it is sent.
        String huge = DemoServer.rawExchange(demo().port(), "POST /sinks/estimate HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/geo+json\r\nContent-Length: 50000000\r\nExpect: 100-continue\r\n\r\n");
        assertTrue(huge.startsWith("HTTP/1.1 413"), huge);
        assertTrue(huge.contains("application/problem+json") && huge.contains("50,000,000 bytes"), huge);
        assertEquals(200, demo().get("/health").statusCode(), "the server keeps serving");
    }

    @Test
    void summariesByEveryGroupingAndTheirCsv() {
        long parcels = demo().store().count("parcels", Filter.ALL);
        JsonNode d = ok("/sinks/summary?by=district");
        assertEquals(3, d.get("groups").size());
        double features = 0;
        double area = 0;
        for (JsonNode g : d.get("groups")) {
            features += g.get("features").asDouble();
            area += g.get("area_m2").asDouble();
        }
        assertEquals(parcels, features, 1e-6);
        assertEquals(d.at("/total/area_m2").asDouble(), area, 1);
        assertEquals(0, d.get("unestimated_features").asLong());
        assertTrue(ok("/sinks/summary?by=landcover").get("groups").size() > 10);
        JsonNode zones = ok("/sinks/summary?by=zone");
        assertTrue(zones.get("groups").toString().contains("水乡客厅"));
        assertTrue(ok("/sinks/summary?by=project").get("groups").size() >= 5);
        JsonNode plan = ok("/sinks/summary?by=district&scenario=planned&standard=yrd-ess@2026.1");
        assertTrue(plan.at("/change/net_change_tco2e/central").asDouble() > 0);
        HttpResponse<String> csv = demo().get("/sinks/summary?by=district&f=csv", null);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertEquals(5, lines.size(), csv.body());
        assertTrue(lines.get(0).contains("net_tco2e_p50"));
        assertTrue(lines.get(4).startsWith("total,"));
        for (String bad : List.of("/sinks/summary?by=county", "/sinks/summary?scenario=2050",
                "/sinks/summary?standard=nope@9", "/sinks/summary?layer=districts", "/sinks/summary?x=1")) {
            assertEquals(400, demo().get(bad).statusCode(), bad);
        }
    }

    @Test
    void aRecomputeIsAJobWithProgress() throws Exception {
        String admin = demo().adminToken();
        HttpResponse<String> r = demo().call("POST", "/sinks/recompute?layer=parcels", admin, null, null);
        assertEquals(202, r.statusCode(), r.body());
        String location = r.headers().firstValue("Location").orElseThrow();
        String path = location.substring(demo().url().length());
        JsonNode job = json(demo().call("GET", path, admin, null, null));
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!job.get("state").asText().equals("done") && System.nanoTime() < deadline) {
            assertFalse(job.get("state").asText().equals("failed"), job.toString());
            Thread.sleep(100);
            job = json(demo().call("GET", path, admin, null, null));
        }
        assertEquals("done", job.get("state").asText(), job.toString());
        assertEquals(100.0, job.get("percent").asDouble(), 0);
        assertEquals(demo().store().count("parcels", Filter.ALL), job.get("done").asLong());
        assertEquals(400, demo().call("POST", "/sinks/recompute?layer=districts", admin, null, null).statusCode());
        assertEquals(404, demo().call("GET", "/sinks/jobs/999", admin, null, null).statusCode());
        assertEquals(401, demo().get(path).statusCode(), "jobs are for admins");
    }
}
