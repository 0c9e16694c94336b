package org.sinkatlas.server.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.sinkatlas.layers.filter.Filter;
import org.sinkatlas.layers.model.Feature;
import org.sinkatlas.layers.model.FeatureVersion;
import org.sinkatlas.layers.model.GeometryKind;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.Localized;
import org.sinkatlas.layers.model.PropertyDef;
import org.sinkatlas.layers.model.PropertyType;
import org.sinkatlas.layers.model.SinkFields;
import org.sinkatlas.layers.store.FeatureQuery;
import org.sinkatlas.layers.store.ServiceRecord;
import org.sinkatlas.layers.store.StoreCursor;
import org.sinkatlas.layers.testing.Gdal;
import org.sinkatlas.server.testing.DemoServer;

/**
 * OGC API Features Part 4 as GIS clients use it: the requests QGIS sends while editing, checked afterwards
 * through GDAL; who may write; the history; what bad input gets; and many clients editing one feature at once.
 */
abstract class FeatureEditsSuite {

    protected abstract DemoServer demo();

    private static final String PROJECTS = "/collections/sink-projects/items";

    private static JsonNode json(HttpResponse<String> r) {
        return DemoServer.json(r);
    }

    private HttpResponse<String> send(String method, String path, String token, String type, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(demo().url() + path)).header("Accept", "application/geo+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) b.header("Authorization", "Bearer " + token);
        if (type != null) b.header("Content-Type", type);
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return DemoServer.send(b.build());
    }

    private static String project(String name, String status, String ring) {
        return "{\"type\":\"Feature\",\"properties\":{\"name\":\"" + name + "\",\"district\":\"吴江区\",\"kind\":\"afforestation\","
                + "\"status\":\"" + status + "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}}";
    }

    private static final String RING = "[[120.70,31.00],[120.71,31.00],[120.71,31.01],[120.70,31.01],[120.70,31.00]]";
    private static final String RING2 = "[[120.72,31.00],[120.73,31.00],[120.73,31.01],[120.72,31.01],[120.72,31.00]]";

    private static String etag(HttpResponse<?> r) {
        return r.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag"));
    }

