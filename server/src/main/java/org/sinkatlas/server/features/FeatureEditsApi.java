package org.sinkatlas.server.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Geometry;
import org.sinkatlas.layers.crs.CrsDefinition;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.fault.FaultKind;
import org.sinkatlas.layers.format.GeoJsonFeatureReader;
import org.sinkatlas.layers.model.Feature;
import org.sinkatlas.layers.model.FeatureDraft;
import org.sinkatlas.layers.model.FeatureVersion;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.PropertyDef;
import org.sinkatlas.layers.model.SinkFields;
import org.sinkatlas.layers.store.FeatureWriter;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.StoreJson;
import org.sinkatlas.server.auth.Access;
import org.sinkatlas.server.auth.AuditLog;
import org.sinkatlas.server.auth.Principal;
import org.sinkatlas.server.http.ApiParameter;
import org.sinkatlas.server.http.ApiProblem;
import org.sinkatlas.server.http.ApiRoute;
import org.sinkatlas.server.http.Json;
import org.sinkatlas.server.http.Link;
import org.sinkatlas.server.http.MediaTypes;
import org.sinkatlas.server.http.QueryParameters;
import org.sinkatlas.server.http.RequestBodies;
import org.sinkatlas.server.http.Responses;
import org.sinkatlas.server.http.Role;
import org.sinkatlas.server.http.Urls;
import org.sinkatlas.sink.layers.SinkUpkeep;

/**
 * OGC API - Features Part 4 (create, replace, update, delete) and the history of every feature. A write is
 * checked, versioned (the ETag is the version; PUT and PATCH must send it as {@code If-Match}, else 428, and a
 * stale one is 412), kept in history
 * with its author, re-estimated when the layer keeps sink estimates, noted in the audit log, and purges
 * its tiles (the tile cache listens to the store) in one transaction. Only officers assigned to the layer
 * and admins may write; {@code OPTIONS} tells each caller what it may do, as QGIS asks before editing.
 */
public final class FeatureEditsApi implements ApiExtension {

    /** The most vertices one geometry may have. */
    public static final int MAX_VERTICES = 250_000;
    /** The most features one request may create. */
    public static final int MAX_FEATURES = 1_000;

