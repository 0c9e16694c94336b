package org.sinkatlas.server.features;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sinkatlas.layers.crs.CrsDefinition;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.filter.Cql2Binder;
import org.sinkatlas.layers.filter.Cql2Encoding;
import org.sinkatlas.layers.model.Feature;
import org.sinkatlas.layers.model.GeometryKind;
import org.sinkatlas.layers.model.LayerExtent;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.Localized;
import org.sinkatlas.layers.model.PropertyDef;
import org.sinkatlas.layers.model.PropertyType;
import org.sinkatlas.layers.store.FeatureQuery;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.StoreCursor;
import org.sinkatlas.layers.store.StoreJson;
import org.sinkatlas.server.auth.Access;
import org.sinkatlas.server.html.HtmlPages;
import org.sinkatlas.server.http.ApiParameter;
import org.sinkatlas.server.http.ApiProblem;
import org.sinkatlas.server.http.ApiRoute;
import org.sinkatlas.server.http.Format;
import org.sinkatlas.server.http.Json;
import org.sinkatlas.server.http.Lang;
import org.sinkatlas.server.http.Link;
import org.sinkatlas.server.http.MediaTypes;
import org.sinkatlas.server.http.QueryParameters;
import org.sinkatlas.server.http.Responses;
import org.sinkatlas.server.http.ServiceInfo;
import org.sinkatlas.server.http.Urls;

/**
 * OGC API - Features Part 1 (Core), Part 2 (CRS by reference) and Part 3 (Filtering, with CQL2): landing
 * page, conformance, collections, queryables, items and single items, as GeoJSON and HTML. Items are
 * streamed from the store straight into the response, so a page of 100,000 features never sits in memory.
 */
public final class FeaturesApi {

    static final String TRS_GREGORIAN = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian";
    static final String REL_CONFORMANCE = "http://www.opengis.net/def/rel/ogc/1.0/conformance";
    static final String REL_DATA = "http://www.opengis.net/def/rel/ogc/1.0/data";
    static final String REL_QUERYABLES = "http://www.opengis.net/def/rel/ogc/1.0/queryables";
    static final String JSON_SCHEMA = "https://json-schema.org/draft/2020-12/schema";


    private final LayerStore store;
    private final CrsService crs;
    private final Urls urls;
    private final Access access;
    private final List<ApiExtension> extensions = new ArrayList<>();
    private Handler browserHome;
    private final FeatureDownloads downloads;

    public FeaturesApi(LayerStore store, CrsService crs, Urls urls, Access access) {
        this.store = store;
        this.crs = crs;
        this.urls = urls;
        this.access = access;
        this.downloads = new FeatureDownloads(store, crs);
    }

    // ------------------------------------------------------------------------------------------------
    // Routes

