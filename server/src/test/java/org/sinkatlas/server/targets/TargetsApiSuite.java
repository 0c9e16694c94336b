package org.sinkatlas.server.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sinkatlas.server.testing.DemoServer;
import org.sinkatlas.sink.targets.TargetCatalog;
import org.sinkatlas.sink.targets.TargetProgress;
import org.sinkatlas.sink.targets.TargetReports;
import org.sinkatlas.sink.targets.TargetTracker;

/** The targets API and the dashboard over real HTTP against the demo store. */
abstract class TargetsApiSuite {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A date after the demo's last completion, so that the answers do not move with today. */
    private static final String AS_OF = "2025-12-31";

    protected abstract DemoServer demo();

    private static JsonNode json(HttpResponse<String> r) {
        return DemoServer.json(r);
    }

    private JsonNode ok(String path) {
        return demo().getJson(path);
    }

    private static String type(HttpResponse<String> r) {
        return r.headers().firstValue("Content-Type").orElse("");
    }

    private Map<String, JsonNode> targets(JsonNode list) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        for (JsonNode t : list.get("targets")) m.put(t.get("id").asText(), t);
        return m;
    }

    @Test
    void aWithdrawnLayerShowsNothingThroughItsTargetsToThePublic() {
        org.sinkatlas.layers.model.LayerInfo greenways = demo().store().layer("greenways").orElseThrow();
        String name;
        try (var c = demo().store().query("greenways", org.sinkatlas.layers.store.FeatureQuery.all())) {
            name = c.next().property("name").toString();
        }
        assertTrue(ok("/targets/greenway-km/features?asOf=" + AS_OF).toString().contains(name), "listed while published");
        demo().store().updateLayer(withPublished(greenways, false));
        try {
            JsonNode target = ok("/targets/greenway-km?asOf=" + AS_OF);
            assertEquals("no_data", target.get("status").asText(), target.toString());
            assertTrue(target.get("value").isNull(), target.toString());
            assertTrue(target.toString().contains("layer greenways is not published"), target.toString());
            assertEquals("no_data", targets(ok("/targets?asOf=" + AS_OF)).get("greenway-km").get("status").asText());
            for (String path : List.of("/targets/greenway-km/features?asOf=" + AS_OF, "/targets/greenway-km/features?f=csv",
                    "/targets/greenway-km?f=html", "/targets/greenway-km?f=csv", "/targets?f=html")) {
                HttpResponse<String> r = demo().get(path);
                assertEquals(200, r.statusCode(), path);
                assertFalse(r.body().contains(name), path + " shows a feature of the draft");
            }
            // Officers and admins see drafts, and what is measured from them.
            HttpResponse<String> admin = demo().call("GET", "/targets/greenway-km?asOf=" + AS_OF, demo().adminToken(), null, null);
            assertTrue(json(admin).get("value").asDouble() > 0, admin.body());
        } finally {
            demo().store().updateLayer(greenways);
        }
    }

    private static org.sinkatlas.layers.model.LayerInfo withPublished(org.sinkatlas.layers.model.LayerInfo l, boolean published) {
        return new org.sinkatlas.layers.model.LayerInfo(l.id(), l.title(), l.description(), l.geometryKind(), l.properties(),
                l.temporalProperty(), published, l.attribution(), l.keywords());
    }

    @Test
    void theListAnswersEveryTargetAsTheTrackerMeasuresIt() {
        JsonNode list = ok("/targets?asOf=" + AS_OF);
        assertEquals(AS_OF, list.get("as_of").asText());
        assertEquals("示范区执委会发〔2022〕15号", list.at("/plan/document").asText());
        TargetTracker tracker = new TargetTracker(demo().store(), TargetCatalog.builtIn(),
                Clock.system(TargetCatalog.PLAN_TIME));
        List<TargetProgress> expected = tracker.all(LocalDate.parse(AS_OF));
        Map<String, JsonNode> byId = targets(list);
        assertEquals(expected.size(), byId.size());
        int counted = 0;
        for (TargetProgress p : expected) {
            JsonNode t = byId.get(p.target().id());
            assertEquals(p.standing().status().slug(), t.get("status").asText(), p.target().id());
            assertEquals(p.standing().value(), t.get("value").asDouble(), 1e-4, p.target().id());
            assertEquals(p.target().title().zh(), t.at("/title/zh").asText());
            assertFalse(t.at("/title/en").asText().isBlank());
            assertFalse(t.at("/status_label/zh").asText().isBlank());
            assertEquals(p.target().isSpatial() ? "measured" : "reported", t.get("kind").asText());
            assertTrue(t.get("history").size() >= 5, p.target().id());
            assertTrue(t.get("problem").isNull(), p.target().id());
        }
        for (JsonNode s : list.get("statuses")) counted += s.get("count").asInt();
        assertEquals(expected.size(), counted, "the status counts add up to the targets");
        JsonNode greenways = byId.get("greenway-km");
        assertEquals(29.2738, greenways.get("value").asDouble(), 1e-3);
        assertEquals(45, greenways.at("/due/value").asDouble(), 0);
        assertEquals(65.05, greenways.get("percent").asDouble(), 0.01);
        assertEquals("Qingpu District", greenways.at("/scope/label/en").asText());
        assertEquals("公里", greenways.at("/unit/zh").asText());
        JsonNode pv = byId.get("pv-added-mw");
        assertEquals(List.of("qingpu", "wujiang", "jiashan"), ids(pv.get("parts")));
        assertEquals(978.0, pv.get("value").asDouble(), 1e-9);
        assertEquals(172 + 624 + 182, pv.at("/parts/0/value").asDouble() + pv.at("/parts/1/value").asDouble()
                + pv.at("/parts/2/value").asDouble(), 1e-9, "the parts of this demo cover the whole");
        // Without asOf: today, in China.
        JsonNode today = ok("/targets");
        assertEquals(today.get("today").asText(), today.get("as_of").asText());
        assertEquals(LocalDate.now(TargetCatalog.PLAN_TIME).toString(), today.get("today").asText());
    }

    private static List<String> ids(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) out.add(n.get("id").asText());
        return out;
    }

    @Test
    void aTargetHasItsHistoryFeaturesAndTheMapHook() {
        JsonNode t = ok("/targets/greenway-km?asOf=2023-12-31");
        assertEquals("到2025年，青浦区建设完成45公里绿道、5.1万平方米立体绿网与10个乡村公园", t.get("plan_text").asText());
        assertEquals("（十二）3", t.get("clause").asText());
        assertEquals("length", t.at("/measure/quantity").asText());
        assertEquals("measured", t.at("/baseline/value").asText());
        JsonNode history = t.get("history");
        assertEquals(2020, history.get(0).get("year").asInt());
        assertEquals(2025, history.get(history.size() - 1).get("year").asInt(), "the trajectory runs to the deadline");
        assertEquals(t.get("value").asDouble(), history.get(3).get("value").asDouble(), 1e-9);
        assertTrue(history.get(4).get("value").isNull(), "no value after the date asked");
        assertEquals(36.0049, history.get(4).get("expected").asDouble(), 1e-3);
        List<Long> counted = new ArrayList<>();
        for (JsonNode f : t.get("features")) {
            if (f.get("counts").asBoolean()) counted.add(f.get("id").asLong());
            assertEquals(demo().url() + "/collections/greenways/items/" + f.get("id").asLong(), f.get("href").asText());
        }
        assertEquals(4, counted.size());
        String ids = String.join(",", counted.stream().map(String::valueOf).toList());
        assertEquals(demo().url() + "/viewer?layer=greenways&ids=" + ids, t.at("/map/href").asText());
        // The web map takes that link as it is.
        HttpResponse<String> map = demo().get(t.at("/map/href").asText().substring(demo().url().length()), "text/html");
        assertEquals(200, map.statusCode(), map.body());
        // The features route gives the same ids, and each link answers.
        JsonNode features = ok("/targets/greenway-km/features?asOf=2023-12-31");
        assertEquals(counted.size(), features.get("counted_ids").size());
        assertEquals("km", features.get("unit").asText());
        ok(features.at("/features/0/href").asText().substring(demo().url().length()));
        // Forest cover counts too many features for a link: the map reads them from the features route.
        JsonNode forest = ok("/targets/forest-cover?asOf=" + AS_OF);
        assertEquals(demo().url() + "/viewer?layer=forests", forest.at("/map/href").asText());
        assertFalse(forest.at("/map/highlighted").asBoolean());
        assertEquals("m2", forest.get("features_unit").asText());
        assertTrue(forest.get("features_counted").asInt() > 1000);
    }

    @Test
    void reportedTargetsShowTheirReportsCorrectedOnesIncluded() {
        JsonNode bus = ok("/targets/new-energy-bus?asOf=2024-06-30");
        assertEquals(76.4, bus.get("value").asDouble(), 1e-9, "2023's corrected figure");
        assertEquals("2023-12-31", bus.get("value_date").asText());
        assertEquals(90, bus.at("/due/value").asDouble(), 0);
        assertEquals(6, bus.get("reports").size());
        JsonNode reports = ok("/targets/new-energy-bus/reports");
        assertEquals(6, reports.get("reports").size());
        int corrected = 0;
        for (JsonNode r : reports.get("reports")) {
            assertEquals("demo-loader", r.get("author").asText());
            assertTrue(r.get("synthetic").asBoolean());
            if (!r.get("stands").asBoolean()) corrected++;
        }
        assertEquals(1, corrected);
        assertTrue(bus.has("range"));
        assertEquals(100, bus.at("/range/max").asDouble(), 0);
    }

    @Test
    void everythingComesAsCsvToo() {
        HttpResponse<String> list = demo().get("/targets?asOf=" + AS_OF + "&f=csv", null);
        assertEquals(200, list.statusCode());
        assertTrue(type(list).startsWith("text/csv"), type(list));
        assertTrue(list.headers().firstValue("Content-Disposition").orElse("").contains("targets-" + AS_OF + ".csv"));
        List<String> rows = list.body().lines().toList();
        assertTrue(rows.get(0).startsWith("\uFEFFid,title_zh,title_en,clause"), rows.get(0));
        assertEquals(TargetCatalog.builtIn().all().size() + 1, rows.size());
        assertTrue(rows.get(1).startsWith("greenway-km,青浦区建成绿道45公里,45 km of greenways built in Qingpu,（十二）3,"),
                rows.get(1));
        assertTrue(rows.get(2).contains("\"51,000 m² of vertical greening in Qingpu\""), "a comma is quoted: " + rows.get(2));
        List<String> history = demo().get("/targets/pv-added-mw?asOf=" + AS_OF + "&f=csv", null).body().lines().toList();
        assertEquals("\uFEFFtarget,year,date,value,expected,qingpu_value,qingpu_expected,wujiang_value,wujiang_expected,"
                + "jiashan_value,jiashan_expected", history.get(0));
        assertEquals("pv-added-mw,2025,2025-12-31,978.0000,1600.0000,172.0000,300.0000,624.0000,1000.0000,182.0000,300.0000",
                history.get(6));
        List<String> features = demo().get("/targets/rural-parks/features?asOf=" + AS_OF + "&f=csv", null).body().lines().toList();
        assertEquals("\uFEFFcollection,id,name,status,date,quantity,unit,counts,counted,href", features.get(0));
        assertEquals(8 + 1, features.size(), "the eight rural parks in Qingpu (the ninth lies in Jiashan)");
        assertEquals(6, features.stream().filter(l -> l.contains(",true,yes,")).count());
        List<String> reports = demo().get("/targets/waste-sorting/reports?f=csv", null).body().lines().toList();
        assertEquals(6, reports.size());
    }

    @Test
    void peopleGetHtmlPages() {
        HttpResponse<String> list = demo().get("/targets?asOf=" + AS_OF, "text/html");
        assertEquals(200, list.statusCode());
        assertTrue(type(list).startsWith("text/html"));
        assertTrue(list.body().contains("青浦区建成绿道45公里") && list.body().contains("45 km of greenways built in Qingpu"));
        assertTrue(list.body().contains("滞后 Behind"));
        HttpResponse<String> one = demo().get("/targets/new-energy-bus?f=html&asOf=" + AS_OF, null);
        assertEquals(200, one.statusCode());
        assertTrue(one.body().contains("示范区新能源公交车比例不低于 75%"));
        assertTrue(one.body().contains("已被 #"), "the corrected report is shown as such");
        HttpResponse<String> spatial = demo().get("/targets/low-carbon-factories?f=html&asOf=" + AS_OF, null);
        assertTrue(spatial.body().contains("吴江纺织循环经济产业园"));
        assertTrue(spatial.body().contains("/collections/low-carbon-factories/items/"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/targets?asOf=2999-01-01|400|is after today",
        "/targets?asOf=2024-13-01|400|asOf must be a date YYYY-MM-DD, not '2024-13-01'",
        "/targets?asof=2024-01-01|400|unknown query parameter(s) [asof]",
        "/targets?f=xml|400|f must be json, csv or html, not 'xml'",
        "/targets/nope|404|no target 'nope'",
        "/targets/greenway-km/reports|404|measured from the greenways layer and has no reports",
        "/targets/green-travel/features|404|is reported, not measured",
        "/targets/greenway-km/features?f=xlsx|400|f must be json or csv, not 'xlsx'",
        "/dashboard?lang=fr|400|lang must be zh or en"
    })
    void badRequestsGetTheReason(String path, int status, String reason) {
        HttpResponse<String> r = demo().get(path);
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("application/problem+json", type(r));
        assertTrue(json(r).get("detail").asText().contains(reason), r.body());
    }

    private int reports() {
        return demo().store().records(TargetReports.KIND).size();
    }

    /** The latest day up to today with no standing figure of a target (other tests of this store post too). */
    private LocalDate freeDate(String target) {
        Set<String> taken = new HashSet<>();
        for (JsonNode r : ok("/targets/" + target + "/reports").get("reports")) {
            if (r.get("stands").asBoolean()) taken.add(r.get("date").asText());
        }
        LocalDate d = LocalDate.now(TargetCatalog.PLAN_TIME).minusDays(1);
        while (taken.contains(d.toString())) d = d.minusDays(1);
        return d;
    }

    private HttpResponse<String> post(String target, String token, String contentType, String body) {
        return demo().call("POST", "/targets/" + target + "/reports", token, contentType, body);
    }

    @Test
    void officersPostReportsWhichAreKeptWithWhoPostedThem() throws Exception {
        LocalDate date = freeDate("green-travel");
        String body = "{\"value\": 81.5, \"date\": \"" + date + "\", \"source\": \"交通局统计快报\", \"note\": \"季度数据\"}";
        int before = reports();
        // The public may read, not report.
        HttpResponse<String> anonymous = post("green-travel", null, "application/json", body);
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        assertEquals("application/problem+json", type(anonymous));
        assertEquals(401, post("green-travel", "sa_not_a_key", "application/json", body).statusCode());
        assertEquals(before, reports(), "nothing stored");

        String officer = demo().officerToken("青浦区交通委 报送员", "greenways");
        HttpResponse<String> created = post("green-travel", officer, "application/json", body);
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(demo().url() + "/targets/green-travel/reports", created.headers().firstValue("Location").orElse(""));
        JsonNode report = json(created);
        assertEquals("青浦区交通委 报送员", report.get("author").asText());
        assertEquals(81.5, report.get("value").asDouble(), 0);
        assertFalse(report.get("synthetic").asBoolean());
        assertEquals(before + 1, reports());
        Map<String, Object> kept = demo().store().records(TargetReports.KIND).get(before).body();
        assertEquals(date.toString(), kept.get("date"));
        assertEquals(officer.split("_")[1], kept.get("author_id"), "the key that posted it");
        assertEquals("青浦区交通委 报送员", demo().store().records(TargetReports.KIND).get(before).author());
        JsonNode progress = ok("/targets/green-travel?asOf=" + date);
        assertEquals(81.5, progress.get("value").asDouble(), 0, "the new figure is the latest");

        // A second figure for the day must say what it corrects.
        HttpResponse<String> twice = post("green-travel", officer, "application/json", body);
        assertEquals(409, twice.statusCode(), twice.body());
        assertTrue(json(twice).get("detail").asText().contains("\"corrects\": " + report.get("id").asLong()));
        assertEquals(before + 1, reports());
        HttpResponse<String> fix = post("green-travel", officer, "application/json", "{\"value\": 81.2, \"date\": \"" + date
                + "\", \"source\": \"交通局统计快报（修订）\", \"corrects\": " + report.get("id").asLong() + "}");
        assertEquals(201, fix.statusCode(), fix.body());
        assertEquals(before + 2, reports());
        assertEquals(81.2, ok("/targets/green-travel?asOf=" + date).get("value").asDouble(), 0);
        boolean kept81point5 = false;
        for (JsonNode r : ok("/targets/green-travel/reports").get("reports")) {
            if (r.get("id").asLong() == report.get("id").asLong()) {
                kept81point5 = !r.get("stands").asBoolean() && r.get("value").asDouble() == 81.5;
            }
        }
        assertTrue(kept81point5, "the corrected report is kept, no longer standing");
        // Admins may report too.
        HttpResponse<String> admin = post("water-living-room-2030", demo().adminToken(), "application/json",
                "{\"value\": -0.4, \"date\": \"" + freeDate("water-living-room-2030") + "\", \"source\": \"生态环境局\"}");
        assertEquals(201, admin.statusCode(), admin.body());
        assertEquals(before + 3, reports());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "new-energy-bus|application/json|{\"value\": \"85\", \"date\": \"2024-06-30\", \"source\": \"s\"}|400|value must be a number, not the text \"85\"",
        "new-energy-bus|application/json|{\"value\": 85, \"date\": \"2099-12-31\", \"source\": \"s\"}|400|is in the future",
        "new-energy-bus|application/json|{\"value\": 120, \"date\": \"2024-06-30\", \"source\": \"s\"}|400|value 120.0 is outside the range of new-energy-bus (0 to 100 %)",
        "new-energy-bus|application/json|{\"value\": 85, \"date\": \"30/06/2024\", \"source\": \"s\"}|400|'30/06/2024' is not a date",
        "new-energy-bus|application/json|{\"value\": 85, \"date\": \"2024-06-30\"}|400|source is missing",
        "new-energy-bus|application/json|{\"value\": 85, \"date\": \"2024-06-30\", \"source\": \"s\", \"by\": \"x\"}|400|unknown field(s) [by]",
        "new-energy-bus|application/json|{\"value\": 1e999, \"date\": \"2024-06-30\", \"source\": \"s\"}|400|value must be a finite number",
        "new-energy-bus|application/json|[85]|400|the body must be a JSON object",
        "new-energy-bus|application/json|{value: 85}|400|the body is not valid JSON",
        "new-energy-bus|text/plain|{\"value\": 85, \"date\": \"2024-06-30\", \"source\": \"s\"}|415|send the body as application/json",
        "nope|application/json|{\"value\": 85, \"date\": \"2024-06-30\", \"source\": \"s\"}|404|there is no target 'nope'",
        "greenway-km|application/json|{\"value\": 40, \"date\": \"2024-06-30\", \"source\": \"s\"}|404|measured from the greenways layer and takes no reports"
    })
    void aBadReportIsRefusedWithTheReasonAndNothingIsStored(String target, String contentType, String body, int status,
            String reason) {
        String officer = demo().officerToken("报送员", "greenways");
        int before = reports();
        HttpResponse<String> r = post(target, officer, contentType, body);
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("application/problem+json", type(r));
        assertTrue(json(r).get("detail").asText().contains(reason), r.body());
        assertEquals(before, reports(), "nothing stored");
    }

    @Test
    void theApiDescribesTheTargetRoutes() {
        JsonNode api = ok("/api");
        for (String p : List.of("/targets", "/targets/{targetId}", "/targets/{targetId}/features",
                "/targets/{targetId}/reports", "/dashboard")) {
            assertTrue(api.get("paths").has(p), p);
        }
        Set<String> params = new HashSet<>();
        for (JsonNode p : api.at("/paths/~1targets~1{targetId}/get/parameters")) params.add(p.get("name").asText());
        assertEquals(Set.of("targetId", "asOf", "f"), params);
        assertTrue(api.at("/paths/~1targets/get/responses/200/content").has("text/csv"));
        JsonNode post = api.at("/paths/~1targets~1{targetId}~1reports/post");
        assertEquals("postTargetReport", post.get("operationId").asText());
        assertTrue(post.has("security"), "posting needs a key: " + post);
        assertTrue(post.at("/responses").has("201"), post.toString());
    }

    @Test
    void theDashboardAndItsAssetsAreServedFromTheService() {
        HttpResponse<String> page = demo().get("/dashboard", "text/html");
        assertEquals(200, page.statusCode());
        assertTrue(type(page).startsWith("text/html"), type(page));
        String base = demo().url();
        for (String asset : List.of("/assets/dashboard/dashboard.js", "/assets/dashboard/dashboard.css",
                "/assets/vendor/echarts/echarts.min.js")) {
            assertTrue(page.body().contains("\"" + base + asset + "\""), asset + " is referenced");
            HttpResponse<String> r = demo().get(asset, "*/*");
            assertEquals(200, r.statusCode(), asset);
            assertTrue(type(r).contains(asset.endsWith(".css") ? "css" : "javascript"), asset + ": " + type(r));
            assertTrue(r.body().length() > (asset.contains("echarts") ? 500_000 : 2_000), asset);
        }
        assertFalse(page.body().contains("//cdn") || page.body().contains("https://"), "no outside requests");
        assertTrue(page.body().contains("data-lang=\"zh\""), "Chinese by default");
        assertTrue(demo().get("/dashboard?lang=en", null).body().contains("data-lang=\"en\""));
    }

    @Test
    void theDashboardScriptTurnsTheTargetsIntoCards() throws Exception {
        Path dir = Files.createTempDirectory("dashboard");
        Path script = dir.resolve("dashboard.js");
        Files.writeString(script, demo().get("/assets/dashboard/dashboard.js", "*/*").body());
        Path data = dir.resolve("targets.json");
        Files.writeString(data, demo().get("/targets?asOf=" + AS_OF).body());
        Path run = dir.resolve("run.js");
        Files.writeString(run, "const d = require(process.argv[2]);\n"
                + "const data = JSON.parse(require('fs').readFileSync(process.argv[3], 'utf8'));\n"
                + "const out = {};\n"
                + "for (const lang of ['zh', 'en']) out[lang] = data.targets.map(t => d.model.cardModel(t, lang));\n"
                + "out.charts = data.targets.map(t => d.model.chartOption(t, 'zh'));\n"
                + "process.stdout.write(JSON.stringify(out));\n");
        Process p = new ProcessBuilder("node", run.toString(), script.toString(), data.toString()).redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        JsonNode out = JSON.readTree(output);
        JsonNode list = JSON.readTree(Files.readString(data));
        assertEquals(list.get("targets").size(), out.get("zh").size(), "one card per target");
        Map<String, Integer> at = new LinkedHashMap<>();
        for (int i = 0; i < out.get("zh").size(); i++) at.put(out.get("zh").get(i).get("id").asText(), i);
        JsonNode zh = out.get("zh").get(at.get("greenway-km"));
        assertEquals("29.27 公里", zh.get("valueText").asText());
        assertEquals("45.00 公里", zh.get("dueText").asText());
        assertEquals("滞后", zh.get("statusLabel").asText());
        assertEquals("青浦区", zh.get("scope").asText());
        assertEquals(65.05, zh.get("percent").asDouble(), 0.01);
        JsonNode en = out.get("en").get(at.get("greenway-km"));
        assertEquals("29.27 km", en.get("valueText").asText());
        assertEquals("Behind", en.get("statusLabel").asText());
        assertEquals("45 km of greenways built in Qingpu", en.get("title").asText());
        assertEquals("37,800 平方米", out.get("zh").get(at.get("vertical-greening-m2")).get("valueText").asText());
        assertEquals("6 个", out.get("zh").get(at.get("rural-parks")).get("valueText").asText());
        assertEquals("6", out.get("en").get(at.get("rural-parks")).get("valueText").asText());
        assertEquals(100.0, out.get("zh").get(at.get("new-energy-bus")).get("percent").asDouble(), 0, "capped for the bar");
        assertEquals(3, out.get("zh").get(at.get("pv-added-mw")).get("parts").size());
        // The chart of a target: its values by year and the trajectory; parts as stacked bars.
        JsonNode chart = out.get("charts").get(at.get("greenway-km"));
        JsonNode history = list.get("targets").get(at.get("greenway-km")).get("history");
        assertEquals(history.size(), chart.at("/xAxis/data").size());
        for (int i = 0; i < history.size(); i++) {
            assertEquals(history.get(i).get("value").asDouble(), chart.at("/series/0/data").get(i).asDouble(), 1e-9);
        }
        JsonNode pvChart = out.get("charts").get(at.get("pv-added-mw"));
        assertEquals(4, pvChart.get("series").size(), "three districts and the trajectory");
        assertEquals("bar", pvChart.at("/series/0/type").asText());
        assertEquals("end", out.get("charts").get(at.get("ultra-low-energy-buildings")).at("/series/1/step").asText());
    }
}
