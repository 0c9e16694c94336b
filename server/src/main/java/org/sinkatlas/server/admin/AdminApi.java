package org.sinkatlas.server.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.sinkatlas.layers.filter.Filter;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.Localized;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.ServiceRecord;
import org.sinkatlas.layers.store.StoreJson;
import org.sinkatlas.server.auth.Access;
import org.sinkatlas.server.auth.ApiKey;
import org.sinkatlas.server.auth.ApiKeys;
import org.sinkatlas.server.auth.AuditLog;
import org.sinkatlas.server.auth.Principal;
import org.sinkatlas.server.http.ApiParameter;
import org.sinkatlas.server.http.ApiProblem;
import org.sinkatlas.server.http.ApiRoute;
import org.sinkatlas.server.http.Json;
import org.sinkatlas.server.http.MediaTypes;
import org.sinkatlas.server.http.QueryParameters;
import org.sinkatlas.server.http.RequestBodies;
import org.sinkatlas.server.http.Responses;
import org.sinkatlas.server.http.Role;
import org.sinkatlas.server.http.Urls;
import org.sinkatlas.sink.layers.SinkUpkeep;

/**
 * The admin API: API keys (made, listed, re-assigned, revoked), layers (made as drafts, published or
 * withdrawn, retitled) and the audit log of these acts. Every act appends an {@code audit} record naming
 * who did what to what. Admins only.
 */
public final class AdminApi {

    /** The record kind of the audit log. */
    private final LayerStore store;
    private final SinkUpkeep sinks;
    private final Access access;
    private final Urls urls;

    public AdminApi(LayerStore store, SinkUpkeep sinks, Access access, Urls urls) {
        this.store = store;
        this.sinks = sinks;
        this.access = access;
        this.urls = urls;
    }

    public List<ApiRoute> routes() {
        JsonNodeFactory n = JsonNodeFactory.instance;
        ApiParameter keyId = ApiParameter.path("keyId", "API key id.", n.objectNode().put("type", "string"));
        ApiParameter layerId = ApiParameter.path("layerId", "Layer (collection) id.", n.objectNode().put("type", "string"));
        ApiParameter reason = ApiParameter.query("reason", "Why the key is revoked (kept in the audit log).",
                n.objectNode().put("type", "string"));
        ApiParameter limit = ApiParameter.query("limit", "Most entries (default 100, at most 10,000).",
                n.objectNode().put("type", "integer").put("minimum", 1).put("maximum", 10_000).put("default", 100));
        ApiParameter offset = ApiParameter.query("offset", "Entries to skip, newest first.",
                n.objectNode().put("type", "integer").put("minimum", 0).put("default", 0));
        List<String> json = List.of(MediaTypes.JSON);
        return List.of(
                new ApiRoute("/admin/keys", "listApiKeys", "API keys · 访问密钥", "Admin", List.of(), json, false, this::listKeys)
                        .requiring(Role.ADMIN),
                new ApiRoute(HandlerType.POST, "/admin/keys", "createApiKey", "Make an API key (its token is shown once)"
                        + " · 创建访问密钥", "Admin", List.of(), json, false, MediaTypes.JSON, 201, this::createKey)
                        .requiring(Role.ADMIN),
                new ApiRoute("/admin/keys/{keyId}", "getApiKey", "An API key · 单个访问密钥", "Admin", List.of(keyId), json,
                        false, this::getKey).requiring(Role.ADMIN),
                new ApiRoute(HandlerType.PATCH, "/admin/keys/{keyId}", "assignApiKeyLayers", "Change the layers an"
                        + " officer may write · 调整可编辑图层", "Admin", List.of(keyId), json, false, MediaTypes.MERGE_PATCH_JSON,
                        200, this::patchKey).requiring(Role.ADMIN),
                new ApiRoute(HandlerType.DELETE, "/admin/keys/{keyId}", "revokeApiKey", "Revoke an API key · 吊销访问密钥",
                        "Admin", List.of(keyId, reason), json, false, null, 200, this::revokeKey).requiring(Role.ADMIN),
                new ApiRoute("/admin/layers", "listAllLayers", "Every layer, drafts included · 全部图层", "Admin", List.of(),
                        json, false, this::listLayers).requiring(Role.ADMIN),
                new ApiRoute(HandlerType.POST, "/admin/layers", "createLayer", "Make an empty layer (a draft unless"
                        + " published is true) · 新建图层", "Admin", List.of(), json, false, MediaTypes.JSON, 201,
                        this::createLayer).requiring(Role.ADMIN),
                new ApiRoute(HandlerType.PATCH, "/admin/layers/{layerId}", "updateLayer", "Publish, withdraw or retitle a"
                        + " layer · 发布或修改图层", "Admin", List.of(layerId), json, false, MediaTypes.MERGE_PATCH_JSON, 200,
                        this::patchLayer).requiring(Role.ADMIN),
                new ApiRoute("/admin/audit", "getAuditLog", "Audit log of admin acts, newest first · 管理操作日志", "Admin",
                        List.of(limit, offset), json, false, this::audit).requiring(Role.ADMIN));
    }

    // ------------------------------------------------------------------------------------------------
    // Keys

