package org.sinkatlas.tiles;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Envelope;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.VectorTileQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vector tiles of the layers, one layer at a time or every layer of the map in one tile, through the cache.
 * The store's engine makes a layer's tile when it can (PostGIS: ST_AsMVT), otherwise {@link MvtEncoding}
 * does. A tile over its layer's byte budget is made again with twice the simplification and size limit,
 * up to 128 times the layer's own, so that no tile grows huge at low zooms: the smallest features go first. A whole-map tile is the layers' tiles one after
 * the other: concatenated MVT messages are one MVT with all their layers.
 */
public final class VectorTiles {

    private static final Logger LOG = LoggerFactory.getLogger(VectorTiles.class);
    /** Tile units across a tile: the MVT default, 16 to a screen pixel. */
    public static final int EXTENT = 4096;
    /** Tries at fitting a tile into its budget, doubling the simplification and size limit each time. */
    private static final int BUDGET_TRIES = 8;

    private final LayerStore store;
    private final TileRules rules;
    private final TileCache cache;
    private final LabelPoints labels;
    private final Map<LayerInfo, LayerTileRule> ruleOf = new ConcurrentHashMap<>();

    /** A tile that its layer's rules do not make (outside its zooms). */
    public static final class OutOfRange extends RuntimeException {
        OutOfRange(String message) {
            super(message);
        }
    }

    /** Tiles of {@code store}'s layers by {@code rules}, kept in {@code cache}; safe to share between threads. */
    public VectorTiles(LayerStore store, TileRules rules, TileCache cache) {
        this.store = store;
        this.rules = rules;
        this.cache = cache;
        this.labels = new LabelPoints(store);
        store.addChangeListener(cache::purge);
    }

    /** The zoom and simplification rules the tiles are made by. */
    public TileRules rules() {
        return rules;
    }

    /** The cache of made tiles, purged by writes to their layers. */
    public TileCache cache() {
        return cache;
    }

    /** The rule of one layer: its own from {@code layers.yaml}, else the default for its geometry kind. */
    public LayerTileRule rule(LayerInfo layer) {
        return ruleOf.computeIfAbsent(layer, rules::rule);
    }

    /** A layer's tile. @throws OutOfRange when the layer is not tiled at that zoom */
    public TileCache.Tile layerTile(LayerInfo layer, TileCoord t) {
        LayerTileRule rule = rule(layer);
        if (!rule.covers(t.z())) {
            throw new OutOfRange("layer '" + layer.id() + "' is tiled from zoom " + rule.minzoom() + " to "
                    + rule.maxzoom() + "; deeper zooms are drawn from zoom " + rule.maxzoom() + "'s tiles");
        }
        return made(layer, t);
    }

    /** A layer's tile from the cache or made now, at any zoom (a picture cannot be overzoomed by its client). */
    TileCache.Tile made(LayerInfo layer, TileCoord t) {
        LayerTileRule rule = rule(layer);
        return cache.get(new TileCache.Key(layer.id(), t, "mvt"), () -> make(layer, rule, t));
    }

    /** One tile with every given layer tiled from this zoom or lower (the map's own sources). */
    public TileCache.Tile mapTile(List<LayerInfo> layers, TileCoord t) {
        TileCache.Key key = new TileCache.Key(TileCache.MAP, t, "mvt");
        TileCache.Tile hit = cache.find(key);
        if (hit != null) return hit;
        long before = cache.purges();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (LayerInfo layer : layers) {
            if (!rule(layer).drawnAt(t.z())) continue;
            all.writeBytes(made(layer, t).bytes());
        }
        return cache.keep(key, all.toByteArray(), before);
    }

    private byte[] make(LayerInfo layer, LayerTileRule rule, TileCoord t) {
        byte[] tile = shapes(layer, rule, t);
        if (!LabelPoints.labelled(layer, rule)) return tile;
        // MVT layers are one repeated field: the label points' layer is appended to the shapes'.
        byte[] points = labels.encode(layer, rule, t, EXTENT);
        byte[] both = Arrays.copyOf(tile, tile.length + points.length);
        System.arraycopy(points, 0, both, tile.length, points.length);
        return both;
    }

    private byte[] shapes(LayerInfo layer, LayerTileRule rule, TileCoord t) {
        byte[] tile = null;
        for (int attempt = 0; attempt < BUDGET_TRIES; attempt++) {
            VectorTileQuery q = query(layer, rule, t, 1 << attempt);
            tile = store.vectorTile(layer.id(), q).orElseGet(() -> MvtEncoding.encode(store, layer.id(), q));
            if (tile.length <= rule.maxBytes()) return tile;
        }
        LOG.warn("tile {} of {} is {} bytes, over its budget of {} even with 128 times the simplification", t, layer.id(),
                tile.length, rule.maxBytes());
        return tile;
    }

    /** The query for a layer's tile, with the simplification and size limit scaled by {@code factor}. */
    public VectorTileQuery query(LayerInfo layer, LayerTileRule rule, TileCoord t, double factor) {
        double unitsPerPixel = (double) EXTENT / WebMercatorQuad.TILE_SIZE;
        int buffer = (int) Math.round(rule.buffer() * unitsPerPixel);
        double metresPerPixel = WebMercatorQuad.CELL_SIZE_0 / (1L << t.z());
        double unitsPerDegreeX = EXTENT * (double) (1L << t.z()) / 360.0;
        Envelope lonLat = WebMercatorQuad.lonLatBounds(t, (double) buffer / EXTENT);
        double centreLat = Math.toRadians((lonLat.getMinY() + lonLat.getMaxY()) / 2);
        return new VectorTileQuery(t.z(), t.x(), t.y(), layer.id(), EXTENT, buffer, rule.simplify() * factor * metresPerPixel,
                rule.minSize() * factor * unitsPerPixel, unitsPerDegreeX, unitsPerDegreeX / Math.cos(centreLat), lonLat,
                rule.attributes(), rule.maxFeatures());
    }
}