    @Test
    void aQgisEditingSessionAsGdalThenSeesIt() throws Exception {
        String officer = demo().officerToken("吴江 projects officer", "sink-projects");
        String name = "test-project-" + System.nanoTime();
        assertTrue(json(demo().get("/conformance")).toString().contains("ogcapi-features-4/1.0/conf/create-replace-delete"));

        // QGIS asks first what it may do.
        HttpResponse<String> options = send("OPTIONS", PROJECTS, officer, null, null);
        assertEquals(204, options.statusCode());
        assertTrue(options.headers().firstValue("Allow").orElse("").contains("POST"));
        assertFalse(send("OPTIONS", PROJECTS, null, null, null).headers().firstValue("Allow").orElse("").contains("POST"),
                "the public may only read");

        HttpResponse<String> created = send("POST", PROJECTS, officer, "application/geo+json", project(name, "planned", RING));
        assertEquals(201, created.statusCode(), created.body());
        String location = created.headers().firstValue("Location").orElseThrow();
        String path = location.substring(demo().url().length());
        assertEquals("\"1\"", etag(created));
        long id = Long.parseLong(path.replaceAll(".*/", ""));
        String ogr = Gdal.run("ogrinfo", "-ro", "-al", "-q", "OAPIF:" + demo().url() + "/", "sink-projects",
                "-where", "name = '" + name + "'");
        assertTrue(ogr.contains(name) && ogr.contains("afforestation") && ogr.contains("POLYGON"), ogr);

        HttpResponse<String> read = send("GET", path, null, null, null);
        assertEquals("\"1\"", etag(read));
        HttpResponse<String> replaced = send("PUT", path, officer, "application/geo+json",
                project(name, "under_construction", RING2), "If-Match", etag(read));
        assertEquals(200, replaced.statusCode(), replaced.body());
        assertEquals("\"2\"", etag(replaced));
        assertEquals("under_construction", json(replaced).at("/properties/status").asText());
        HttpResponse<String> stale = send("PUT", path, officer, "application/geo+json", project(name, "built", RING), "If-Match", "\"1\"");
        assertEquals(412, stale.statusCode(), "a write from a stale version loses");
        HttpResponse<String> patched = send("PATCH", path, officer, "application/merge-patch+json",
                "{\"properties\":{\"status\":\"built\",\"owner\":\"吴江区林业站\"}}", "If-Match", "\"2\"");
        assertEquals(200, patched.statusCode(), patched.body());
        assertEquals("built", json(patched).at("/properties/status").asText());
        assertEquals("under_construction", json(send("GET", path + "/history/2", officer, null, null)).at("/properties/status").asText());

        HttpResponse<String> deleted = send("DELETE", path, officer, null, null, "If-Match", "\"3\"");
        assertEquals(204, deleted.statusCode(), deleted.body());
        assertEquals(404, send("GET", path, null, null, null).statusCode());
        String after = Gdal.run("ogrinfo", "-ro", "-al", "-q", "OAPIF:" + demo().url() + "/", "sink-projects",
                "-where", "name = '" + name + "'");
        assertFalse(after.contains(name), after);

        // Nothing is lost: every version, with who and when, and the audit log.
        JsonNode history = json(send("GET", path + "/history", officer, null, null));
        List<String> ops = new ArrayList<>();
        history.get("versions").forEach(v -> ops.add(v.get("version").asInt() + ":" + v.get("operation").asText()));
        assertEquals(List.of("1:insert", "2:update", "3:update", "4:delete"), ops);
        assertEquals("吴江 projects officer", history.at("/versions/0/author").asText());
        List<FeatureVersion> stored = demo().store().history("sink-projects", id);
        assertEquals(4, stored.size());
        String audit = json(send("GET", "/admin/audit?limit=20", demo().adminToken(), null, null)).get("entries").toString();
        assertTrue(audit.contains("feature.create") && audit.contains("feature.delete") && audit.contains("sink-projects/" + id), audit);
        assertEquals(409, send("POST", path + "/history/2/restore", officer, null, null).statusCode(), "deleted: re-create it");
    }

    @Test
    void aParcelEditIsEstimatedAgainAndAnOldVersionCanBeRestored() {
        String officer = demo().officerToken("parcels officer", "parcels");
        Feature parcel;
        try (StoreCursor<Feature> c = demo().store().query("parcels", new FeatureQuery(new Filter.Compare("landcover",
                org.sinkatlas.layers.filter.ComparisonOp.EQ, "0101"), 0, 1))) {
            parcel = c.next();
        }
        String path = "/collections/parcels/items/" + parcel.id();
        double before = ((Number) parcel.property(SinkFields.DENSITY)).doubleValue();
        HttpResponse<String> planted = send("PATCH", path, officer, "application/merge-patch+json",
                "{\"properties\":{\"landcover\":\"0301\",\"landcover_fractions\":null}}", "If-Match", "\"" + parcel.version() + "\"");
        assertEquals(200, planted.statusCode(), planted.body());
        double after = json(planted).at("/properties/" + SinkFields.DENSITY).asDouble();
        assertTrue(after > before + 1, "paddy " + before + " became forest " + after + " tCO2e/ha/yr");
        // The edit records the change of land use, which starts the new stand's growth and its soil's transition.
        assertEquals(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString(),
                json(planted).at("/properties/" + SinkFields.LANDUSE_SINCE).asText());
        assertEquals("0101", json(planted).at("/properties/" + SinkFields.PREVIOUS).asText());
        assertEquals(after, ((Number) demo().store().feature("parcels", parcel.id()).orElseThrow().property(SinkFields.DENSITY))
                .doubleValue(), 1e-9, "stored with the feature");

        HttpResponse<String> restored = send("POST", path + "/history/" + parcel.version() + "/restore", officer, null, null);
        assertEquals(200, restored.statusCode(), restored.body());
        assertEquals("0101", json(restored).at("/properties/landcover").asText());
        assertEquals(before, json(restored).at("/properties/" + SinkFields.DENSITY).asDouble(), 1e-9);
        JsonNode since = json(restored).at("/properties/" + SinkFields.LANDUSE_SINCE);
        assertTrue(since.isNull() || since.isMissingNode(), "the restored version keeps its own history: " + since);
        assertEquals("\"" + (parcel.version() + 2) + "\"", etag(restored), "a restore is a new version");
    }

