package org.sinkatlas.server.tiles;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.sinkatlas.layers.model.LayerExtent;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.Localized;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.server.auth.Access;
import org.sinkatlas.server.features.ApiExtension;
import org.sinkatlas.server.http.ApiParameter;
import org.sinkatlas.server.http.ApiProblem;
import org.sinkatlas.server.http.ApiRoute;
import org.sinkatlas.server.http.Json;
import org.sinkatlas.server.http.Lang;
import org.sinkatlas.server.http.Link;
import org.sinkatlas.server.http.MediaTypes;
import org.sinkatlas.server.http.QueryParameters;
import org.sinkatlas.server.http.Responses;
import org.sinkatlas.server.http.Role;
import org.sinkatlas.server.http.ServiceInfo;
import org.sinkatlas.server.http.Urls;
import org.sinkatlas.tiles.LayerTileRule;
import org.sinkatlas.tiles.MapStyles;
import org.sinkatlas.tiles.PngTiles;
import org.sinkatlas.tiles.TileCache;
import org.sinkatlas.tiles.TileCoord;
import org.sinkatlas.tiles.VectorTiles;
import org.sinkatlas.tiles.WebMercatorQuad;

/**
 * OGC API - Tiles (vector tiles of each collection and of the whole map, PNG map tiles of both, the
 * WebMercatorQuad tile matrix set), TileJSON 3.0, MapLibre styles, and the same tiles as plain XYZ URLs.
 * The public sees published layers only; a draft's tiles answer 404 as its features do. An empty vector
 * tile is answered 204 No Content; an empty PNG tile is a transparent picture.
 */
public final class TilesApi implements ApiExtension {

    static final String REL_TILESETS_VECTOR = "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector";
    static final String REL_TILESETS_MAP = "http://www.opengis.net/def/rel/ogc/1.0/tilesets-map";
    static final String REL_TILING_SCHEME = "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme";
    static final String REL_TILING_SCHEMES = "http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes";
    static final String REL_STYLES = "http://www.opengis.net/def/rel/ogc/1.0/styles";
    private static final String TILES = "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/";
    static final List<String> CONFORMANCE = List.of(TILES + "core", TILES + "tileset", TILES + "tilesets-list",
            TILES + "dataset-tilesets", TILES + "geodata-tilesets", TILES + "mvt", TILES + "png", TILES + "oas30",
            "http://www.opengis.net/spec/tms/2.0/conf/tilematrixset",
            "http://www.opengis.net/spec/tms/2.0/conf/json-tilematrixset");
    /** The whole map's style id. */
    public static final String MAP_STYLE = "sink-atlas";

    private final LayerStore store;
    private final Access access;
    private final Urls urls;
    private final VectorTiles tiles;
    private final PngTiles pictures;
    private final MapStyles styles;

    public TilesApi(LayerStore store, Access access, Urls urls, VectorTiles tiles) {
        this.store = store;
        this.access = access;
        this.urls = urls;
        this.tiles = tiles;
        this.styles = new MapStyles(tiles);
        this.pictures = new PngTiles(tiles, styles);
    }

