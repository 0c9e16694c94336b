package org.sinkatlas.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.sinkatlas.layers.model.FeatureDraft;
import org.sinkatlas.layers.store.ServiceRecord;
import org.sinkatlas.server.testing.DemoServer;

/** Keys, roles, drafts and the admin API over real HTTP, as a client would meet them. */
abstract class AccessSuite {

    protected abstract DemoServer demo();

    private static JsonNode json(HttpResponse<String> r) {
        return DemoServer.json(r);
    }

    private HttpResponse<String> get(String path, String token) {
        return demo().call("GET", path, token, null, null);
    }

    private static void assertProblem(HttpResponse<String> r, int status, String inDetail) {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
        assertTrue(json(r).get("detail").asText().contains(inDetail), r.body());
    }

    @Test
    void adminRoutesRefuseTheMissingTheWrongAndTheRevokedKey() {
        HttpResponse<String> none = get("/admin/keys", null);
        assertProblem(none, 401, "Authorization: Bearer");
        assertEquals("Bearer realm=\"Sink Atlas\"", none.headers().firstValue("WWW-Authenticate").orElse(""));

        String wrong = "sa_0123456789abcdef_" + "A".repeat(43);
        HttpResponse<String> bad = get("/admin/keys", wrong);
        assertProblem(bad, 401, "not valid");
        assertTrue(bad.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"));
        assertFalse(bad.body().contains(wrong), "the key is not echoed");
        // A bad key is refused on public routes too: the caller meant to be someone.
        assertProblem(get("/collections", wrong), 401, "not valid");
        assertEquals(200, get("/collections", null).statusCode(), "no key: the public");
    }

    @Test
    void anOfficerKeyIsMadeShownOnceStoredAsAHashAndRevoked() {
        String admin = demo().adminToken();
        HttpResponse<String> made = demo().call("POST", "/admin/keys", admin, "application/json",
                "{\"name\":\"吴江区 officer\",\"role\":\"officer\",\"layers\":[\"forests\",\"wetlands\"]}");
        assertEquals(201, made.statusCode(), made.body());
        JsonNode key = json(made);
        String token = key.get("token").asText();
        String id = key.get("id").asText();
        assertTrue(token.startsWith("sa_" + id + "_"), token);
        assertEquals(demo().url() + "/admin/keys/" + id, made.headers().firstValue("Location").orElse(""));

        // The store keeps no secret: neither the token nor its secret part is in any record.
        // The secret is URL-safe Base64, which may itself hold '_': cut after the known prefix.
        String secret = token.substring(("sa_" + id + "_").length());
        for (ServiceRecord r : demo().store().records(null)) {
            assertFalse(r.body().toString().contains(secret), "record " + r.id() + " holds the secret");
        }
        // Listed without the token.
        HttpResponse<String> list = get("/admin/keys", admin);
        assertEquals(200, list.statusCode());
        assertTrue(list.body().contains(id) && !list.body().contains(secret));

        // The officer is known, may not administer, and sees drafts (checked below).
        assertProblem(get("/admin/keys", token), 403, "needs the admin role");
        assertEquals(200, get("/collections", token).statusCode());

        HttpResponse<String> revoked = demo().call("DELETE", "/admin/keys/" + id + "?reason=left%20the%20office", admin,
                null, null);
        assertEquals(200, revoked.statusCode(), revoked.body());
        assertFalse(json(revoked).get("valid").asBoolean());
        assertProblem(get("/collections", token), 401, "revoked");

        // The audit log names who did what.
        JsonNode audit = json(get("/admin/audit?limit=5", admin));
        String entries = audit.get("entries").toString();
        assertTrue(entries.contains("key.revoke") && entries.contains("key.create") && entries.contains(id), entries);
        assertTrue(entries.contains("left the office"), entries);
    }

    @Test
    void badKeyRequestsAreRefusedAndStoreNothing() {
        String admin = demo().adminToken();
        int before = demo().store().records(null).size();
        assertProblem(demo().call("POST", "/admin/keys", admin, "application/json", "{\"name\":\"x\",\"role\":\"root\"}"),
                400, "officer or admin");
        assertProblem(demo().call("POST", "/admin/keys", admin, "application/json",
                "{\"name\":\"x\",\"role\":\"officer\",\"layers\":[\"no-such-layer\"]}"), 400, "no layer 'no-such-layer'");
        assertProblem(demo().call("POST", "/admin/keys", admin, "application/json",
                "{\"name\":\"\",\"role\":\"officer\",\"layers\":[\"forests\"]}"), 400, "name");
        assertProblem(demo().call("POST", "/admin/keys", admin, "application/json", "{\"name\":\"x\",\"role\":\"officer\"}"),
                400, "layers");
        assertProblem(demo().call("POST", "/admin/keys", admin, "application/json", "{not json"), 400, "not valid JSON");
        assertProblem(demo().call("POST", "/admin/keys", admin, "text/plain", "{}"), 415, "application/json");
        assertProblem(demo().call("POST", "/admin/keys", admin, "application/json",
                "{\"name\":\"x\",\"role\":\"admin\",\"superpowers\":true}"), 400, "unknown field 'superpowers'");
        assertProblem(demo().call("DELETE", "/admin/keys/feedfacefeedface", admin, null, null), 404, "no API key");
        assertEquals(before, demo().store().records(null).size(), "nothing was stored");
        assertEquals(200, demo().get("/health").statusCode());
    }

    @Test
    void draftLayersAreAbsentForThePublicEverywhereAndPublishedByAnAdmin() {
        String admin = demo().adminToken();
        String officer = demo().officerToken("officer of drafts", "draft-wetland-survey");
        String layer = "{\"id\":\"draft-wetland-survey\",\"title\":{\"zh\":\"湿地调查（草稿）\",\"en\":\"Wetland survey (draft)\"},"
                + "\"description\":{\"zh\":\"测试\",\"en\":\"Test\"},\"geometryKind\":\"MULTIPOLYGON\",\"properties\":"
                + "[{\"name\":\"name\",\"type\":\"STRING\",\"title\":{\"zh\":\"名称\",\"en\":\"Name\"}}]}";
        HttpResponse<String> made = demo().call("POST", "/admin/layers", admin, "application/json", layer);
        assertEquals(201, made.statusCode(), made.body());
        try {
            assertFalse(json(made).get("published").asBoolean(), "a new layer is a draft");
            long fid = demo().store().write("test", w -> w.insert("draft-wetland-survey", new FeatureDraft(
                    new GeometryFactory().createPolygon(new Coordinate[] {new Coordinate(120.9, 31.0),
                        new Coordinate(120.91, 31.0), new Coordinate(120.91, 31.01), new Coordinate(120.9, 31.0)}),
                    Map.of("name", "secret marsh")))).id();

            for (String path : List.of("/collections/draft-wetland-survey", "/collections/draft-wetland-survey/items",
                    "/collections/draft-wetland-survey/items/" + fid,
                    "/collections/draft-wetland-survey/items?name=secret%20marsh")) {
                HttpResponse<String> r = get(path, null);
                assertProblem(r, 404, "no collection 'draft-wetland-survey'");
                assertFalse(r.body().contains("secret marsh"));
            }
            assertFalse(get("/collections", null).body().contains("draft-wetland-survey"));
            assertFalse(demo().get("/", "text/html").body().contains("draft-wetland-survey"));
            assertFalse(get("/api", null).body().contains("draft-wetland-survey"));
            // Officers and admins see it.
            assertTrue(get("/collections", officer).body().contains("draft-wetland-survey"));
            assertTrue(get("/collections/draft-wetland-survey/items/" + fid, officer).body().contains("secret marsh"));
            // An officer may not publish.
            assertProblem(demo().call("PATCH", "/admin/layers/draft-wetland-survey", officer,
                    "application/merge-patch+json", "{\"published\":true}"), 403, "admin");

            HttpResponse<String> published = demo().call("PATCH", "/admin/layers/draft-wetland-survey", admin,
                    "application/merge-patch+json", "{\"published\":true,\"title\":{\"zh\":\"湿地调查\",\"en\":\"Wetland survey\"}}");
            assertEquals(200, published.statusCode(), published.body());
            assertEquals(200, get("/collections/draft-wetland-survey/items/" + fid, null).statusCode());
            assertTrue(get("/collections", null).body().contains("湿地调查"));
            assertProblem(demo().call("PATCH", "/admin/layers/draft-wetland-survey", admin,
                    "application/merge-patch+json", "{\"geometryKind\":\"POINT\"}"), 400, "unknown field 'geometryKind'");
            assertProblem(demo().call("POST", "/admin/layers", admin, "application/json", layer), 409, "exists already");
            String entries = get("/admin/audit", admin).body();
            assertTrue(entries.contains("layer.create") && entries.contains("(published)"), entries);
        } finally {
            demo().store().dropLayer("draft-wetland-survey");
        }
    }

    @Test
    void aBadLayerDefinitionIsRefusedWithTheReason() {
        String admin = demo().adminToken();
        int layers = demo().store().layers().size();
        assertProblem(demo().call("POST", "/admin/layers", admin, "application/json",
                "{\"id\":\"Bad Id\",\"title\":{\"zh\":\"x\",\"en\":\"x\"},\"description\":{\"zh\":\"x\",\"en\":\"x\"},"
                        + "\"geometryKind\":\"POINT\",\"properties\":[]}"), 400, "slug");
        assertProblem(demo().call("POST", "/admin/layers", admin, "application/json",
                "{\"id\":\"ok-id\",\"title\":{\"zh\":\"x\",\"en\":\"x\"},\"description\":{\"zh\":\"x\",\"en\":\"x\"},"
                        + "\"geometryKind\":\"HEXAGON\",\"properties\":[]}"), 400, "not a layer definition");
        assertEquals(layers, demo().store().layers().size());
    }

    @Test
    void aTitleAnotherLayerUsesIsAConflictAndNothingIsMade() {
        String admin = demo().adminToken();
        int layers = demo().store().layers().size();
        String parcels = demo().store().layer("parcels").orElseThrow().title().zh();
        String copy = "{\"id\":\"parcels-copy\",\"title\":{\"zh\":\"" + parcels + "\",\"en\":\"Another title\"},"
                + "\"description\":{\"zh\":\"x\",\"en\":\"x\"},\"geometryKind\":\"MULTIPOLYGON\",\"properties\":["
                + "{\"name\":\"landcover\",\"type\":\"STRING\",\"title\":{\"zh\":\"地类\",\"en\":\"Land cover\"}},"
                + "{\"name\":\"sink_area_m2\",\"type\":\"REAL\",\"title\":{\"zh\":\"面积\",\"en\":\"Area\"}}]}";
        assertProblem(demo().call("POST", "/admin/layers", admin, "application/json", copy), 409, "already used by layer 'parcels'");
        assertEquals(layers, demo().store().layers().size());
        assertTrue(demo().store().layer("parcels-copy").isEmpty());
        String unique = copy.replace(parcels, "独有标题").replace("Another title", "A title of its own");
        HttpResponse<String> made = demo().call("POST", "/admin/layers", admin, "application/json", unique);
        assertEquals(201, made.statusCode(), made.body());
        try {
            // Land cover and area make it a sink layer: it gets the estimate properties the service keeps.
            assertTrue(made.body().contains("\"sink_net_tco2e\""), made.body());
            assertTrue(demo().store().layer("parcels-copy").orElseThrow().property("sink_net_tco2e").isPresent());
            assertProblem(demo().call("PATCH", "/admin/layers/parcels-copy", admin, "application/merge-patch+json",
                    "{\"title\":{\"zh\":\"" + parcels + "\",\"en\":\"x\"}}"), 409, "already used by layer 'parcels'");
            assertEquals("独有标题", demo().store().layer("parcels-copy").orElseThrow().title().zh());
        } finally {
            demo().store().dropLayer("parcels-copy");
        }
        assertEquals(200, demo().get("/health").statusCode());
    }

    @Test
    void adminOnlySinkWorkNeedsAnAdmin() {
        assertProblem(demo().call("POST", "/sinks/recompute", null, null, null), 401, "admin");
        String officer = demo().officerToken("recompute officer", "parcels");
        assertProblem(demo().call("POST", "/sinks/recompute", officer, null, null), 403, "admin");
    }

    @Test
    void theApiDefinitionDeclaresBearerKeysOnAdminRoutes() {
        JsonNode api = json(get("/api", null));
        assertEquals("bearer", api.at("/components/securitySchemes/bearerAuth/scheme").asText());
        assertTrue(api.at("/paths/~1admin~1keys/post/security").isArray());
        assertTrue(api.at("/paths/~1admin~1keys/post/responses/401").isObject());
        assertTrue(api.at("/paths/~1collections/get/security").isMissingNode(), "public routes need no key");
    }
}