    private void listKeys(Context ctx) {
        QueryParameters.requireKnown(ctx, Set.of());
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode list = body.putArray("keys");
        for (ApiKey k : access.keys().list()) list.add(keyJson(k));
        Responses.json(ctx, body);
    }

    private void getKey(Context ctx) {
        QueryParameters.requireKnown(ctx, Set.of());
        ApiKey key = access.keys().find(ctx.pathParam("keyId"))
                .orElseThrow(() -> ApiProblem.notFound("no API key '" + ctx.pathParam("keyId") + "'"));
        Responses.json(ctx, keyJson(key));
    }

    private void createKey(Context ctx) {
        QueryParameters.requireKnown(ctx, Set.of());
        Principal admin = Access.caller(ctx);
        JsonNode body = RequestBodies.jsonObject(ctx, MediaTypes.JSON);
        RequestBodies.requireOnly(body, Set.of("name", "role", "layers"));
        Role role = Role.ofKey(body.path("role").asText(null));
        Set<String> layers = role == Role.ADMIN ? Set.of("*") : layerIds(body.get("layers"));
        ApiKeys.Issued issued = access.keys().create(body.path("name").asText(null), role, layers, admin.name());
        audit(admin, "key.create", issued.key().id(), issued.key().name() + " (" + role.id() + ", " + layers + ")");
        ObjectNode out = keyJson(issued.key());
        out.put("token", issued.token());
        out.put("note", "The token is shown only now: give it to its holder, who sends it as"
                + " 'Authorization: Bearer <token>' · 密钥仅显示这一次");
        ctx.status(201);
        ctx.header("Location", urls.base(ctx) + "/admin/keys/" + issued.key().id());
        Responses.json(ctx, out);
    }

    private void patchKey(Context ctx) {
        QueryParameters.requireKnown(ctx, Set.of());
        Principal admin = Access.caller(ctx);
        JsonNode body = RequestBodies.jsonObject(ctx, MediaTypes.MERGE_PATCH_JSON, MediaTypes.JSON);
        RequestBodies.requireOnly(body, Set.of("layers"));
        if (!body.has("layers")) throw ApiProblem.badRequest("send {\"layers\": [...]}: the layers this officer may write");
        String id = ctx.pathParam("keyId");
        Set<String> layers = layerIds(body.get("layers"));
        ApiKey key = access.keys().assignLayers(id, layers, admin.name());
        audit(admin, "key.layers", id, layers.toString());
        Responses.json(ctx, keyJson(key));
    }

    private void revokeKey(Context ctx) {
        QueryParameters.requireKnown(ctx, Set.of("reason"));
        Principal admin = Access.caller(ctx);
        String id = ctx.pathParam("keyId");
        if (id.equals(admin.id())) {
            throw ApiProblem.conflict("a key cannot revoke itself; use another admin key");
        }
        ApiKey key = access.keys().revoke(id, ctx.queryParam("reason"), admin.name());
        audit(admin, "key.revoke", id, ctx.queryParam("reason") == null ? "" : ctx.queryParam("reason"));
        Responses.json(ctx, keyJson(key));
    }