    public List<ApiRoute> routes() {
        JsonNodeFactory n = JsonNodeFactory.instance;
        ApiParameter f = ApiParameter.query("f", "Response format: json or html (default: by the Accept header).",
                n.objectNode().put("type", "string").set("enum", n.arrayNode().add("json").add("html")));
        ArrayNode itemFormats = n.arrayNode().add("json").add("html");
        FeatureDownloads.keys().forEach(itemFormats::add);
        ApiParameter itemsF = ApiParameter.query("f", "Response format: json (GeoJSON) or html, or a download of every"
                + " matching feature (all of them unless limit is given) as gpkg (GeoPackage), shp (zipped shapefile) or"
                + " csv (WKT geometry).", n.objectNode().put("type", "string").set("enum", itemFormats));
        List<String> itemTypes = new ArrayList<>(List.of(MediaTypes.GEOJSON, MediaTypes.HTML));
        itemTypes.addAll(FeatureDownloads.mediaTypes());
        ApiParameter collectionId = ApiParameter.path("collectionId", "Collection id.", n.objectNode().put("type", "string"));
        ApiParameter featureId = ApiParameter.path("featureId", "Feature id.", n.objectNode().put("type", "integer"));
        ArrayNode crsUris = n.arrayNode();
        crs.supported().forEach(c -> crsUris.add(c.uri()));
        ApiParameter crsParam = ApiParameter.query("crs", "CRS of the response geometries (OGC URI; default CRS84).",
                n.objectNode().put("type", "string").put("format", "uri").set("enum", crsUris));
        ApiParameter bboxCrs = ApiParameter.query("bbox-crs", "CRS of bbox (OGC URI; default CRS84), in its axis order.",
                n.objectNode().put("type", "string").put("format", "uri").set("enum", crsUris.deepCopy()));
        ObjectNode limitSchema = n.objectNode().put("type", "integer").put("minimum", 1)
                .put("maximum", ItemsRequest.MAX_LIMIT).put("default", ItemsRequest.DEFAULT_LIMIT);
        ApiParameter limit = ApiParameter.query("limit", "Most features in one page; above the maximum it is clamped.",
                limitSchema).formStyle();
        ApiParameter offset = ApiParameter.query("offset", "Features to skip (the next and prev links carry it).",
                n.objectNode().put("type", "integer").put("minimum", 0).put("default", 0));
        ObjectNode bboxSchema = n.objectNode().put("type", "array").put("minItems", 4).put("maxItems", 6);
        bboxSchema.putObject("items").put("type", "number");
        ApiParameter bbox = ApiParameter.query("bbox", "Features that intersect this box: minx,miny,maxx,maxy in the"
                + " axis order of bbox-crs; a west edge east of the east edge crosses the antimeridian.", bboxSchema)
                .formStyle();
        ObjectNode propertiesSchema = n.objectNode().put("type", "array");
        propertiesSchema.putObject("items").put("type", "string");
        ApiParameter properties = ApiParameter.query("properties", "Only these properties in each feature (comma-separated"
                + " names; empty for none), for lighter pages; not with a download format.", propertiesSchema).formStyle();
        ApiParameter datetime = ApiParameter.query("datetime", "Instant or interval (RFC 3339, '..' for open ends),"
                + " matched against the collection's temporal property.", n.objectNode().put("type", "string")).formStyle();
        ApiParameter id = ApiParameter.query(Cql2Binder.ID, "The feature with this id (the queryable id).",
                n.objectNode().put("type", "integer").put("minimum", 0));
        ApiParameter filter = ApiParameter.query("filter", "A CQL2 filter on the collection's queryables (see"
                + " /collections/{collectionId}/queryables), e.g. landcover = '0301' AND S_INTERSECTS(geometry,"
                + " BBOX(120.88, 31.0, 120.92, 31.04)). Combined with the other filters by AND.",
                n.objectNode().put("type", "string"));
        ApiParameter filterLang = ApiParameter.query("filter-lang", "The encoding of filter: cql2-text (default) or"
                + " cql2-json. cql-text, the name in the drafts that GDAL before 3.7 sends, is read as cql2-text.",
                n.objectNode().put("type", "string").put("default", Cql2Encoding.TEXT.filterLang()).set("enum",
                        n.arrayNode().add(Cql2Encoding.TEXT.filterLang()).add(Cql2Encoding.JSON.filterLang())
                                .add(Cql2Encoding.DRAFT_TEXT_NAME)));
        ApiParameter filterCrs = ApiParameter.query("filter-crs", "CRS of the geometry literals in filter (OGC URI;"
                + " default CRS84), in its axis order.",
                n.objectNode().put("type", "string").put("format", "uri").set("enum", crsUris.deepCopy()));
        return List.of(
                new ApiRoute("/", "getLandingPage", "Landing page · 服务首页", "Capabilities", List.of(f),
                        List.of(MediaTypes.JSON, MediaTypes.HTML), false, this::landing),
                new ApiRoute("/conformance", "getConformance", "Conformance classes implemented · 符合的标准类",
                        "Capabilities", List.of(f), List.of(MediaTypes.JSON, MediaTypes.HTML), false, this::conformance),
                new ApiRoute("/collections", "getCollections", "Collections (layers) · 数据集合（图层）", "Data",
                        List.of(f), List.of(MediaTypes.JSON, MediaTypes.HTML), false, this::collections),
                new ApiRoute("/collections/{collectionId}", "describeCollection", "A collection · 单个集合", "Data",
                        List.of(collectionId, f), List.of(MediaTypes.JSON, MediaTypes.HTML), true, this::collection),
                new ApiRoute("/collections/{collectionId}/items", "getFeatures", "Features of a collection · 集合中的要素",
                        "Data", List.of(collectionId, itemsF, limit, offset, bbox, bboxCrs, datetime, properties, id, filter, filterLang,
                                filterCrs, crsParam),
                        itemTypes, true, this::items),
                new ApiRoute("/collections/{collectionId}/queryables", "getQueryables",
                        "Queryables: what a filter may name · 可用于筛选的属性", "Data", List.of(collectionId, f),
                        List.of(MediaTypes.SCHEMA_JSON), true, this::queryables),
                new ApiRoute("/collections/{collectionId}/items/{featureId}", "getFeature", "One feature · 单个要素",
                        "Data", List.of(collectionId, featureId, f, crsParam),
                        List.of(MediaTypes.GEOJSON, MediaTypes.HTML), true, this::item));
    }