    @Test
    void aChangeMustNameTheVersionItChangesAndAChangeOfNothingMakesNoVersion() throws Exception {
        String officer = demo().officerToken("if-match officer", "sink-projects");
        HttpResponse<String> created = send("POST", PROJECTS, officer, "application/geo+json", project("if-match", "planned", RING));
        String path = created.headers().firstValue("Location").orElseThrow().substring(demo().url().length());
        long id = Long.parseLong(path.replaceAll(".*/", ""));
        for (String method : List.of("PUT", "PATCH")) {
            HttpResponse<String> blind = send(method, path, officer, method.equals("PUT") ? "application/geo+json"
                    : "application/merge-patch+json", method.equals("PUT") ? project("if-match", "built", RING)
                    : "{\"properties\":{\"status\":\"built\"}}");
            assertEquals(428, blind.statusCode(), blind.body());
            assertEquals("\"1\"", json(blind).get("etag").asText(), blind.body());
            assertEquals("\"1\"", etag(blind));
            assertTrue(json(blind).get("detail").asText().contains("If-Match"), blind.body());
        }
        assertEquals(404, send("PUT", PROJECTS + "/999999", officer, "application/geo+json", project("x", "built", RING))
                .statusCode(), "no feature: 404 before 428");
        assertEquals(1, demo().store().history("sink-projects", id).size(), "nothing was written");

        // QGIS saves with PUT and no If-Match: its saves stay unconditional.
        HttpResponse<String> qgis = send("PUT", path, officer, "application/geo+json", project("if-match", "built", RING),
                "User-Agent", "Mozilla/5.0 QGIS/33400/Debian GNU/Linux 12 (bookworm)");
        assertEquals(200, qgis.statusCode(), qgis.body());
        assertEquals("\"2\"", etag(qgis));

        for (String tag : List.of("\"2\"", "*")) {
            HttpResponse<String> same = send("PATCH", path, officer, "application/merge-patch+json",
                    "{\"properties\":{\"status\":\"built\",\"name\":\"if-match\"}}", "If-Match", tag);
            assertEquals(200, same.statusCode(), same.body());
            assertEquals("\"2\"", etag(same), "a patch of nothing keeps the version");
        }
        assertEquals(412, send("PATCH", path, officer, "application/merge-patch+json", "{\"properties\":{\"status\":\"built\"}}",
                "If-Match", "\"1\"").statusCode(), "a stale If-Match is a conflict even when nothing would change");
        assertEquals(2, demo().store().history("sink-projects", id).size());
        assertEquals(204, send("DELETE", path, officer, null, null).statusCode(), "a delete needs no If-Match");

        JsonNode put = new com.fasterxml.jackson.databind.ObjectMapper().readTree(demo().get("/api").body())
                .at("/paths/~1collections~1sink-projects~1items~1{featureId}/put");
        assertTrue(put.get("parameters").toString().contains("\"name\":\"If-Match\",\"in\":\"header\""), put.toString());
        assertTrue(put.get("responses").has("428"), put.toString());
    }