    private static ObjectNode keyJson(ApiKey k) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("id", k.id());
        o.put("name", k.name());
        o.put("role", k.role().id());
        ArrayNode layers = o.putArray("layers");
        k.layers().forEach(layers::add);
        o.put("created", StoreJson.formatInstant(k.created()));
        o.put("created_by", k.createdBy());
        o.put("valid", k.valid());
        if (!k.valid()) {
            o.put("revoked", StoreJson.formatInstant(k.revoked()));
            o.put("revoked_by", k.revokedBy());
        }
        return o;
    }

    /** Layer ids that exist, or {@code *}. */
    private Set<String> layerIds(JsonNode node) {
        if (node == null || !node.isArray()) throw ApiProblem.badRequest("layers must be a list of layer ids, or [\"*\"]");
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode x : node) {
            String id = x.asText();
            if (!id.equals("*") && store.layer(id).isEmpty()) {
                throw ApiProblem.badRequest("there is no layer '" + id + "'; see /admin/layers");
            }
            ids.add(id);
        }
        return ids;
    }

    // ------------------------------------------------------------------------------------------------
    // Layers

    private void listLayers(Context ctx) {
        QueryParameters.requireKnown(ctx, Set.of());
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode list = body.putArray("layers");
        for (LayerInfo layer : store.layers()) {
            ObjectNode o = (ObjectNode) StoreJson.MAPPER.valueToTree(layer);
            o.put("features", store.count(layer.id(), Filter.ALL));
            list.add(o);
        }
        Responses.json(ctx, body);
    }

    private void createLayer(Context ctx) {
        QueryParameters.requireKnown(ctx, Set.of());
        Principal admin = Access.caller(ctx);
        JsonNode body = RequestBodies.jsonObject(ctx, MediaTypes.JSON);
        if (body.isObject() && !body.has("published")) ((ObjectNode) body).put("published", false);
        LayerInfo layer;
        try {
            layer = StoreJson.MAPPER.readerFor(LayerInfo.class)
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(body);
        } catch (IOException | IllegalArgumentException e) {
            throw ApiProblem.badRequest("not a layer definition: " + rootMessage(e));
        }
        if (layer == null) throw ApiProblem.badRequest("send a layer definition as a JSON object");
        requireUniqueTitle(layer.title(), layer.id());
        store.createLayer(layer);
        // A layer with land cover and area is a sink layer: it keeps the estimate properties, made here.
        sinks.upgradeLayer(layer);
        layer = store.layer(layer.id()).orElseThrow();
        audit(admin, "layer.create", layer.id(), layer.published() ? "published" : "draft");
        ctx.status(201);
        ctx.header("Location", urls.base(ctx) + "/collections/" + layer.id());
        Responses.json(ctx, StoreJson.MAPPER.valueToTree(layer));
    }

    private void patchLayer(Context ctx) {
        QueryParameters.requireKnown(ctx, Set.of());
        Principal admin = Access.caller(ctx);
        LayerInfo before = store.layer(ctx.pathParam("layerId"))
                .orElseThrow(() -> ApiProblem.notFound("no layer '" + ctx.pathParam("layerId") + "'; see /admin/layers"));
        JsonNode patch = RequestBodies.jsonObject(ctx, MediaTypes.MERGE_PATCH_JSON, MediaTypes.JSON);
        RequestBodies.requireOnly(patch, Set.of("published", "title", "description", "attribution", "keywords"));
        LayerInfo after = new LayerInfo(before.id(),
                patch.has("title") ? localized(patch.get("title"), "title") : before.title(),
                patch.has("description") ? localized(patch.get("description"), "description") : before.description(),
                before.geometryKind(), before.properties(), before.temporalProperty(),
                patch.has("published") ? bool(patch.get("published")) : before.published(),
                patch.has("attribution") ? patch.get("attribution").asText() : before.attribution(),
                patch.has("keywords") ? strings(patch.get("keywords")) : before.keywords());
        requireUniqueTitle(after.title(), after.id());
        store.updateLayer(after);
        List<String> changed = new ArrayList<>();
        patch.fieldNames().forEachRemaining(changed::add);
        audit(admin, "layer.update", after.id(), String.join(", ", changed)
                + (before.published() != after.published() ? (after.published() ? " (published)" : " (withdrawn)") : ""));
        Responses.json(ctx, StoreJson.MAPPER.valueToTree(after));
    }

    /** Layers are listed by title in QGIS, ArcGIS Pro and the map, so no two may share one, in either language. */
    private void requireUniqueTitle(Localized title, String layerId) {
        for (LayerInfo other : store.layers()) {
            if (other.id().equals(layerId)) continue;
            if (other.title().zh().equals(title.zh()) || other.title().en().equals(title.en())) {
                throw ApiProblem.conflict("the title '" + title.both() + "' is already"
                        + " used by layer '" + other.id() + "' ('" + other.title().both() + "'); give each layer its own title");
            }
        }
    }

    private static Localized localized(JsonNode node, String field) {
        if (!node.isObject() || !node.path("zh").isTextual() || !node.path("en").isTextual()) {
            throw ApiProblem.badRequest(field + " must be {\"zh\": \"...\", \"en\": \"...\"}");
        }
        return Localized.of(node.get("zh").asText(), node.get("en").asText());
    }

    private static boolean bool(JsonNode node) {
        if (!node.isBoolean()) throw ApiProblem.badRequest("published must be true or false");
        return node.asBoolean();
    }

    private static List<String> strings(JsonNode node) {
        if (!node.isArray()) throw ApiProblem.badRequest("keywords must be a list of strings");
        List<String> out = new ArrayList<>();
        node.forEach(x -> out.add(x.asText()));
        return out;
    }

    // ------------------------------------------------------------------------------------------------
    // Audit

    private void audit(Principal who, String action, String target, String detail) {
        AuditLog.append(store, who, action, target, detail);
    }

    private void audit(Context ctx) {
        QueryParameters.requireKnown(ctx, Set.of("limit", "offset"));
        Long limitParam = QueryParameters.integer(ctx, "limit", 1);
        long limit = limitParam == null ? 100 : Math.min(limitParam, 10_000);
        Long offsetParam = QueryParameters.integer(ctx, "offset", 0);
        long offset = offsetParam == null ? 0 : offsetParam;
        List<ServiceRecord> all = new ArrayList<>(store.records(AuditLog.RECORDS));
        Collections.reverse(all);
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("numberMatched", all.size());
        ArrayNode entries = body.putArray("entries");
        for (long i = offset; i < Math.min(all.size(), offset + limit); i++) {
            ServiceRecord r = all.get((int) i);
            ObjectNode e = entries.addObject();
            e.put("id", r.id());
            e.put("at", StoreJson.formatInstant(r.at()));
            e.put("by", r.author());
            r.body().forEach((k, v) -> e.set(k, Json.MAPPER.valueToTree(v)));
        }
        Responses.json(ctx, body);
    }

    // ------------------------------------------------------------------------------------------------

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t instanceof JsonProcessingException j ? j.getOriginalMessage() : t.getMessage();
        return m == null ? t.toString() : m;
    }
}
