package org.sinkatlas.server.tiles;

import java.nio.ByteBuffer;
import java.util.function.BiConsumer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.server.http.MediaTypes;
import org.sinkatlas.tiles.TileCache;
import org.sinkatlas.tiles.TileCoord;
import org.sinkatlas.tiles.WebMercatorQuad;

/**
 * Answers public tiles that are already in the cache inside Jetty, before Javalin routes the request: a
 * cached tile is a lookup and a write, and Javalin's routing, context and servlet layers cost more than
 * that. Anything else (a tile not cached yet, a query string, credentials, a draft layer, HEAD, an Accept
 * header that does not take the tile's type) goes on to the routes as before, which answer it the same way
 * with the same headers. The answers are the ones {@code TilesApi} gives: the ETag, 304 on a matching
 * {@code If-None-Match}, 204 for an empty tile, {@code Cache-Control: public, max-age=60}.
 *
 * <p>Cached public tiles skip the per-client rate limit: they cost less than the check. Each still gets its
 * access-log line.
 */
public final class CachedTileHandler extends Handler.Wrapper {

    private static final String TMS = "/" + WebMercatorQuad.ID + "/";
    private static final HttpField CACHE_CONTROL = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "public, max-age=60");
    private static final HttpField VARY = new PreEncodedHttpField(HttpHeader.VARY, "Authorization");
    private static final HttpField MVT = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, MediaTypes.MVT);
    private static final HttpField PNG = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, MediaTypes.PNG);

    private final TileCache cache;
    private final LayerStore store;
    private final BiConsumer<String, Double> accessLog;

    /** @param accessLog takes the access-log line ({@code GET path status}) and the milliseconds it took */
    public CachedTileHandler(TileCache cache, LayerStore store, BiConsumer<String, Double> accessLog) {
        this.cache = cache;
        this.store = store;
        this.accessLog = accessLog;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long start = System.nanoTime();
        TileCache.Tile tile = null;
        TileCache.Key key = null;
        if (HttpMethod.GET.is(request.getMethod()) && request.getHttpURI().getQuery() == null
                && !request.getHeaders().contains(HttpHeader.AUTHORIZATION)) {
            key = keyOf(Request.getPathInContext(request));
            if (key != null && isPublic(key) && accepts(request.getHeaders().get(HttpHeader.ACCEPT), key)) {
                tile = cache.find(key);
            }
        }
        if (tile == null) return super.handle(request, response, callback);

        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.ETAG, tile.etag());
        headers.put(CACHE_CONTROL);
        headers.put(VARY);
        int status;
        String ifNoneMatch = request.getHeaders().get(HttpHeader.IF_NONE_MATCH);
        if (ifNoneMatch != null && (ifNoneMatch.equals(tile.etag()) || ifNoneMatch.equals("W/" + tile.etag()))) {
            status = 304;
        } else if (tile.isEmpty()) {
            status = 204;
        } else {
            status = 200;
            headers.put(key.format().equals("png") ? PNG : MVT);
            headers.put(HttpHeader.CONTENT_LENGTH, tile.bytes().length);
        }
        response.setStatus(status);
        response.write(true, status == 200 ? ByteBuffer.wrap(tile.bytes()) : null, callback);
        accessLog.accept("GET " + request.getHttpURI().getPath() + " " + status, (System.nanoTime() - start) / 1e6);
        return true;
    }

    /** Whole-map tiles hold only published layers; a layer's own tiles are public when the layer is published. */
    private boolean isPublic(TileCache.Key key) {
        if (key.layer().equals(TileCache.MAP)) return true;
        LayerInfo layer = store.layer(key.layer()).orElse(null);
        return layer != null && layer.published();
    }

    private static boolean accepts(String accept, TileCache.Key key) {
        if (accept == null || accept.contains("*/*")) return true;
        return accept.contains(key.format().equals("png") ? "image/" : MediaTypes.MVT)
                || key.format().equals("mvt") && accept.contains("application/x-protobuf");
    }

    /**
     * The cache key of a tile path: {@code /tiles/WebMercatorQuad/z/y/x} and {@code /map/tiles/...} of the
     * whole map, {@code /collections/{id}/tiles/...} and {@code /collections/{id}/map/tiles/...} of a layer;
     * null for any other path.
     */
    static TileCache.Key keyOf(String path) {
        String layer;
        String rest;
        if (path.startsWith("/collections/")) {
            int slash = path.indexOf('/', "/collections/".length());
            if (slash < 0) return null;
            layer = path.substring("/collections/".length(), slash);
            rest = path.substring(slash);
        } else {
            layer = TileCache.MAP;
            rest = path;
        }
        String format;
        if (rest.startsWith("/tiles" + TMS)) {
            format = "mvt";
            rest = rest.substring(("/tiles" + TMS).length());
        } else if (rest.startsWith("/map/tiles" + TMS)) {
            format = "png";
            rest = rest.substring(("/map/tiles" + TMS).length());
        } else {
            return null;
        }
        String[] zyx = rest.split("/", -1);
        if (zyx.length != 3) return null;
        try {
            // The path runs matrix/row/column, as OGC API Tiles has it.
            return new TileCache.Key(layer, TileCoord.parse(zyx[0], zyx[2], zyx[1]), format);
        } catch (IllegalArgumentException notATile) {
            return null;
        }
    }
}