    public List<ApiRoute> routes() {
        JsonNodeFactory n = JsonNodeFactory.instance;
        ApiParameter collectionId = ApiParameter.path("collectionId", "Collection id.", n.objectNode().put("type", "string"));
        ApiParameter tms = ApiParameter.path("tileMatrixSetId", "Tile matrix set: WebMercatorQuad.",
                n.objectNode().put("type", "string").set("enum", n.arrayNode().add(WebMercatorQuad.ID)));
        ApiParameter matrix = ApiParameter.path("tileMatrix", "Zoom level (0-" + WebMercatorQuad.MAX_ZOOM + ").",
                n.objectNode().put("type", "string"));
        ApiParameter row = ApiParameter.path("tileRow", "Row, from the top.", n.objectNode().put("type", "integer").put("minimum", 0));
        ApiParameter col = ApiParameter.path("tileCol", "Column, from the left.", n.objectNode().put("type", "integer").put("minimum", 0));
        ApiParameter tileset = ApiParameter.path("tileset", "A collection id, or 'map' for every published layer.",
                n.objectNode().put("type", "string"));
        ApiParameter z = ApiParameter.path("z", "Zoom.", n.objectNode().put("type", "integer").put("minimum", 0));
        ApiParameter x = ApiParameter.path("x", "Column.", n.objectNode().put("type", "integer").put("minimum", 0));
        ApiParameter y = ApiParameter.path("y", "Row.", n.objectNode().put("type", "integer").put("minimum", 0));
        ApiParameter f = ApiParameter.query("f", "json (tile set metadata, default) or tilejson (TileJSON 3.0).",
                n.objectNode().put("type", "string").set("enum", n.arrayNode().add("json").add("tilejson")));
        ApiParameter styleId = ApiParameter.path("styleId", "Style id: " + MAP_STYLE + ".", n.objectNode().put("type", "string"));
        ApiParameter layer = ApiParameter.query("layer", "Only this layer's tiles (default: every layer).",
                n.objectNode().put("type", "string"));
        List<String> json = List.of(MediaTypes.JSON);
        List<String> mvt = List.of(MediaTypes.MVT);
        List<String> png = List.of(MediaTypes.PNG);
        return List.of(
                new ApiRoute("/tileMatrixSets", "getTileMatrixSetsList", "Tile matrix sets · 瓦片矩阵集", "Tiles", List.of(),
                        json, false, this::tileMatrixSets),
                new ApiRoute("/tileMatrixSets/{tileMatrixSetId}", "getTileMatrixSet", "A tile matrix set · 瓦片矩阵集定义",
                        "Tiles", List.of(tms), json, false, this::tileMatrixSet),
                new ApiRoute("/tiles", ".dataset.vector.getTileSetsList", "Vector tile sets of the whole map · 全图矢量瓦片",
                        "Tiles", List.of(), json, false, ctx -> tileSets(ctx, null, "vector")),
                new ApiRoute("/tiles/{tileMatrixSetId}", ".dataset.vector.getTileSet", "The whole map's vector tile set"
                        + " (or its TileJSON) · 全图矢量瓦片集", "Tiles", List.of(tms, f), json, false,
                        ctx -> tileSet(ctx, null, "vector")),
                new ApiRoute("/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}", ".dataset.vector.getTile",
                        "A vector tile of every published layer · 全图矢量瓦片", "Tiles", List.of(tms, matrix, row, col), mvt,
                        false, ctx -> vectorTile(ctx, null, ctx.pathParam("tileMatrix"), ctx.pathParam("tileCol"),
                                ctx.pathParam("tileRow"))),
                new ApiRoute("/map/tiles", ".dataset.map.getTileSetsList", "Map (PNG) tile sets of the whole map · 全图栅格瓦片",
                        "Tiles", List.of(), json, false, ctx -> tileSets(ctx, null, "map")),
                new ApiRoute("/map/tiles/{tileMatrixSetId}", ".dataset.map.getTileSet", "The whole map's PNG tile set · 全图栅格瓦片集",
                        "Tiles", List.of(tms), json, false, ctx -> tileSet(ctx, null, "map")),
                new ApiRoute("/map/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}", ".dataset.map.getTile",
                        "A PNG map tile · 全图栅格瓦片", "Tiles", List.of(tms, matrix, row, col), png, false,
                        ctx -> pngTile(ctx, null, ctx.pathParam("tileMatrix"), ctx.pathParam("tileCol"), ctx.pathParam("tileRow"))),
                new ApiRoute("/collections/{collectionId}/tiles", ".collection.vector.getTileSetsList", "A collection's vector tile"
                        + " sets · 图层矢量瓦片", "Tiles", List.of(collectionId), json, true,
                        ctx -> tileSets(ctx, layerOf(ctx), "vector")),
                new ApiRoute("/collections/{collectionId}/tiles/{tileMatrixSetId}", ".collection.vector.getTileSet",
                        "A collection's vector tile set (or its TileJSON) · 图层矢量瓦片集", "Tiles", List.of(collectionId, tms, f),
                        json, true, ctx -> tileSet(ctx, layerOf(ctx), "vector")),
                new ApiRoute("/collections/{collectionId}/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}",
                        ".collection.vector.getTile", "A vector tile of a collection · 图层矢量瓦片", "Tiles",
                        List.of(collectionId, tms, matrix, row, col), mvt, true, ctx -> vectorTile(ctx, layerOf(ctx),
                                ctx.pathParam("tileMatrix"), ctx.pathParam("tileCol"), ctx.pathParam("tileRow"))),
                new ApiRoute("/collections/{collectionId}/map/tiles", ".collection.map.getTileSetsList", "A collection's map tile"
                        + " sets · 图层栅格瓦片", "Tiles", List.of(collectionId), json, true, ctx -> tileSets(ctx, layerOf(ctx), "map")),
                new ApiRoute("/collections/{collectionId}/map/tiles/{tileMatrixSetId}", ".collection.map.getTileSet",
                        "A collection's PNG tile set · 图层栅格瓦片集", "Tiles", List.of(collectionId, tms), json, true,
                        ctx -> tileSet(ctx, layerOf(ctx), "map")),
                new ApiRoute("/collections/{collectionId}/map/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}",
                        ".collection.map.getTile", "A PNG map tile of a collection · 图层栅格瓦片", "Tiles",
                        List.of(collectionId, tms, matrix, row, col), png, true, ctx -> pngTile(ctx, layerOf(ctx),
                                ctx.pathParam("tileMatrix"), ctx.pathParam("tileCol"), ctx.pathParam("tileRow"))),
                new ApiRoute("/xyz/{tileset}/{z}/{x}/{y}.mvt", "getXyzVectorTile", "A vector tile as an XYZ URL"
                        + " (collection id, or 'map' for every layer) · XYZ 矢量瓦片", "Tiles", List.of(tileset, z, x, y),
                        mvt, false, ctx -> vectorTile(ctx, xyzLayer(ctx), ctx.pathParam("z"), ctx.pathParam("x"), ctx.pathParam("y"))),
                new ApiRoute("/xyz/{tileset}/{z}/{x}/{y}.png", "getXyzMapTile", "A PNG tile as an XYZ URL"
                        + " (collection id, or 'map') · XYZ 栅格瓦片", "Tiles", List.of(tileset, z, x, y), png, false,
                        ctx -> pngTile(ctx, xyzLayer(ctx), ctx.pathParam("z"), ctx.pathParam("x"), ctx.pathParam("y"))),
                new ApiRoute("/styles", "getStyles", "Map styles · 地图样式", "Styles", List.of(), json, false, this::styleList),
                new ApiRoute("/styles/{styleId}", "getStyle", "The whole map's MapLibre style · 全图样式", "Styles",
                        List.of(styleId), List.of(MediaTypes.MAPLIBRE_STYLE), false, this::mapStyle),
                new ApiRoute("/collections/{collectionId}/styles/default", "getCollectionStyle", "A collection's MapLibre"
                        + " style · 图层样式", "Styles", List.of(collectionId), List.of(MediaTypes.MAPLIBRE_STYLE), true,
                        this::layerStyle),
                new ApiRoute(HandlerType.DELETE, "/admin/tiles", "purgeTiles", "Drop cached tiles of a layer, or all ·"
                        + " 清除瓦片缓存", "Admin", List.of(layer), json, false, null, 200, this::purge).requiring(Role.ADMIN));
    }

