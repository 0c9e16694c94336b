package org.sinkatlas.tiles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Envelope;
import org.sinkatlas.layers.store.StoreChange;

/**
 * Tiles kept in memory, bounded by their total size (Caffeine, least recently and frequently used out
 * first), each with a strong ETag made from its bytes. A committed write drops exactly the tiles whose
 * box, buffer included, meets the box of a changed feature before or after the write, at every zoom, and
 * the whole-map tiles there too.
 */
public final class TileCache {

    /** Tiles that hold every layer of the map have this in place of a layer id. */
    public static final String MAP = "*";

    /** What a tile is of: a layer (or {@link #MAP}), its place and its format ({@code mvt} or {@code png}). */
    public record Key(String layer, TileCoord tile, String format) {}

    /** A tile's bytes and its ETag (quoted, as the header carries it). */
    public record Tile(byte[] bytes, String etag) {

        public boolean isEmpty() {
            return bytes.length == 0;
        }
    }

    private final Cache<Key, Tile> cache;
    private final AtomicLong purges = new AtomicLong();

    /** @param maxBytes the most tile bytes kept */
    public TileCache(long maxBytes) {
        this.cache = Caffeine.newBuilder().maximumWeight(maxBytes)
                .weigher((Key k, Tile t) -> t.bytes().length + 200).build();
    }

    /** The cached tile, or one made now and kept (unless a purge ran while it was made). */
    public Tile get(Key key, Supplier<byte[]> make) {
        Tile hit = cache.getIfPresent(key);
        if (hit != null) return hit;
        long before = purges.get();
        return keep(key, make.get(), before);
    }

    /** The cached tile, or null. */
    public Tile find(Key key) {
        return cache.getIfPresent(key);
    }

    /** A count that moves on at every purge: pass it to {@link #keep} with a tile made after reading it. */
    public long purges() {
        return purges.get();
    }

    /**
     * Keeps a tile that was made after {@link #purges} returned {@code before}, unless a purge ran since:
     * the tile may hold what that purge was about, and is served once but not kept.
     */
    public Tile keep(Key key, byte[] bytes, long before) {
        Tile t = of(bytes);
        cache.put(key, t);
        if (purges.get() != before) cache.invalidate(key);
        return t;
    }

    public static Tile of(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return new Tile(bytes, '"' + HexFormat.of().formatHex(digest, 0, 12) + '"');
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public long size() {
        return cache.estimatedSize();
    }

    /** Drops the tiles that a committed change may have made stale. */
    public void purge(StoreChange change) {
        // Counted before and after: a tile made from parts while the removal runs is not kept either.
        purges.incrementAndGet();
        try {
            String layer = change.layerId();
            if (change.isWholeLayer()) {
                cache.asMap().keySet().removeIf(k -> k.layer().equals(layer) || k.layer().equals(MAP));
                return;
            }
            List<Envelope> boxes = change.areas();
            if (boxes.isEmpty()) return;
            cache.asMap().keySet().removeIf(k -> (k.layer().equals(layer) || k.layer().equals(MAP)) && touches(k.tile(), boxes));
        } finally {
            purges.incrementAndGet();
        }
    }

    /** Drops every tile of a layer, and every whole-map tile; every tile when {@code layer} is null. */
    public void purgeLayer(String layer) {
        purges.incrementAndGet();
        if (layer == null) cache.invalidateAll();
        else cache.asMap().keySet().removeIf(k -> k.layer().equals(layer) || k.layer().equals(MAP));
    }

    private static boolean touches(TileCoord t, List<Envelope> boxes) {
        // A feature just outside a tile can still be drawn in its buffer: widen the tile by a generous 1/8.
        Envelope tile = WebMercatorQuad.lonLatBounds(t, 0.125);
        for (Envelope b : boxes) if (tile.intersects(b)) return true;
        return false;
    }
}