    static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete",
            "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/update",
            "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/features");

    private final LayerStore store;
    private final CrsService crs;
    private final Urls urls;
    private final Access access;
    private final SinkUpkeep sinks;
    private final Clock clock;

    /** @param clock dates the land-use change an edit records (the zone's time) */
    public FeatureEditsApi(LayerStore store, CrsService crs, Urls urls, Access access, SinkUpkeep sinks, Clock clock) {
        this.store = store;
        this.crs = crs;
        this.urls = urls;
        this.access = access;
        this.sinks = sinks;
        this.clock = clock;
    }

    public List<ApiRoute> routes() {
        JsonNodeFactory n = JsonNodeFactory.instance;
        ApiParameter collectionId = ApiParameter.path("collectionId", "Collection id.", n.objectNode().put("type", "string"));
        ApiParameter featureId = ApiParameter.path("featureId", "Feature id.", n.objectNode().put("type", "integer"));
        ApiParameter version = ApiParameter.path("version", "Version number.", n.objectNode().put("type", "integer"));
        ApiParameter ifMatch = ApiParameter.header("If-Match", "The ETag of the version you read (GET answers it), or *"
                + " to change whatever version is current. Required: without it the answer is 428 with the current ETag.",
                true, n.objectNode().put("type", "string"));
        ApiParameter ifMatchOptional = ApiParameter.header("If-Match", "The ETag of the version you read: a later"
                + " version makes the answer 412.", false, n.objectNode().put("type", "string"));
        List<String> geo = List.of(MediaTypes.GEOJSON);
        String items = "/collections/{collectionId}/items";
        String item = items + "/{featureId}";
        return List.of(
                new ApiRoute(HandlerType.POST, items, "createFeature", "Add a feature (or a FeatureCollection of up to "
                        + MAX_FEATURES + ") · 新增要素", "Data", List.of(collectionId), geo, true, MediaTypes.GEOJSON, 201,
                        this::create).requiring(Role.OFFICER),
                new ApiRoute(HandlerType.PUT, item, "replaceFeature", "Replace a feature (If-Match: its ETag) · 替换要素",
                        "Data", List.of(collectionId, featureId, ifMatch), geo, true, MediaTypes.GEOJSON, 200, this::replace)
                        .requiring(Role.OFFICER),
                new ApiRoute(HandlerType.PATCH, item, "updateFeature", "Change part of a feature (JSON merge patch) ·"
                        + " 修改要素", "Data", List.of(collectionId, featureId, ifMatch), geo, true, MediaTypes.MERGE_PATCH_JSON, 200,
                        this::patch).requiring(Role.OFFICER),
                new ApiRoute(HandlerType.DELETE, item, "deleteFeature", "Delete a feature (its history stays) · 删除要素",
                        "Data", List.of(collectionId, featureId, ifMatchOptional), List.of(), true, null, 204, this::delete)
                        .requiring(Role.OFFICER),
                new ApiRoute(HandlerType.OPTIONS, items, "optionsFeatures", "What the caller may do with the features ·"
                        + " 可用操作", "Data", List.of(collectionId), List.of(), true, null, 204, ctx -> options(ctx, false)),
                new ApiRoute(HandlerType.OPTIONS, item, "optionsFeature", "What the caller may do with a feature · 可用操作",
                        "Data", List.of(collectionId, featureId), List.of(), true, null, 204, ctx -> options(ctx, true)),
                new ApiRoute(item + "/history", "getFeatureHistory", "Every version of a feature, with who and when ·"
                        + " 要素历史", "Data", List.of(collectionId, featureId), List.of(MediaTypes.JSON), true,
                        this::history).requiring(Role.OFFICER),
                new ApiRoute(item + "/history/{version}", "getFeatureVersion", "One version of a feature · 要素的某一版本",
                        "Data", List.of(collectionId, featureId, version), geo, true, this::version).requiring(Role.OFFICER),
                new ApiRoute(HandlerType.POST, item + "/history/{version}/restore", "restoreFeatureVersion",
                        "Make an earlier version current again (as a new version) · 恢复旧版本", "Data",
                        List.of(collectionId, featureId, version), geo, true, null, 200, this::restore)
                        .requiring(Role.OFFICER));
    }

    @Override
    public List<String> conformanceClasses() {
        return CONFORMANCE;
    }

    @Override
    public List<Link> landingLinks(String base) {
        return List.of();
    }

    @Override
    public List<Link> collectionLinks(String base, LayerInfo layer) {
        return List.of();
    }

    // ------------------------------------------------------------------------------------------------
    // Writes

    /** What every write request names: the layer the caller may write, the caller, and the CRS of its body. */
    private record Edit(LayerInfo layer, Principal who, CrsDefinition bodyCrs) {}

    /** A write to one feature: also its id and the version {@code If-Match} expects. */
    private record FeatureEdit(LayerInfo layer, long id, long expected, Principal who, CrsDefinition bodyCrs) {}

    private Edit edit(Context ctx) {
        QueryParameters.requireKnown(ctx, Set.of());
        return new Edit(access.writableLayer(ctx, ctx.pathParam("collectionId")), Access.caller(ctx), contentCrs(ctx));
    }

    /**
     * @param ifMatchRequired whether the write must say which version it changes (PUT, PATCH): without
     *                        {@code If-Match} it is refused with 428 and the current ETag
     */
    private FeatureEdit featureEdit(Context ctx, boolean ifMatchRequired) {
        Edit e = edit(ctx);
        long id = featureId(ctx, e.layer());
        long expected = ifMatch(ctx);
        if (expected == IF_MATCH_ABSENT) {
            if (ifMatchRequired && !sendsNoIfMatch(ctx)) throw preconditionRequired(e.layer(), id);
            expected = FeatureWriter.ANY_VERSION;
        }
        return new FeatureEdit(e.layer(), id, expected, e.who(), e.bodyCrs());
    }

    /**
     * QGIS (3.x) saves edits with PUT and no {@code If-Match}: its saves stay unconditional, the last one wins,
     * and the history keeps every version they overwrite.
     */
    private static boolean sendsNoIfMatch(Context ctx) {
        String agent = ctx.header("User-Agent");
        return agent != null && agent.contains("QGIS/");
    }

    private ApiProblem preconditionRequired(LayerInfo layer, long id) {
        Feature current = store.feature(layer.id(), id).orElseThrow(() -> ApiProblem.notFound(
                "no feature " + id + " in collection '" + layer.id() + "'"));
        return new ApiProblem(428, "PreconditionRequired", "If-Match required · 需要 If-Match 版本标记", "say which version"
                + " of feature " + id + " you are changing: send If-Match with the ETag you read (the current one is "
                + etag(current) + "), or If-Match: * to overwrite whatever version is current")
                .withMember("etag", etag(current)).withHeader("ETag", etag(current));
    }

    private void create(Context ctx) {
        Edit e = edit(ctx);
        LayerInfo layer = e.layer();
        Principal who = e.who();
        CrsDefinition bodyCrs = e.bodyCrs();
        JsonNode body = RequestBodies.jsonObject(ctx, MediaTypes.GEOJSON, MediaTypes.JSON);
        List<GeoJsonFeatureReader.ReadFeature> read;
        try {
            read = new GeoJsonFeatureReader().readAll(body);
        } catch (IOException bad) {
            throw ApiProblem.badRequest("the body is not a GeoJSON Feature or FeatureCollection: " + bad.getMessage());
        }
        if (read.isEmpty()) throw ApiProblem.badRequest("the FeatureCollection has no features");
        if (read.size() > MAX_FEATURES) {
            throw ApiProblem.tooLarge(read.size()
                    + " features in one request; at most " + MAX_FEATURES);
        }
        List<FeatureDraft> drafts = new ArrayList<>();
        for (int i = 0; i < read.size(); i++) {
            String which = read.size() == 1 ? "the feature" : "feature #" + i;
            drafts.add(draft(layer, read.get(i).geometry(), read.get(i).properties(), bodyCrs, which));
        }
        List<Feature> made = store.write(who.name(), w -> {
            List<Feature> out = new ArrayList<>();
            for (FeatureDraft d : drafts) out.add(written(w, layer, who, "feature.create", w.insert(layer.id(), d)));
            return out;
        });
        ctx.status(201);
        if (made.size() == 1) {
            sendFeature(ctx, layer, made.get(0));
            return;
        }
        ObjectNode out = Json.MAPPER.createObjectNode();
        ArrayNode ids = out.putArray("created");
        for (Feature f : made) ids.addObject().put("id", f.id()).put("version", f.version()).put("href", itemUrl(ctx, layer, f.id()));
        Responses.json(ctx, out);
    }

    private void replace(Context ctx) {
        FeatureEdit e = featureEdit(ctx, true);
        LayerInfo layer = e.layer();
        JsonNode body = RequestBodies.jsonObject(ctx, MediaTypes.GEOJSON, MediaTypes.JSON);
        GeoJsonFeatureReader.ReadFeature rf;
        try {
            if (!"Feature".equals(body.path("type").asText())) throw new IOException("PUT takes one GeoJSON Feature");
            rf = new GeoJsonFeatureReader().read(body);
        } catch (IOException bad) {
            throw ApiProblem.badRequest("the body is not a GeoJSON Feature: " + bad.getMessage());
        }
        FeatureDraft d = draft(layer, rf.geometry(), rf.properties(), e.bodyCrs(), "the feature");
        Feature f = store.write(e.who().name(), w -> written(w, layer, e.who(), "feature.replace",
                w.replace(layer.id(), e.id(), withLandUse(layer, e.id(), d), e.expected())));
        sendFeature(ctx, layer, f);
    }

    /** JSON merge patch (RFC 7396) of {@code {"geometry": ..., "properties": {...}}}: a null removes a property. */
    private void patch(Context ctx) {
        FeatureEdit e = featureEdit(ctx, true);
        LayerInfo layer = e.layer();
        long id = e.id();
        JsonNode patch = RequestBodies.jsonObject(ctx, MediaTypes.MERGE_PATCH_JSON, MediaTypes.JSON, MediaTypes.GEOJSON);
        for (Iterator<String> it = patch.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!Set.of("type", "id", "geometry", "properties", "links").contains(field)) {
                throw ApiProblem.badRequest("a patch changes geometry and properties, not '" + field + "'");
            }
        }
        JsonNode props = patch.get("properties");
        if (props != null && !props.isObject() && !props.isNull()) throw ApiProblem.badRequest("properties must be an object");
        Geometry newGeometry = null;
        if (patch.has("geometry")) {
            try {
                newGeometry = new GeoJsonFeatureReader().geometry(patch.get("geometry"));
            } catch (IOException bad) {
                throw ApiProblem.badRequest("geometry: " + bad.getMessage());
            }
            if (newGeometry == null) throw ApiProblem.badRequest("a feature of a layer keeps a geometry; it cannot be null");
        }
        Geometry geometryInBody = newGeometry;
        Feature f = store.write(e.who().name(), w -> {
            Feature current = store.feature(layer.id(), id).orElseThrow(() -> ApiProblem.notFound(
                    "no feature " + id + " in collection '" + layer.id() + "'"));
            Map<String, Object> merged = new LinkedHashMap<>();
            current.properties().forEach((k, v) -> merged.put(k, StoreJson.jsonValue(v)));
            if (props != null && props.isObject()) {
                props.fields().forEachRemaining(p -> {
                    if (p.getValue().isNull()) merged.remove(p.getKey());
                    else merged.put(p.getKey(), Json.MAPPER.convertValue(p.getValue(), Object.class));
                });
            }
            FeatureDraft d = sinks.recordLandUseChange(layer, current, geometryInBody == null
                    ? draft(layer, current.geometry(), merged, CrsService.CRS84, "the feature")
                    : draft(layer, geometryInBody, merged, e.bodyCrs(), "the feature"), LocalDate.now(clock));
            // With If-Match: * the patch applies to the version just read: a write in between is a 412, not lost.
            long basis = e.expected() == FeatureWriter.ANY_VERSION ? current.version() : e.expected();
            // A patch that changes nothing makes no new version (and a stale If-Match is still a 412).
            if (basis == current.version() && unchanged(layer, current, store.rules().prepare(layer, d))) return current;
            return written(w, layer, e.who(), "feature.update", w.replace(layer.id(), id, d, basis));
        });
        sendFeature(ctx, layer, f);
    }

    private void delete(Context ctx) {
        FeatureEdit e = featureEdit(ctx, false);
        store.write(e.who().name(), w -> {
            w.delete(e.layer().id(), e.id(), e.expected());
            audit(w, e.who(), "feature.delete", e.layer(), e.id(), -1);
            return null;
        });
        ctx.status(204);
    }

    private void restore(Context ctx) {
        FeatureEdit e = featureEdit(ctx, false);
        LayerInfo layer = e.layer();
        long id = e.id();
        FeatureVersion old = versionOf(layer, id, ctx.pathParam("version"));
        if (old.state() == null) throw ApiProblem.badRequest("version " + old.version() + " is the deletion; restore one before it");
        if (store.feature(layer.id(), id).isEmpty()) {
            throw ApiProblem.conflict("feature " + id + " was deleted; create it again"
                    + " from this version with POST " + "/collections/" + layer.id() + "/items (see its history)");
        }
        FeatureDraft d = new FeatureDraft(old.state().geometry(), withoutDerived(layer, old.state().properties()));
        Feature f = store.write(e.who().name(), w -> written(w, layer, e.who(), "feature.restore",
                w.replace(layer.id(), id, withLandUse(layer, id, d), e.expected())));
        sendFeature(ctx, layer, f);
    }

    /** The draft with the land-use history its change of land cover implies (read against the current version). */
    private FeatureDraft withLandUse(LayerInfo layer, long id, FeatureDraft d) {
        return sinks.recordLandUseChange(layer, store.feature(layer.id(), id).orElse(null), d, LocalDate.now(clock));
    }

    /** Re-estimates and audits a feature just written, in the same transaction. */
    private Feature written(FeatureWriter w, LayerInfo layer, Principal who, String action, Feature f) {
        sinks.estimateWritten(w, layer, f);
        audit(w, who, action, layer, f.id(), f.version());
        return f;
    }

    private static void audit(FeatureWriter w, Principal who, String action, LayerInfo layer, long id, long version) {
        AuditLog.append(w, who, action, layer.id() + "/" + id, version > 0 ? "version " + version : "");
    }

    /**
     * A checked draft in the storage CRS: the geometry from the body's CRS, within the CRS's range and the vertex
     * limit; the properties without the derived sink estimate (recomputed by the service, so a client that sends
     * back what it read does not overwrite it).
     */
    private FeatureDraft draft(LayerInfo layer, Geometry g, Map<String, ?> properties, CrsDefinition bodyCrs, String which) {
        if (g == null) throw ApiProblem.badRequest(which + " has no geometry");
        if (g.getNumPoints() > MAX_VERTICES) {
            throw ApiProblem.tooLarge(which + " has " + g.getNumPoints()
                    + " vertices; at most " + MAX_VERTICES + " are accepted (split it, or simplify it)");
        }
        Geometry stored = crs.toStorage(g, bodyCrs);
        String outside = crs.outsideAreaOfUse(g, stored, bodyCrs);
        if (outside != null) throw ApiProblem.badRequest(which + ": " + outside);
        return new FeatureDraft(stored, withoutDerived(layer, properties));
    }

    private static Map<String, Object> withoutDerived(LayerInfo layer, Map<String, ?> properties) {
        Map<String, Object> own = new LinkedHashMap<>();
        if (properties == null) return own;
        Set<String> derived = derived(layer);
        properties.forEach((k, v) -> {
            if (!derived.contains(k)) own.put(k, v);
        });
        return own;
    }

    /** The properties the service computes for a layer's features (the stored sink estimate). */
    private static Set<String> derived(LayerInfo layer) {
        if (!SinkFields.isSinkLayer(layer)) return Set.of();
        return SinkFields.definitions().stream().map(PropertyDef::name).collect(Collectors.toSet());
    }

    /** Whether a prepared draft holds what the feature holds now (its geometry and its own properties). */
    private static boolean unchanged(LayerInfo layer, Feature current, FeatureDraft prepared) {
        if (!prepared.geometry().equalsExact(current.geometry())) return false;
        Set<String> derived = derived(layer);
        for (Map.Entry<String, ?> p : prepared.properties().entrySet()) {
            if (!derived.contains(p.getKey()) && !Objects.equals(p.getValue(), current.property(p.getKey()))) return false;
        }
        return true;
    }

    private CrsDefinition contentCrs(Context ctx) {
        String header = ctx.header("Content-Crs");
        if (header == null || header.isBlank()) return CrsService.CRS84;
        String uri = header.strip().replaceAll("^<|>$", "");
        try {
            return crs.require(uri);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("Content-Crs: " + e.getMessage());
        }
    }

    /** What {@link #ifMatch} answers when the request has no {@code If-Match}. */
    private static final long IF_MATCH_ABSENT = Long.MIN_VALUE;

    /**
     * The version an {@code If-Match} header expects: any version for {@code *} (the write is still versioned
     * and kept in history, so nothing is lost), {@link #IF_MATCH_ABSENT} when there is none.
     */
    private static long ifMatch(Context ctx) {
        String h = ctx.header("If-Match");
        if (h == null || h.isBlank()) return IF_MATCH_ABSENT;
        if (h.strip().equals("*")) return FeatureWriter.ANY_VERSION;
        String tag = h.strip();
        if (tag.contains(",")) throw ApiProblem.badRequest("If-Match takes the one ETag of the version you read");
        if (tag.startsWith("W/")) tag = tag.substring(2);
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            // Not an ETag this service gives: it cannot be the current one.
            throw ApiProblem.of(FaultKind.STALE_VERSION, "If-Match " + h
                    + " is not an ETag of this feature; read it again (GET) for its ETag");
        }
    }

    private static long featureId(Context ctx, LayerInfo layer) {
        try {
            return Long.parseLong(ctx.pathParam("featureId"));
        } catch (NumberFormatException e) {
            throw ApiProblem.notFound("no feature '" + ctx.pathParam("featureId") + "' in collection '" + layer.id() + "'");
        }
    }

    private void sendFeature(Context ctx, LayerInfo layer, Feature f) {
        // Read back: the stored estimate was set in the transaction.
        Feature stored = store.feature(layer.id(), f.id()).orElse(f);
        String href = itemUrl(ctx, layer, stored.id());
        ctx.header("Location", href);
        ctx.header("ETag", etag(stored));
        ctx.contentType(MediaTypes.GEOJSON);
        new GeoJsonFeatureOutput(crs, CrsService.CRS84).send(ctx, stored, List.of(Link.of(href, "self", MediaTypes.GEOJSON,
                "This feature")));
    }

    /** The ETag of a feature's current version, as GET answers it and If-Match expects it. */
    public static String etag(Feature f) {
        return "\"" + f.version() + "\"";
    }

    private String itemUrl(Context ctx, LayerInfo layer, long id) {
        return urls.base(ctx) + "/collections/" + layer.id() + "/items/" + id;
    }


    // ------------------------------------------------------------------------------------------------
    // OPTIONS and history

    /** {@code Allow}: what this caller may do here (the public reads; writers of the layer also write). */
    private void options(Context ctx, boolean item) {
        LayerInfo layer = access.visibleLayer(ctx, ctx.pathParam("collectionId"));
        boolean writes = Access.caller(ctx).mayWrite(layer.id()) && !Access.caller(ctx).isAnonymous();
        String allow = item ? (writes ? "GET, HEAD, PUT, PATCH, DELETE, OPTIONS" : "GET, HEAD, OPTIONS")
                : (writes ? "GET, HEAD, POST, OPTIONS" : "GET, HEAD, OPTIONS");
        ctx.header("Allow", allow);
        if (item) {
            long id = featureId(ctx, layer);
            store.feature(layer.id(), id).orElseThrow(() -> ApiProblem.notFound("no feature " + id + " in collection '"
                    + layer.id() + "'"));
        }
        ctx.status(204);
    }

    private void history(Context ctx) {
        QueryParameters.requireKnown(ctx, Set.of());
        LayerInfo layer = access.visibleLayer(ctx, ctx.pathParam("collectionId"));
        long id = featureId(ctx, layer);
        List<FeatureVersion> versions = store.history(layer.id(), id);
        if (versions.isEmpty()) throw ApiProblem.notFound("no feature " + id + " in collection '" + layer.id() + "'");
        String href = itemUrl(ctx, layer, id);
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("collection", layer.id()).put("id", id);
        body.put("current", store.feature(layer.id(), id).map(Feature::version).orElse(-1L));
        ArrayNode list = body.putArray("versions");
        for (FeatureVersion v : versions) {
            ObjectNode o = list.addObject();
            o.put("version", v.version()).put("operation", v.operation().name().toLowerCase(java.util.Locale.ROOT))
                    .put("at", StoreJson.formatInstant(v.at())).put("author", v.author());
            if (v.state() != null) {
                o.set("properties", Json.MAPPER.valueToTree(jsonProperties(v.state())));
                o.put("href", href + "/history/" + v.version());
            }
        }
        Responses.json(ctx, body);
    }

    private void version(Context ctx) {
        QueryParameters.requireKnown(ctx, Set.of());
        LayerInfo layer = access.visibleLayer(ctx, ctx.pathParam("collectionId"));
        long id = featureId(ctx, layer);
        FeatureVersion v = versionOf(layer, id, ctx.pathParam("version"));
        if (v.state() == null) throw ApiProblem.notFound("version " + v.version() + " of feature " + id + " is its deletion");
        ctx.contentType(MediaTypes.GEOJSON);
        new GeoJsonFeatureOutput(crs, CrsService.CRS84).send(ctx, v.state(), List.of(Link.of(itemUrl(ctx, layer, id)
                + "/history", "version-history", MediaTypes.JSON, "Every version")));
    }

    private FeatureVersion versionOf(LayerInfo layer, long id, String versionText) {
        long version;
        try {
            version = Long.parseLong(versionText);
        } catch (NumberFormatException e) {
            throw ApiProblem.notFound("no version '" + versionText + "'");
        }
        return store.history(layer.id(), id).stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("feature " + id + " of '" + layer.id() + "' has no version " + version));
    }

    private static Map<String, Object> jsonProperties(Feature f) {
        Map<String, Object> m = new LinkedHashMap<>();
        f.properties().forEach((k, v) -> m.put(k, StoreJson.jsonValue(v)));
        return m;
    }
}