    // ------------------------------------------------------------------------------------------------
    // Where clients find the tiles

    @Override
    public List<Link> landingLinks(String base) {
        return List.of(Link.of(base + "/tiles", REL_TILESETS_VECTOR, MediaTypes.JSON, "Vector tiles of the whole map"),
                Link.of(base + "/map/tiles", REL_TILESETS_MAP, MediaTypes.JSON, "PNG map tiles of the whole map"),
                Link.of(base + "/tileMatrixSets", REL_TILING_SCHEMES, MediaTypes.JSON, "Tile matrix sets"),
                Link.of(base + "/styles", REL_STYLES, MediaTypes.JSON, "Map styles"));
    }

    @Override
    public List<Link> collectionLinks(String base, LayerInfo layer) {
        String c = base + "/collections/" + layer.id();
        return List.of(Link.of(c + "/tiles", REL_TILESETS_VECTOR, MediaTypes.JSON, "Vector tiles"),
                Link.of(c + "/map/tiles", REL_TILESETS_MAP, MediaTypes.JSON, "PNG map tiles"),
                Link.of(c + "/styles/default", "stylesheet", MediaTypes.MAPLIBRE_STYLE, "MapLibre style"));
    }

    @Override
    public List<String> conformanceClasses() {
        return CONFORMANCE;
    }