    @Test
    void writesAreHeldToTheSinkRulesAndThePropertyLimits() {
        String officer = demo().officerToken("rules officer", "parcels", "sink-projects", "energy-sites");
        Feature parcel;
        try (StoreCursor<Feature> c = demo().store().query("parcels", new FeatureQuery(new Filter.Compare("landcover",
                org.sinkatlas.layers.filter.ComparisonOp.EQ, "0101"), 0, 1))) {
            parcel = c.next();
        }
        Feature project = demo().store().feature("sink-projects", 1).orElseThrow();
        Feature site = demo().store().feature("energy-sites", 1).orElseThrow();
        long parcels = demo().store().count("parcels", Filter.ALL);
        String parcelPath = "/collections/parcels/items/" + parcel.id();
        String parcelVersion = "\"" + parcel.version() + "\"";
        Object[][] cases = {
            {"PATCH", parcelPath, parcelVersion, "{\"properties\":{\"landcover\":\"9999\",\"landcover_fractions\":null}}",
                "unknown land cover '9999'"},
            {"PATCH", parcelPath, parcelVersion, "{\"properties\":{\"landcover_fractions\":{\"0101\":0.5,\"0301\":0.3}}}",
                "land-cover fractions must sum to 1, they sum to 0.8"},
            {"PATCH", parcelPath, parcelVersion, "{\"properties\":{\"previous_landcover\":\"paddy\"}}",
                "unknown previous_landcover 'paddy'"},
            {"POST", "/collections/parcels/items", null, "{\"type\":\"Feature\",\"properties\":{\"landcover\":\"9999\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" + RING + "]}}", "unknown land cover '9999'"},
            {"PATCH", PROJECTS + "/1", "\"" + project.version() + "\"", "{\"properties\":{\"note\":\"" + "x".repeat(10_001)
                + "\"}}", "property 'note': 10,001 characters, more than its limit of 10,000"},
            {"PATCH", "/collections/energy-sites/items/1", "\"" + site.version() + "\"",
                "{\"properties\":{\"capacity_mw\":-5}}", "property 'capacity_mw': -5 is below its minimum of 0"},
        };
        for (Object[] c : cases) {
            String type = c[0].equals("POST") ? "application/geo+json" : "application/merge-patch+json";
            HttpResponse<String> r = c[2] == null ? send((String) c[0], (String) c[1], officer, type, (String) c[3])
                    : send((String) c[0], (String) c[1], officer, type, (String) c[3], "If-Match", (String) c[2]);
            assertEquals(422, r.statusCode(), c[4] + ": " + r.body());
            assertTrue(json(r).get("detail").asText().contains((String) c[4]), r.body());
        }
        assertEquals(parcels, demo().store().count("parcels", Filter.ALL), "nothing was created");
        for (Feature before : List.of(parcel, project, site)) {
            String layer = before == parcel ? "parcels" : before == project ? "sink-projects" : "energy-sites";
            Feature now = demo().store().feature(layer, before.id()).orElseThrow();
            assertEquals(before.version(), now.version(), layer + " unchanged");
            assertEquals(before.version(), demo().store().history(layer, before.id()).size(), layer + ": no new version");
        }
        String schema = send("GET", "/collections/energy-sites/queryables", null, null, null).body();
        assertTrue(schema.contains("\"capacity_mw\"") && schema.contains("\"minimum\":0}"), schema);
        assertTrue(send("GET", "/collections/sink-projects/queryables", null, null, null).body().contains("\"maxLength\":10000"));
    }

    @Test
    void aSinkLayerWithoutEverySinkFieldTakesWritesAndKeepsTheFieldsItHas() {
        LayerInfo partial = new LayerInfo("partial-sinks", Localized.of("部分碳汇字段", "Partial sink fields"),
                Localized.of("测试", "Test"), GeometryKind.MULTIPOLYGON, List.of(
                        PropertyDef.of("landcover", PropertyType.STRING, "地类", "Land cover"),
                        PropertyDef.of(SinkFields.AREA, PropertyType.REAL, "面积", "Area")), null, true, "test", List.of());
        demo().store().createLayer(partial);
        try {
            String officer = demo().officerToken("partial officer", "partial-sinks");
            HttpResponse<String> made = send("POST", "/collections/partial-sinks/items", officer, "application/geo+json",
                    "{\"type\":\"Feature\",\"properties\":{\"landcover\":\"0301\"},\"geometry\":{\"type\":\"Polygon\","
                            + "\"coordinates\":[" + RING + "]}}");
            assertEquals(201, made.statusCode(), made.body());
            Feature f = demo().store().feature("partial-sinks", json(made).get("id").asLong()).orElseThrow();
            // The ring is about 955 m by 1,112 m.
            assertEquals(1.06e6, ((Number) f.property(SinkFields.AREA)).doubleValue(), 0.02e6);
        } finally {
            demo().store().dropLayer("partial-sinks");
        }
    }

