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

    private Feature parcel(String landcover) {
        try (StoreCursor<Feature> c = demo().store().query("parcels", new FeatureQuery(
                new Filter.Compare(SinkFields.LANDCOVER, ComparisonOp.EQ, landcover), 0, 1))) {
            return c.next();
        }
    }

    @Test
    void theStandardsArePublishedWithTheirSourcesAndTheShareRead() {
        JsonNode list = ok("/sinks/standards");
        assertEquals("yrd-ess@2026.1", list.at("/standards/0/key").asText());
        assertEquals("yrd-ess@2027.1", list.at("/standards/1/key").asText());
        assertTrue(list.at("/standards/1/current").asBoolean());
        assertEquals("stock-change", list.at("/standards/1/method").asText());
        assertEquals(63, list.at("/standards/0/figures_checked/measured").asInt());
        JsonNode s = ok("/sinks/standards/yrd-ess@2027.1");
        JsonNode paddy = null;
        for (JsonNode c : s.get("classes")) if (c.get("codes").toString().contains("\"0101\"")) paddy = c;
        assertNotNull(paddy);
        assertEquals("rice-methane", paddy.at("/fluxes/0/model").asText());
        assertEquals(0.71, paddy.at("/fluxes/0/water_regime/central").asDouble(), 0);
        assertEquals("V", paddy.at("/fluxes/0/water_regime/checked").asText());
        assertEquals(28, s.at("/gwp/ar5/ch4/value").asDouble(), 0);
        assertTrue(s.at("/figures_checked/not_read").size() > 0, "the figures not read are listed");
        assertTrue(s.at("/sources/wang2018/citation").asText().contains("Atmos. Chem. Phys."));
        String html = demo().get("/sinks/standards/yrd-ess@2027.1?f=html").body();
        assertTrue(html.contains("classes.0101.fluxes.0.water_regime") && html.contains("已读原文"), "the HTML lists every figure");
        assertEquals(404, demo().get("/sinks/standards/nope@1").statusCode());
    }

    @Test
    void aParcelsEstimateIsExplainedAndMatchesWhatIsStored() {
        Feature parcel = parcel("0301");
        JsonNode e = ok("/sinks/parcels/" + parcel.id());
        assertTrue(e.get("headline").asText().startsWith("mean of the Monte Carlo draws"));
        assertEquals((Double) parcel.property(SinkFields.AREA), e.get("area_m2").asDouble(), 0.01);
        assertEquals((Double) parcel.property(SinkFields.NET), e.at("/net_tco2e/mean").asDouble(), 2e-4);
        assertEquals((Double) parcel.property(SinkFields.STOCK), e.at("/stock_tc/mean").asDouble(), 2e-3);
        assertEquals(e.at("/removals_tco2e/mean").asDouble() - e.at("/emissions_tco2e/mean").asDouble(),
                e.at("/net_tco2e/mean").asDouble(), 2e-4);
        assertEquals("ar5", e.at("/gwp/set").asText());
        assertEquals(28, e.at("/gwp/ch4").asDouble(), 0);
        assertTrue(e.get("explain").size() > 5);
        assertEquals(parcel.id(), e.at("/feature/id").asLong());
        assertTrue(e.at("/feature/report").asText().endsWith("/sinks/parcels/" + parcel.id() + "/report"));
        JsonNode item = ok("/collections/parcels/items/" + parcel.id());
        assertEquals("yrd-ess@2027.1", item.at("/properties/sink_standard").asText());
        assertEquals(parcel.property(SinkFields.DENSITY), item.at("/properties/sink_density").asDouble());
        assertEquals(404, demo().get("/sinks/parcels/999999999").statusCode());
        // Another year and GWP set, and the released 2026.1.
        JsonNode ar6 = ok("/sinks/parcels/" + parcel.id() + "?gwp=ar6&year=2030");
        assertEquals(2030, ar6.get("year").asInt());
        assertEquals(27, ar6.at("/gwp/ch4").asDouble(), 0);
        assertEquals("2026.1", ok("/sinks/parcels/" + parcel.id() + "?standard=yrd-ess@2026.1").at("/standard/version").asText());
        assertEquals(400, demo().get("/sinks/parcels/" + parcel.id() + "?gwp=sar").statusCode());
        assertEquals(400, demo().get("/sinks/parcels/" + parcel.id() + "?standard=yrd-ess@2026.1&gwp=ar5").statusCode());
        assertEquals(400, demo().get("/sinks/parcels/" + parcel.id() + "?year=2300").statusCode());
    }

    @Test
    void aPlannedParcelsPathRunsOverTheYears() {
        Feature planned;
        try (StoreCursor<Feature> c = demo().store().query("parcels", new FeatureQuery(new Filter.And(List.of(
                new Filter.Compare(SinkFields.PLANNED, ComparisonOp.EQ, "0301"),
                new Filter.Compare(SinkFields.LANDCOVER, ComparisonOp.EQ, "0101"))), 0, 1))) {
            planned = c.next();
        }
        JsonNode e = ok("/sinks/parcels/" + planned.id() + "?from=2026&to=2060&change_year=2027");
        JsonNode path = e.get("scenario");
        assertEquals(35, path.get("years").size());
        assertEquals(2027, path.get("change_year").asInt());
        assertTrue(path.at("/cumulative_difference_tco2e/mean").asDouble() > 0, "planting a paddy adds to the sink");
        assertEquals(path.at("/years/34/cumulative_difference_tco2e/mean").asDouble(),
                path.at("/cumulative_difference_tco2e/mean").asDouble(), 1e-3);
    }

    @Test
    void aParcelsReportReproducesItsNumberAndIsTheSameBytesEveryTime() {
        Feature parcel = parcel("0101");
        HttpResponse<String> a = demo().get("/sinks/parcels/" + parcel.id() + "/report", null);
        HttpResponse<String> b = demo().get("/sinks/parcels/" + parcel.id() + "/report", null);
        assertEquals(200, a.statusCode(), a.body());
        assertEquals(a.body(), b.body(), "the same input gives the same bytes");
        JsonNode r = json(a);
        assertEquals(64, r.get("input_sha256").asText().length());
        assertEquals("0101", r.at("/inputs/landcover").asText());
        assertEquals("yrd-ess@2027.1", r.at("/inputs/standard").asText());
        assertEquals(2000, r.get("draws").asInt());
        assertEquals(20220627, r.get("seed").asLong());
        assertTrue(r.get("coefficients").toString().contains("classes.0101.fluxes.0.baseline"), "the rice methane figures");
        assertTrue(r.get("coefficients").toString().contains("\"citation\""));
        assertTrue(r.get("steps").toString().contains("EFc"));
        assertEquals(parcel.property(SinkFields.NET), r.at("/result/net_tco2e/mean").asDouble());
        assertNotNull(r.get("eligibility"));
        String html = demo().get("/sinks/parcels/" + parcel.id() + "/report?f=html").body();
        assertTrue(html.contains(r.get("input_sha256").asText()) && html.contains("计算步骤 Steps") && html.contains("@media print"));
        assertEquals(html, demo().get("/sinks/parcels/" + parcel.id() + "/report?f=html").body());
    }

    @Test
    void theSensitivityListNamesWhatToMeasureFirst() {
        JsonNode s = ok("/sinks/standards/yrd-ess@2027.1/sensitivity");
        assertEquals(3, s.get("measure_first").size());
        JsonNode top = s.at("/coefficients/0");
        assertTrue(top.get("variance_share").asDouble() >= s.at("/coefficients/1/variance_share").asDouble());
        double shares = 0;
        for (JsonNode c : s.get("coefficients")) shares += c.get("variance_share").asDouble();
        assertTrue(shares > 0.5 && shares < 1.2, "the coefficients explain the total's variance, roughly once: " + shares);
        assertTrue(s.at("/total_net_tco2e/sd").asDouble() > 0);
        assertEquals(404, demo().get("/sinks/standards/nope@1/sensitivity").statusCode());
    }

    @Test
    void twoVersionsAreComparedClassByClass() {
        JsonNode c = ok("/sinks/standards/yrd-ess@2026.1/compare/yrd-ess@2027.1");
        assertEquals("yrd-ess@2026.1", c.get("from").asText());
        double sum = 0;
        for (JsonNode k : c.get("classes")) sum += k.get("net_change_tco2e").asDouble();
        assertEquals(c.at("/total/net_change_tco2e").asDouble(), sum, Math.max(1, Math.abs(sum) * 1e-3));
        JsonNode first = c.at("/classes/0");
        assertTrue(Math.abs(first.get("net_change_tco2e").asDouble()) >= Math.abs(c.at("/classes/1/net_change_tco2e").asDouble()));
        assertTrue(first.get("coefficients_changed").size() > 0, "the coefficients behind the change are named");
    }

    @Test
    void postedFeaturesAreEstimatedInTheirCrsWithoutStoringAnything() {
        long before = demo().store().count("parcels", Filter.ALL);
        HttpResponse<String> r = demo().post("/sinks/estimate?crs=EPSG:4549", "application/geo+json",
                hectare("{\"landcover\":\"1104\"}"));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode e = json(r).at("/estimates/0");
        assertEquals(10_000, e.get("area_m2").asDouble(), 0.5);
        assertTrue(e.at("/methane_tco2e/mean").asDouble() > 0 && e.at("/nitrous_oxide_tco2e/mean").asDouble() > 0);
        assertEquals(-e.at("/emissions_tco2e/mean").asDouble(), e.at("/net_tco2e/mean").asDouble(), 1e-4);
        String two = "{\"type\":\"FeatureCollection\",\"features\":[" + hectare("{\"landcover\":\"0301\"}") + ","
                + hectare("{\"landcover\":\"0301\",\"landuse_since\":\"2024-03-01\",\"previous_landcover\":\"0101\"}") + "]}";
        JsonNode both = json(demo().post("/sinks/estimate?crs=http://www.opengis.net/def/crs/EPSG/0/4549&gwp=ar6",
                "application/geo+json", two));
        assertEquals(2, both.get("estimates").size());
        assertEquals("ar6", both.at("/total/gwp/set").asText());
        assertEquals(20_000, both.at("/total/area_m2").asDouble(), 1);
        assertTrue(both.at("/estimates/0/stock_tc/mean").asDouble() > both.at("/estimates/1/stock_tc/mean").asDouble(),
                "a stand planted in 2024 holds less than an established one");
        assertEquals("candidate", both.at("/estimates/1/eligibility/verdict").asText());
        assertEquals("not-eligible", both.at("/estimates/0/eligibility/verdict").asText(), "existing forest is not afforestation");
        assertEquals(before, demo().store().count("parcels", Filter.ALL));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "422|?crs=EPSG:4549|{\"landcover\":\"9999\"}|unknown land cover '9999'",
        "422|?crs=EPSG:4549|{\"landcover_fractions\":{\"0301\":0.5,\"0101\":0.4}}|sum to 1",
        "422|?crs=EPSG:4549|{\"landcover\":\"0810\",\"tree_crown_fraction\":1.5}|tree_crown_fraction",
        "422|?crs=EPSG:4549|{\"landcover\":\"0301\",\"landuse_since\":\"last spring\"}|landuse_since must be a date",
        "422|?crs=EPSG:4549|{\"landcover\":\"0301\",\"previous_landcover\":\"rice\"}|unknown previous_landcover 'rice'",
        "422|?crs=EPSG:4549|{\"landcover\":\"0301\",\"basic_farmland\":\"maybe\"}|basic_farmland must be true or false",
        "422|?crs=EPSG:4549|{}|no landcover",
        "400|?crs=EPSG:4549&gwp=sar|{\"landcover\":\"0301\"}|no GWP set 'sar'",
        "400|?crs=EPSG:4549&year=1800|{\"landcover\":\"0301\"}|year must be at least 1950",
        "400|?crs=EPSG:9999|{\"landcover\":\"0301\"}|unknown or unsupported CRS",
        "422||{\"landcover\":\"0301\"}|outside longitude -180..180"
    })
    void badParametersGetA400AndBadFeaturesA422WithTheReason(int status, String query, String properties, String reason) {
        HttpResponse<String> r = demo().post("/sinks/estimate" + (query == null ? "" : query), "application/geo+json",
                hectare(properties));
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(json(r).get("detail").asText().contains(reason), r.body());
    }

    @Test
    void badBodiesGetTheirReasons() {
        String line = "{\"type\":\"Feature\",\"properties\":{\"landcover\":\"0810\",\"width_m\":-3},\"geometry\":"
                + "{\"type\":\"LineString\",\"coordinates\":[[120.9,31.0],[120.91,31.0]]}}";
        String collection = "{\"type\":\"FeatureCollection\",\"features\":[" + hectare("{\"landcover\":\"0301\"}")
                .replace("3431000,500000", "31.0,120.9") + "," + line + "]}";
        HttpResponse<String> r = demo().post("/sinks/estimate", "application/geo+json", collection);
        assertEquals(422, r.statusCode(), r.body());
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
        assertEquals(2026, d.get("year").asInt());
        assertEquals("ar5", d.at("/gwp/set").asText());
        assertTrue(d.get("headline").asText().startsWith("mean"));
        double features = 0;
        double area = 0;
        double net = 0;
        for (JsonNode g : d.get("groups")) {
            features += g.get("features").asDouble();
            area += g.get("area_m2").asDouble();
            net += g.at("/net_tco2e/mean").asDouble();
        }
        assertEquals(parcels, features, 1e-6);
        assertEquals(d.at("/total/area_m2").asDouble(), area, 1);
        assertEquals(d.at("/total/net_tco2e/mean").asDouble(), net, 0.01, "groups' headlines add up to the total's");
        assertEquals(0, d.get("unestimated_features").asLong());
        assertTrue(ok("/sinks/summary?by=landcover").get("groups").size() > 10);
        assertTrue(ok("/sinks/summary?by=zone").get("groups").toString().contains("水乡客厅"));
        assertTrue(ok("/sinks/summary?by=project").get("groups").size() >= 5);
        JsonNode plan = ok("/sinks/summary?by=district&scenario=planned&from=2026&to=2040&standard=yrd-ess@2027.1");
        assertEquals(15, plan.at("/total/path/years").size());
        assertTrue(plan.at("/total/path/cumulative_difference_tco2e/mean").asDouble() > 0);
        HttpResponse<String> csv = demo().get("/sinks/summary?by=district&f=csv", null);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertEquals(5, lines.size(), csv.body());
        assertTrue(lines.get(0).contains("net_tco2e_mean") && lines.get(0).contains("gwp"));
        assertTrue(lines.get(4).startsWith("total,") && lines.get(4).endsWith(",2026,ar5,yrd-ess@2027.1"), lines.get(4));
        List<String> planCsv = demo().get("/sinks/summary?by=district&scenario=planned&to=2030&f=csv", null).body().lines().toList();
        assertEquals(1 + 4 * 5, planCsv.size(), "a row per group and year, and the total's");
        // What people read: whole counts without ".0", areas without an exponent, both in JSON and CSV.
        String text = demo().get("/sinks/summary?by=district").body();
        assertTrue(text.matches("(?s).*\"features\":\\d+,.*") && !text.contains("E9") && !text.contains("E8"), text);
        assertTrue(lines.get(1).matches("[^,]+,\\d+,\\d+\\.\\d+,.*"), lines.get(1));
        // key-zone and key_zone name the plan's key zones too.
        for (String alias : List.of("key-zone", "key_zone", "KEY-ZONE")) {
            assertEquals(ok("/sinks/summary?by=zone").get("groups"), ok("/sinks/summary?by=" + alias).get("groups"), alias);
        }
        HttpResponse<String> page = demo().get("/sinks/summary?by=district&f=html", null);
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("<table>") && page.body().contains("青浦区") && page.body().contains("合计 Total"),
                page.body());
        assertEquals(406, demo().get("/sinks/summary?scenario=planned&f=html").statusCode());
        // Without a grouping, the page shows the zone by district, key zone and land cover, each as a chart and a table.
        String all = demo().get("/sinks/summary?f=html", null).body();
        for (String section : List.of("id=\"district\"", "id=\"zone\"", "id=\"landcover\"", "水乡客厅", "yrd-ess@2027.1",
                "by=landcover&amp;f=csv")) {
            assertTrue(all.contains(section), section);
        }
        assertEquals(3, all.split("<svg class=chart").length - 1, "a chart for each grouping");
        for (String bad : List.of("/sinks/summary?by=county", "/sinks/summary?scenario=2050",
                "/sinks/summary?standard=nope@9", "/sinks/summary?layer=districts", "/sinks/summary?x=1",
                "/sinks/summary?gwp=ar4", "/sinks/summary?scenario=planned&from=2040&to=2030")) {
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