    /** What a browser gets at {@code /} when it does not ask for {@code f=html}: the web map. */
    public void browserHome(Handler page) {
        this.browserHome = page;
    }

    /** Adds a part of the service to the landing page, the collections and the conformance classes. */
    public void extend(ApiExtension extension) {
        extensions.add(extension);
    }

    /** Every conformance class the service declares: Features' own, then its extensions'. */
    public List<String> conformanceClasses() {
        List<String> all = new ArrayList<>(Conformance.CLASSES);
        for (ApiExtension e : extensions) all.addAll(e.conformanceClasses());
        return all;
    }

    /** The layers anonymous users may see (the public API definition lists these). */
    public List<LayerInfo> publishedLayers() {
        return store.layers().stream().filter(LayerInfo::published).toList();
    }

    // ------------------------------------------------------------------------------------------------
    // Landing page and conformance

    private void landing(Context ctx) throws Exception {
        Format format = Format.of(ctx);
        if (format == Format.HTML && ctx.queryParam("f") == null && browserHome != null) {
            browserHome.handle(ctx);
            return;
        }
        QueryParameters.requireKnown(ctx, Set.of("f"));
        String lang = Lang.of(ctx);
        String base = urls.base(ctx);
        List<Link> links = new ArrayList<>(List.of(
                Link.of(base + "/?f=json", format == Format.JSON ? "self" : "alternate", MediaTypes.JSON, "This document as JSON"),
                Link.of(base + "/?f=html", format == Format.HTML ? "self" : "alternate", MediaTypes.HTML, "This document as HTML"),
                Link.of(base + "/api", "service-desc", MediaTypes.OPENAPI_JSON, "The API definition (OpenAPI 3.0)"),
                Link.of(base + "/api.html", "service-doc", MediaTypes.HTML, "The API documentation"),
                Link.of(base + "/conformance", "conformance", MediaTypes.JSON, "Conformance classes implemented"),
                Link.of(base + "/conformance", REL_CONFORMANCE, MediaTypes.JSON, "Conformance classes implemented"),
                Link.of(base + "/collections", "data", MediaTypes.JSON, "Collections"),
                Link.of(base + "/collections", REL_DATA, MediaTypes.JSON, "Collections")));
        for (ApiExtension e : extensions) links.addAll(e.landingLinks(base));
        if (format == Format.HTML) {
            sendHtml(ctx, FeaturePages.landing(base, access.visibleLayers(ctx)));
            return;
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("title", ServiceInfo.TITLE.in(lang));
        body.put("description", ServiceInfo.DESCRIPTION.in(lang));
        body.set("links", Json.MAPPER.valueToTree(links));
        sendJson(ctx, MediaTypes.JSON, body);
    }

    private void conformance(Context ctx) {
        QueryParameters.requireKnown(ctx, Set.of("f"));
        if (Format.of(ctx) == Format.HTML) {
            sendHtml(ctx, FeaturePages.conformance(urls.base(ctx), conformanceClasses()));
            return;
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode list = body.putArray("conformsTo");
        conformanceClasses().forEach(list::add);
        sendJson(ctx, MediaTypes.JSON, body);
    }

    // ------------------------------------------------------------------------------------------------
    // Collections

    private void collections(Context ctx) {
        QueryParameters.requireKnown(ctx, Set.of("f"));
        Format format = Format.of(ctx);
        String base = urls.base(ctx);
        List<LayerInfo> layers = access.visibleLayers(ctx);
        if (format == Format.HTML) {
            sendHtml(ctx, FeaturePages.collections(base, layers));
            return;
        }
        String lang = Lang.of(ctx);
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.set("links", Json.MAPPER.valueToTree(List.of(
                Link.of(base + "/collections?f=json", "self", MediaTypes.JSON, "Collections as JSON"),
                Link.of(base + "/collections?f=html", "alternate", MediaTypes.HTML, "Collections as HTML"))));
        ArrayNode crsList = body.putArray("crs");
        crs.supported().forEach(c -> crsList.add(c.uri()));
        ArrayNode list = body.putArray("collections");
        for (LayerInfo layer : layers) list.add(collectionJson(base, layer, lang, false));
        sendJson(ctx, MediaTypes.JSON, body);
    }

    private void collection(Context ctx) {
        LayerInfo layer = access.visibleLayer(ctx, ctx.pathParam("collectionId"));
        QueryParameters.requireKnown(ctx, Set.of("f"));
        String base = urls.base(ctx);
        if (Format.of(ctx) == Format.HTML) {
            sendHtml(ctx, FeaturePages.collection(base, layer, store.extent(layer.id()), crs.supported()));
            return;
        }
        sendJson(ctx, MediaTypes.JSON, collectionJson(base, layer, Lang.of(ctx), true));
    }

    private ObjectNode collectionJson(String base, LayerInfo layer, String lang, boolean self) {
        String href = base + "/collections/" + layer.id();
        ObjectNode c = Json.MAPPER.createObjectNode();
        c.put("id", layer.id());
        c.put("title", layer.title().in(lang));
        c.put("description", layer.description().in(lang));
        ArrayNode keywords = c.putArray("keywords");
        layer.keywords().forEach(keywords::add);
        c.put("attribution", layer.attribution());
        c.put("itemType", "feature");
        LayerExtent extent = store.extent(layer.id());
        ObjectNode ext = c.putObject("extent");
        if (extent.bbox() != null) {
            ObjectNode spatial = ext.putObject("spatial");
            ArrayNode box = spatial.putArray("bbox").addArray();
            box.add(extent.bbox().getMinX()).add(extent.bbox().getMinY()).add(extent.bbox().getMaxX())
                    .add(extent.bbox().getMaxY());
            spatial.put("crs", CrsService.CRS84_URI);
        }
        if (extent.begin() != null) {
            ObjectNode temporal = ext.putObject("temporal");
            temporal.putArray("interval").addArray().add(extent.begin().toString()).add(extent.end().toString());
            temporal.put("trs", TRS_GREGORIAN);
        }
        ArrayNode crsList = c.putArray("crs");
        crs.supported().forEach(x -> crsList.add(x.uri()));
        c.put("storageCrs", CrsService.CRS84_URI);
        List<Link> links = new ArrayList<>();
        links.add(Link.of(href + "?f=json", self ? "self" : "alternate", MediaTypes.JSON, "This collection as JSON"));
        links.add(Link.of(href + "?f=html", "alternate", MediaTypes.HTML, "This collection as HTML"));
        links.addAll(FeatureDownloads.links(href + "/items"));
        links.add(Link.of(href + "/items?f=json", "items", MediaTypes.GEOJSON, "Features as GeoJSON"));
        links.add(Link.of(href + "/items?f=html", "items", MediaTypes.HTML, "Features as HTML"));
        links.add(Link.of(href + "/queryables", REL_QUERYABLES, MediaTypes.SCHEMA_JSON, "Queryables (JSON Schema)"));
        for (ApiExtension e : extensions) links.addAll(e.collectionLinks(base, layer));
        c.set("links", Json.MAPPER.valueToTree(links));
        return c;
    }

    // ------------------------------------------------------------------------------------------------
    // Queryables (Part 3)

    /**
     * The queryables of a collection as a JSON Schema: the feature id, the geometry (spatial queryable,
     * {@code format: geometry-...}) and every property that a filter can compare by value.
     */
    private void queryables(Context ctx) {
        LayerInfo layer = access.visibleLayer(ctx, ctx.pathParam("collectionId"));
        QueryParameters.requireKnown(ctx, Set.of("f"));
        if (Format.of(ctx) == Format.HTML) {
            throw ApiProblem.notAcceptable("queryables are served as JSON Schema (application/schema+json) only");
        }
        String lang = Lang.of(ctx);
        ObjectNode schema = Json.MAPPER.createObjectNode();
        schema.put("$schema", JSON_SCHEMA);
        schema.put("$id", urls.base(ctx) + "/collections/" + layer.id() + "/queryables");
        schema.put("type", "object");
        schema.put("title", layer.title().in(lang));
        schema.put("description", layer.description().in(lang));
        ObjectNode props = schema.putObject("properties");
        props.putObject(Cql2Binder.ID).put("title", Localized.of("要素编号", "Feature id").in(lang))
                .put("type", "integer");
        props.putObject(Cql2Binder.GEOMETRY).put("title", Localized.of("几何", "Geometry").in(lang))
                .put("format", layer.geometryKind() == GeometryKind.GEOMETRY ? "geometry-any"
                        : "geometry-" + layer.geometryKind().geoJsonName().toLowerCase(java.util.Locale.ROOT));
        for (PropertyDef p : layer.properties()) {
            if (p.type() == PropertyType.JSON) continue;
            ObjectNode q = props.putObject(p.name());
            q.put("title", p.title().in(lang));
            q.setAll(PropertySchema.of(p));
        }
        schema.put("additionalProperties", false);
        sendJson(ctx, MediaTypes.SCHEMA_JSON, schema);
    }

    // ------------------------------------------------------------------------------------------------
    // Items

    private void items(Context ctx) {
        LayerInfo layer = access.visibleLayer(ctx, ctx.pathParam("collectionId"));
        Set<String> allowed = new LinkedHashSet<>(ItemsRequest.NAMES);
        allowed.addAll(layer.propertyNames());
        QueryParameters.requireKnown(ctx, allowed);
        ItemsRequest req = ItemsRequest.parse(ctx, layer, crs);
        var download = FeatureDownloads.requested(ctx);
        if (download.isPresent()) {
            downloads.send(ctx, layer, req, download.get());
            return;
        }
        String f = ctx.queryParam("f");
        if (f != null && !f.matches("(?i)json|geojson|html")) {
            throw ApiProblem.badRequest("f must be json, html, " + String.join(", ", FeatureDownloads.keys()) + ", not '" + f + "'");
        }
        Format format = Format.of(ctx);
        String base = urls.base(ctx);
        String itemsUrl = base + "/collections/" + layer.id() + "/items";
        long matched = store.count(layer.id(), req.filter());
        ctx.header("Content-Crs", "<" + req.crs().uri() + ">");
        if (format == Format.HTML) {
            long shown = Math.min(req.limit(), HtmlPages.MAX_ROWS);
            List<Feature> page = new ArrayList<>();
            try (StoreCursor<Feature> cursor = store.query(layer.id(), new FeatureQuery(req.filter(), req.offset(), shown,
                    req.properties()))) {
                cursor.forEachRemaining(page::add);
            }
            sendHtml(ctx, FeaturePages.items(base, req.properties() == null ? layer : layer.withOnly(req.properties()), page, matched, req.offset(), shown,
                    pageLinks(itemsUrl, req, matched, page.size(), shown, "html")));
            return;
        }
        ctx.status(200);
        ctx.contentType(MediaTypes.GEOJSON);
        GeoJsonFeatureOutput output = new GeoJsonFeatureOutput(crs, req.crs());
        try (StoreCursor<Feature> cursor = store.query(layer.id(), new FeatureQuery(req.filter(), req.offset(), req.limit(),
                req.properties()))) {
            Responses.stream(ctx, out -> {
                JsonGenerator gen = Json.FACTORY.createGenerator(out, JsonEncoding.UTF8);
                gen.setCodec(Json.MAPPER);
                gen.writeStartObject();
                gen.writeStringField("type", "FeatureCollection");
                gen.writeNumberField("numberMatched", matched);
                gen.writeStringField("timeStamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
                gen.writeArrayFieldStart("features");
                long returned = 0;
                while (cursor.hasNext()) {
                    output.write(gen, cursor.next(), null);
                    returned++;
                }
                gen.writeEndArray();
                gen.writeNumberField("numberReturned", returned);
                gen.writeFieldName("links");
                gen.writeObject(pageLinks(itemsUrl, req, matched, returned, req.limit(), "json"));
                gen.writeEndObject();
                gen.flush();
            });
        }
    }

    /** self, alternate, and next/prev when there are more pages, keeping every filter parameter. */
    private static List<Link> pageLinks(String itemsUrl, ItemsRequest req, long matched, long returned, long limit,
            String f) {
        List<Link> links = new ArrayList<>();
        String geo = "json".equals(f) ? MediaTypes.GEOJSON : MediaTypes.HTML;
        String other = "json".equals(f) ? "html" : "json";
        links.add(Link.of(pageUrl(itemsUrl, req, req.offset(), limit, f), "self", geo, "This page"));
        links.add(Link.of(pageUrl(itemsUrl, req, req.offset(), limit, other), "alternate",
                "json".equals(other) ? MediaTypes.GEOJSON : MediaTypes.HTML, "This page as " + other.toUpperCase()));
        if (returned == limit && req.offset() + returned < matched) {
            links.add(Link.of(pageUrl(itemsUrl, req, req.offset() + limit, limit, f), "next", geo, "Next page"));
        }
        if (req.offset() > 0) {
            links.add(Link.of(pageUrl(itemsUrl, req, Math.max(0, req.offset() - limit), limit, f), "prev", geo,
                    "Previous page"));
        }
        return links;
    }

    private static String pageUrl(String itemsUrl, ItemsRequest req, long offset, long limit, String f) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("f", f);
        q.putAll(req.echo());
        q.put("limit", Long.toString(limit));
        if (offset > 0) q.put("offset", Long.toString(offset));
        return itemsUrl + Urls.query(q);
    }

    private void item(Context ctx) {
        LayerInfo layer = access.visibleLayer(ctx, ctx.pathParam("collectionId"));
        QueryParameters.requireKnown(ctx, Set.of("f", "crs"));
        String idText = ctx.pathParam("featureId");
        long id;
        try {
            id = Long.parseLong(idText);
        } catch (NumberFormatException e) {
            throw ApiProblem.notFound("no feature '" + idText + "' in collection '" + layer.id() + "'");
        }
        CrsDefinition outCrs = QueryParameters.crs(ctx, crs, "crs");
        Feature feature = store.feature(layer.id(), id).orElseThrow(() -> ApiProblem.notFound(
                "no feature " + id + " in collection '" + layer.id() + "'"));
        String base = urls.base(ctx);
        String href = base + "/collections/" + layer.id() + "/items/" + id;
        Format format = Format.of(ctx);
        ctx.header("Content-Crs", "<" + outCrs.uri() + ">");
        ctx.header("ETag", FeatureEditsApi.etag(feature));
        if (format == Format.HTML) {
            sendHtml(ctx, FeaturePages.item(base, layer, feature));
            return;
        }
        List<Link> links = List.of(Link.of(href + "?f=json", "self", MediaTypes.GEOJSON, "This feature"),
                Link.of(href + "?f=html", "alternate", MediaTypes.HTML, "This feature as HTML"),
                Link.of(base + "/collections/" + layer.id(), "collection", MediaTypes.JSON, "The collection"));
        ctx.status(200);
        ctx.contentType(MediaTypes.GEOJSON);
        new GeoJsonFeatureOutput(crs, outCrs).send(ctx, feature, links);
    }

    // ------------------------------------------------------------------------------------------------

    private static void sendJson(Context ctx, String type, Object body) {
        Responses.json(ctx, type, body);
    }

    private static void sendHtml(Context ctx, String page) {
        Responses.html(ctx, page);
    }

    /** Reads a value as text for HTML tables. */
    public static String display(Object value) {
        Object v = StoreJson.jsonValue(value);
        if (v == null) return "";
        if (v instanceof Map<?, ?> m) return Json.write(m);
        return v.toString();
    }
}