    @Test
    void onlyTheRightKeysWriteAndRefusalsLeakNothing() {
        String name = "secret-" + System.nanoTime();
        String body = project(name, "planned", RING);
        long before = demo().store().count("sink-projects", Filter.ALL);
        HttpResponse<String> none = send("POST", PROJECTS, null, "application/geo+json", body);
        assertEquals(401, none.statusCode());
        assertEquals(401, send("POST", PROJECTS, "sa_0000000000000000_" + "B".repeat(43), "application/geo+json", body).statusCode());
        String forests = demo().officerToken("forests only", "forests");
        HttpResponse<String> other = send("POST", PROJECTS, forests, "application/geo+json", body);
        assertEquals(403, other.statusCode());
        assertTrue(json(other).get("detail").asText().contains("not 'sink-projects'"), other.body());
        String revoked = demo().officerToken("leaving officer", "sink-projects");
        demo().server().access().keys().revoke(revoked.split("_")[1], "test", "test");
        assertEquals(401, send("POST", PROJECTS, revoked, "application/geo+json", body).statusCode());
        // The public may not read history (it names people) and never learns of a draft.
        assertEquals(401, send("GET", PROJECTS + "/1/history", null, null, null).statusCode());
        assertEquals(404, send("GET", "/collections/no-such-draft/items/1/history", forests, null, null).statusCode());
        for (HttpResponse<String> r : List.of(none, other)) assertFalse(r.body().contains(name));
        assertEquals(before, demo().store().count("sink-projects", Filter.ALL), "nothing was written");
    }