    /** The layers drawn on the public whole map: the published ones. */
    private List<LayerInfo> mapLayers() {
        return store.layers().stream().filter(LayerInfo::published).toList();
    }

    private LayerInfo layerOf(Context ctx) {
        return access.visibleLayer(ctx, ctx.pathParam("collectionId"));
    }

    /** An XYZ URL's tile set: {@code map} for the whole map (null), else a collection. */
    private LayerInfo xyzLayer(Context ctx) {
        String id = ctx.pathParam("tileset");
        return id.equals("map") ? null : access.visibleLayer(ctx, id);
    }

    private static void requireTms(Context ctx) {
        String id = ctx.pathParam("tileMatrixSetId");
        if (!id.equals(WebMercatorQuad.ID)) {
            throw ApiProblem.notFound("no tile matrix set '" + id + "'; this service tiles in " + WebMercatorQuad.ID);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Metadata

    private void tileMatrixSets(Context ctx) {
        QueryParameters.requireKnown(ctx, Set.of());
        String base = urls.base(ctx);
        ObjectNode body = Json.MAPPER.createObjectNode();
        ObjectNode item = body.putArray("tileMatrixSets").addObject();
        item.put("id", WebMercatorQuad.ID).put("title", "Google Maps compatible Web Mercator (EPSG:3857)")
                .put("uri", WebMercatorQuad.URI).put("crs", WebMercatorQuad.CRS);
        item.set("links", Json.MAPPER.valueToTree(List.of(Link.of(base + "/tileMatrixSets/" + WebMercatorQuad.ID, "self",
                MediaTypes.JSON, WebMercatorQuad.ID))));
        Responses.json(ctx, body);
    }

    private void tileMatrixSet(Context ctx) {
        QueryParameters.requireKnown(ctx, Set.of());
        requireTms(ctx);
        ObjectNode t = Json.MAPPER.createObjectNode();
        t.put("id", WebMercatorQuad.ID);
        t.put("title", "Google Maps compatible Web Mercator (EPSG:3857)");
        t.put("uri", WebMercatorQuad.URI);
        t.put("crs", WebMercatorQuad.CRS);
        t.putArray("orderedAxes").add("X").add("Y");
        t.put("wellKnownScaleSet", WebMercatorQuad.WELL_KNOWN_SCALE_SET);
        ArrayNode matrices = t.putArray("tileMatrices");
        for (WebMercatorQuad.TileMatrix m : WebMercatorQuad.tileMatrices()) {
            ObjectNode o = matrices.addObject();
            o.put("id", m.id()).put("scaleDenominator", m.scaleDenominator()).put("cellSize", m.cellSize())
                    .put("cornerOfOrigin", "topLeft");
            o.putArray("pointOfOrigin").add(-WebMercatorQuad.ORIGIN).add(WebMercatorQuad.ORIGIN);
            o.put("tileWidth", WebMercatorQuad.TILE_SIZE).put("tileHeight", WebMercatorQuad.TILE_SIZE)
                    .put("matrixWidth", m.matrixSize()).put("matrixHeight", m.matrixSize());
        }
        Responses.json(ctx, t);
    }

    /**
     * The tile sets of the map or a layer (one: WebMercatorQuad), each entry with what a generic client needs to
     * fetch tiles without opening the tile set: its matrix set, the limits of its tiles and a templated tile link.
     */
    private void tileSets(Context ctx, LayerInfo layer, String dataType) {
        QueryParameters.requireKnown(ctx, Set.of());
        String base = urls.base(ctx);
        String setUrl = setUrl(base, layer, dataType);
        ObjectNode body = Json.MAPPER.createObjectNode();
        ObjectNode set = body.putArray("tilesets").addObject();
        set.put("title", title(layer).in(Lang.of(ctx)));
        set.put("dataType", dataType);
        set.put("crs", WebMercatorQuad.CRS);
        set.put("tileMatrixSetId", WebMercatorQuad.ID);
        set.put("tileMatrixSetURI", WebMercatorQuad.URI);
        ArrayNode links = set.putArray("links");
        links.add(Json.MAPPER.valueToTree(Link.of(setUrl, "self", MediaTypes.JSON, "The tile set")));
        links.add(Json.MAPPER.valueToTree(Link.of(base + "/tileMatrixSets/" + WebMercatorQuad.ID, REL_TILING_SCHEME,
                MediaTypes.JSON, WebMercatorQuad.ID)));
        links.add(tileLink(setUrl, dataType));
        limits(set, layer == null ? mapLayers() : List.of(layer));
        Responses.json(ctx, body);
    }

    /** The templated link to a tile set's tiles. */
    private static ObjectNode tileLink(String setUrl, String dataType) {
        return Json.MAPPER.createObjectNode().put("href", setUrl + "/{tileMatrix}/{tileRow}/{tileCol}").put("rel", "item")
                .put("type", dataType.equals("vector") ? MediaTypes.MVT : MediaTypes.PNG).put("templated", true)
                .put("title", "A tile");
    }

    /** The layers' bounding box and, for each zoom they are tiled at, the rows and columns their tiles span. */
    private void limits(ObjectNode into, List<LayerInfo> layers) {
        Envelope box = bounds(layers);
        if (box == null) return;
        int min = layers.stream().mapToInt(l -> tiles.rule(l).minzoom()).min().orElse(0);
        int max = layers.stream().mapToInt(l -> tiles.rule(l).maxzoom()).max().orElse(0);
        ObjectNode bb = into.putObject("boundingBox");
        bb.putArray("lowerLeft").add(box.getMinX()).add(box.getMinY());
        bb.putArray("upperRight").add(box.getMaxX()).add(box.getMaxY());
        bb.put("crs", "http://www.opengis.net/def/crs/OGC/1.3/CRS84");
        ArrayNode limits = into.putArray("tileMatrixSetLimits");
        for (int z = min; z <= max; z++) {
            int[] r = WebMercatorQuad.range(box, z);
            limits.addObject().put("tileMatrix", Integer.toString(z)).put("minTileRow", r[1]).put("maxTileRow", r[3])
                    .put("minTileCol", r[0]).put("maxTileCol", r[2]);
        }
    }

    /** Tile set metadata (OGC 17-083r4 tileSet), or TileJSON 3.0 for vector tiles with {@code f=tilejson}. */
    private void tileSet(Context ctx, LayerInfo layer, String dataType) {
        QueryParameters.requireKnown(ctx, dataType.equals("vector") ? Set.of("f") : Set.of());
        requireTms(ctx);
        String f = ctx.queryParam("f") == null ? "json" : ctx.queryParam("f");
        if (!f.equals("json") && !f.equals("tilejson")) throw ApiProblem.badRequest("f must be json or tilejson, not '" + f + "'");
        String base = urls.base(ctx);
        String lang = Lang.of(ctx);
        List<LayerInfo> layers = layer == null ? mapLayers() : List.of(layer);
        String template = setUrl(base, layer, dataType) + "/{z}/{y}/{x}";
        if (f.equals("tilejson")) {
            Responses.json(ctx, styles.tileJson(layer == null ? ServiceInfo.TITLE.in(lang) : layer.title().in(lang),
                    layer == null ? ServiceInfo.DESCRIPTION : layer.description(), attribution(layers), template,
                    layers, bounds(layers), lang));
            return;
        }
        ObjectNode t = Json.MAPPER.createObjectNode();
        t.put("title", title(layer).in(lang));
        t.put("dataType", dataType);
        t.put("crs", WebMercatorQuad.CRS);
        t.put("tileMatrixSetURI", WebMercatorQuad.URI);
        List<Link> links = new ArrayList<>(List.of(Link.of(setUrl(base, layer, dataType), "self", MediaTypes.JSON, "This tile set"),
                Link.of(base + "/tileMatrixSets/" + WebMercatorQuad.ID, REL_TILING_SCHEME, MediaTypes.JSON, WebMercatorQuad.ID)));
        if (dataType.equals("vector")) {
            links.add(Link.of(setUrl(base, layer, dataType) + "?f=tilejson", "describedby", MediaTypes.JSON, "TileJSON 3.0"));
        }
        ArrayNode item = t.putArray("links");
        links.forEach(l -> item.add(Json.MAPPER.valueToTree(l)));
        item.add(tileLink(setUrl(base, layer, dataType), dataType));
        limits(t, layers);
        if (dataType.equals("vector")) {
            ArrayNode ls = t.putArray("layers");
            for (LayerInfo l : layers) {
                LayerTileRule rule = tiles.rule(l);
                ObjectNode o = ls.addObject();
                o.put("id", l.id()).put("title", l.title().in(lang)).put("dataType", "vector")
                        .put("minTileMatrix", Integer.toString(rule.minzoom())).put("maxTileMatrix", Integer.toString(rule.maxzoom()));
                o.put("geometryDimension", switch (l.geometryKind()) {
                    case POINT, MULTIPOINT -> 0;
                    case LINESTRING, MULTILINESTRING -> 1;
                    default -> 2;
                });
                ObjectNode schema = o.putObject("propertiesSchema").put("type", "object");
                ObjectNode props = schema.putObject("properties");
                for (String a : rule.attributes()) {
                    l.property(a).ifPresent(p -> props.putObject(a).put("title", p.title().in(lang))
                            .put("type", p.type().jsonSchemaType()));
                }
            }
        }
        Responses.json(ctx, t);
    }

    private static String setUrl(String base, LayerInfo layer, String dataType) {
        String root = layer == null ? base : base + "/collections/" + layer.id();
        return root + (dataType.equals("vector") ? "/tiles/" : "/map/tiles/") + WebMercatorQuad.ID;
    }

    private static Localized title(LayerInfo layer) {
        return layer == null ? ServiceInfo.TITLE : layer.title();
    }

    private static String attribution(List<LayerInfo> layers) {
        return String.join("; ", layers.stream().map(LayerInfo::attribution).filter(a -> !a.isBlank()).distinct().toList());
    }

    /** The layers' joint extent in longitude and latitude, or null when they have no features. */
    private Envelope bounds(List<LayerInfo> layers) {
        Envelope all = new Envelope();
        for (LayerInfo l : layers) {
            LayerExtent e = store.extent(l.id());
            if (e.bbox() != null) all.expandToInclude(e.bbox());
        }
        return all.isNull() ? null : all;
    }

    // ------------------------------------------------------------------------------------------------
    // Tiles

    private void vectorTile(Context ctx, LayerInfo layer, String z, String x, String y) {
        QueryParameters.requireKnown(ctx, Set.of());
        if (ctx.pathParamMap().containsKey("tileMatrixSetId")) requireTms(ctx);
        TileCoord t = coord(z, x, y);
        TileCache.Tile tile;
        try {
            tile = layer == null ? tiles.mapTile(mapLayers(), t) : tiles.layerTile(layer, t);
        } catch (VectorTiles.OutOfRange e) {
            throw ApiProblem.notFound(e.getMessage());
        }
        send(ctx, tile, MediaTypes.MVT, layer == null || layer.published());
    }

    private void pngTile(Context ctx, LayerInfo layer, String z, String x, String y) {
        QueryParameters.requireKnown(ctx, Set.of());
        if (ctx.pathParamMap().containsKey("tileMatrixSetId")) requireTms(ctx);
        TileCoord t = coord(z, x, y);
        TileCache.Tile tile = layer == null ? pictures.tile(TileCache.MAP, mapLayers(), t)
                : pictures.tile(layer.id(), List.of(layer), t);
        send(ctx, tile, MediaTypes.PNG, layer == null || layer.published());
    }

    private static TileCoord coord(String z, String x, String y) {
        try {
            return TileCoord.parse(z, x, y);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(e.getMessage());
        }
    }

    /**
     * Answers a tile with its ETag (304 when the client has it), cacheable by anyone for a minute when public
     * (a CDN in front revalidates with the ETag), and private to the caller for a draft.
     */
    private static void send(Context ctx, TileCache.Tile tile, String type, boolean isPublic) {
        ctx.header("ETag", tile.etag());
        ctx.header("Cache-Control", isPublic ? "public, max-age=60" : "private, no-cache");
        ctx.header("Vary", "Authorization");
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null && (ifNoneMatch.equals(tile.etag()) || ifNoneMatch.equals("W/" + tile.etag()))) {
            ctx.status(304);
            return;
        }
        if (tile.isEmpty()) {
            ctx.status(204);
            return;
        }
        ctx.status(200);
        ctx.contentType(type);
        // Straight from the cached array to the connection: ctx.result would copy it through a stream first.
        ctx.res().setContentLength(tile.bytes().length);
        try {
            ctx.res().getOutputStream().write(tile.bytes());
        } catch (java.io.IOException e) {
            // The client went away; nothing to answer.
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Styles and the cache

    private void styleList(Context ctx) {
        QueryParameters.requireKnown(ctx, Set.of());
        String base = urls.base(ctx);
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode list = body.putArray("styles");
        ObjectNode map = list.addObject();
        map.put("id", MAP_STYLE).put("title", ServiceInfo.TITLE.in(Lang.of(ctx)));
        map.set("links", Json.MAPPER.valueToTree(List.of(Link.of(base + "/styles/" + MAP_STYLE, "stylesheet",
                MediaTypes.MAPLIBRE_STYLE, "MapLibre style of the whole map"))));
        for (LayerInfo layer : access.visibleLayers(ctx)) {
            ObjectNode s = list.addObject();
            s.put("id", layer.id()).put("title", layer.title().in(Lang.of(ctx)));
            s.set("links", Json.MAPPER.valueToTree(List.of(Link.of(base + "/collections/" + layer.id() + "/styles/default",
                    "stylesheet", MediaTypes.MAPLIBRE_STYLE, "MapLibre style of this layer"))));
        }
        Responses.json(ctx, body);
    }

    private void mapStyle(Context ctx) {
        QueryParameters.requireKnown(ctx, Set.of());
        if (!ctx.pathParam("styleId").equals(MAP_STYLE)) {
            throw ApiProblem.notFound("no style '" + ctx.pathParam("styleId") + "'; see /styles");
        }
        List<LayerInfo> layers = mapLayers();
        Responses.json(ctx, MediaTypes.MAPLIBRE_STYLE, styles.style(ServiceInfo.TITLE.both(),
                urls.base(ctx) + "/tiles/" + WebMercatorQuad.ID + "?f=tilejson", layers, bounds(layers), Lang.of(ctx)));
    }

    private void layerStyle(Context ctx) {
        QueryParameters.requireKnown(ctx, Set.of());
        LayerInfo layer = layerOf(ctx);
        Responses.json(ctx, MediaTypes.MAPLIBRE_STYLE, styles.style(layer.title().both(), urls.base(ctx) + "/collections/"
                + layer.id() + "/tiles/" + WebMercatorQuad.ID + "?f=tilejson", List.of(layer), bounds(List.of(layer)),
                Lang.of(ctx)));
    }

    private void purge(Context ctx) {
        QueryParameters.requireKnown(ctx, Set.of("layer"));
        String layer = ctx.queryParam("layer");
        if (layer != null && store.layer(layer).isEmpty()) throw ApiProblem.notFound("no layer '" + layer + "'");
        long before = tiles.cache().size();
        tiles.cache().purgeLayer(layer);
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("layer", layer == null ? "all" : layer);
        body.put("tiles_before", before);
        body.put("tiles_after", tiles.cache().size());
        Responses.json(ctx, body);
    }
}