    @Test
    void badInputGetsItsReasonAndChangesNothing() {
        String officer = demo().officerToken("bad input officer", "sink-projects", "energy-sites");
        long before = demo().store().count("sink-projects", Filter.ALL);
        Feature sample = demo().store().feature("sink-projects", 1).orElseThrow();
        String selfCrossing = "[[120.70,31.00],[120.71,31.01],[120.71,31.00],[120.70,31.01],[120.70,31.00]]";
        StringBuilder huge = new StringBuilder("[");
        for (int i = 0; i < 300_000; i++) huge.append('[').append(120.7 + i * 1e-7).append(",31.0],");
        huge.append("[120.7,31.0]]");
        Map<String, Object[]> cases = new java.util.LinkedHashMap<>();
        cases.put("malformed JSON", new Object[] {"application/geo+json", "{\"type\":\"Feature\",", 400, "not valid JSON"});
        cases.put("wrong content type", new Object[] {"text/plain", project("x", "planned", RING), 415, "application/geo+json"});
        cases.put("self-intersecting", new Object[] {"application/geo+json", project("x", "planned", selfCrossing), 422,
            "Self-intersection at (120.705000, 31.005000)"});
        cases.put("outside the CRS", new Object[] {"application/geo+json", project("x", "planned",
                "[[120.70,95.0],[120.71,95.0],[120.71,95.01],[120.70,95.0]]"), 400, "outside the area where OGC:CRS84 is used"});
        // Metres of EPSG:4549 that put the parcel near the equator: given in a wrong CRS.
        cases.put("outside the area of Content-Crs", new Object[] {"application/geo+json", project("x", "planned",
                "[[500000,100000],[500100,100000],[500100,100100],[500000,100000]]"), 400,
            "(500000, 100000) is outside the area where EPSG:4549 is used", new String[] {"Content-Crs",
                "<http://www.opengis.net/def/crs/EPSG/0/4549>"}});
        cases.put("mixed geometry type", new Object[] {"application/geo+json", "{\"type\":\"Feature\",\"properties\":{},"
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[120.7,31.0]}}", 422, "MultiPolygon"});
        cases.put("unknown property", new Object[] {"application/geo+json", project("x", "planned", RING)
                .replace("\"status\"", "\"colour\""), 422, "unknown property 'colour'"});
        cases.put("300,000 vertices", new Object[] {"application/geo+json", project("x", "planned", huge.toString()), 413,
            "at most 250000"});
        cases.put("heights", new Object[] {"application/geo+json", project("x", "planned",
                "[[120.70,31.00,4.5],[120.71,31.00,4.5],[120.71,31.01,4.5],[120.70,31.00,4.5]]"), 422,
            "the geometry has heights (z = 4.5 at 120.7, 31)"});
        cases.put("no geometry", new Object[] {"application/geo+json", "{\"type\":\"Feature\",\"properties\":{\"name\":\"x\"},"
                + "\"geometry\":null}", 400, "no geometry"});
        cases.forEach((what, c) -> {
            String[] headers = c.length > 4 ? (String[]) c[4] : new String[0];
            HttpResponse<String> r = send("POST", PROJECTS, officer, (String) c[0], (String) c[1], headers);
            assertEquals((int) c[2], r.statusCode(), what + ": " + r.body());
            assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""), what);
            assertTrue(json(r).get("detail").asText().contains((String) c[3]), what + ": " + r.body());
        });
        HttpResponse<String> wrongType = send("PATCH", "/collections/energy-sites/items/1", officer,
                "application/merge-patch+json", "{\"properties\":{\"capacity_mw\":\"lots\"}}", "If-Match", "*");
        assertEquals(422, wrongType.statusCode(), wrongType.body());
        assertTrue(json(wrongType).get("detail").asText().contains("capacity_mw"), wrongType.body());
        assertEquals(400, send("PATCH", PROJECTS + "/1", officer, "application/merge-patch+json", "{\"colour\":1}",
                "If-Match", "*").statusCode());
        assertEquals(412, send("PUT", PROJECTS + "/1", officer, "application/geo+json", project("x", "built", RING),
                "If-Match", "\"not-a-version\"").statusCode());
        assertEquals(400, send("POST", PROJECTS, officer, "application/geo+json", project("x", "planned", RING),
                "Content-Crs", "<http://www.opengis.net/def/crs/EPSG/0/9999>").statusCode());

        assertEquals(before, demo().store().count("sink-projects", Filter.ALL), "nothing was written");
        Feature unchanged = demo().store().feature("sink-projects", 1).orElseThrow();
        assertEquals(sample.version(), unchanged.version());
        assertEquals(sample.properties(), unchanged.properties());
        assertEquals(200, demo().get("/health").statusCode(), "the server keeps serving");
    }

    @Test
    void manyClientsEditingOneFeatureLoseNoUpdate() throws Exception {
        String officer = demo().officerToken("busy officer", "sink-projects");
        HttpResponse<String> created = send("POST", PROJECTS, officer, "application/geo+json", project("busy", "planned", RING));
        String path = created.headers().firstValue("Location").orElseThrow().substring(demo().url().length());
        long id = Long.parseLong(path.replaceAll(".*/", ""));
        int clients = 8;
        int edits = 5;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Integer>> conflicts = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            conflicts.add(pool.submit(() -> {
                int refused = 0;
                for (int e = 0; e < edits; e++) {
                    while (true) {
                        HttpResponse<String> read = send("GET", path, null, null, null);
                        String note = json(read).at("/properties/note").asText("");
                        HttpResponse<String> w = send("PATCH", path, officer, "application/merge-patch+json",
                                "{\"properties\":{\"note\":\"" + note + " c" + client + "e" + e + "\"}}", "If-Match", etag(read));
                        if (w.statusCode() == 200) break;
                        assertEquals(412, w.statusCode(), w.body());
                        refused++;
                    }
                }
                return refused;
            }));
        }
        int refused = 0;
        for (Future<Integer> f : conflicts) refused += f.get();
        pool.shutdown();
        String note = demo().store().feature("sink-projects", id).orElseThrow().property("note").toString();
        for (int c = 0; c < clients; c++) {
            for (int e = 0; e < edits; e++) assertTrue(note.contains(" c" + c + "e" + e), "lost c" + c + "e" + e + ": " + note);
        }
        List<FeatureVersion> history = demo().store().history("sink-projects", id);
        assertEquals(1 + clients * edits, history.size(), "one version per accepted write, " + refused + " refused");
        for (int i = 0; i < history.size(); i++) assertEquals(i + 1, history.get(i).version());
        long audited = demo().store().records("audit").stream().map(ServiceRecord::body)
                .filter(b -> ("sink-projects/" + id).equals(b.get("target"))).count();
        assertEquals(1 + clients * edits, audited);
        assertNotEquals(0, refused, "the clients really raced");
    }
}
