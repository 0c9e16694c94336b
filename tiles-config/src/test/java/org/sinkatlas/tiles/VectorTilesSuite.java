package org.sinkatlas.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.sinkatlas.layers.model.FeatureDraft;
import org.sinkatlas.layers.model.GeometryKind;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.Localized;
import org.sinkatlas.layers.model.PropertyDef;
import org.sinkatlas.layers.model.PropertyType;
import org.sinkatlas.layers.store.FeatureWriter;
import org.sinkatlas.layers.store.LayerStore;

/**
 * Vector tiles on one store engine, read back with the MVT library's reader: what is in a tile, where it
 * lands, what is left out, and which tiles a write drops from the cache.
 */
abstract class VectorTilesSuite {

    protected abstract LayerStore newStore() throws Exception;

    protected void dropStore() throws Exception {}

    static final GeometryFactory GF = new GeometryFactory();

    static final LayerInfo PLOTS = new LayerInfo("plots", Localized.of("地块", "Plots"), Localized.of("测试", "Test"),
            GeometryKind.POLYGON, List.of(PropertyDef.of("name", PropertyType.STRING, "名称", "Name"),
                    PropertyDef.of("density", PropertyType.REAL, "密度", "Density"),
                    PropertyDef.of("surveyed", PropertyType.DATE, "日期", "Surveyed"),
                    PropertyDef.of("extra", PropertyType.JSON, "附加", "Extra")),
            null, true, "", List.of());

    static final String RULES = "defaults: {minzoom: 8, maxzoom: 16, buffer: 4, simplify: 0.5, min_size: 0.75,"
            + " max_features: 1000, max_bytes: 500000}\n"
            + "layers:\n  plots: {minzoom: 10, attributes: [name, density, surveyed, extra, nope],"
            + " style: {kind: fill, color: '#00aa00'}}\n";

    LayerStore store;
    VectorTiles tiles;

    @BeforeEach
    void open() throws Exception {
        store = newStore();
        store.createLayer(PLOTS);
        tiles = new VectorTiles(store, TileRules.read(new StringReader(RULES), "test rules"), new TileCache(64 << 20));
    }

    @AfterEach
    void close() throws Exception {
        store.close();
        dropStore();
    }

    static Geometry square(double lon, double lat, double size) {
        return GF.createPolygon(new Coordinate[] {new Coordinate(lon, lat), new Coordinate(lon + size, lat),
            new Coordinate(lon + size, lat + size), new Coordinate(lon, lat + size), new Coordinate(lon, lat)});
    }

    static JtsLayer read(byte[] tile, String layer) {
        try {
            JtsMvt mvt = MvtReader.loadMvt(new ByteArrayInputStream(tile), GF, new TagKeyValueMapConverter(false, "fid"));
            return mvt.getLayer(layer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** fid → feature, from a tile. */
    static Map<Long, Geometry> byId(JtsLayer layer) {
        Map<Long, Geometry> out = new TreeMap<>();
        if (layer == null) return out;
        for (Geometry g : layer.getGeometries()) {
            out.put(((Number) ((Map<?, ?>) g.getUserData()).get("fid")).longValue(), g);
        }
        return out;
    }

    // A z14 tile over Jinze, Qingpu: 120.9 .. 120.92 E, about 31.0 N.
    static final TileCoord TILE = new TileCoord(14, WebMercatorQuad.column(120.91, 14), WebMercatorQuad.row(31.03, 14));

    @Test
    void featuresLandInTheirPlaceWithTheirPropertiesAndTinyOnesAreLeftOut() {
        org.locationtech.jts.geom.Envelope box = WebMercatorQuad.lonLatBounds(TILE, 0);
        double w = box.getWidth();
        // A square a quarter of the tile wide in its top left corner; one overlapping the right edge; a speck.
        Geometry inside = square(box.getMinX() + w * 0.1, box.getMaxY() - w * 0.4, w * 0.25);
        Geometry acrossEdge = square(box.getMaxX() - w * 0.1, box.getMinY() + w * 0.3, w * 0.3);
        Geometry speck = square(box.getMinX() + w * 0.6, box.getMinY() + w * 0.6, w * 0.00002);
        long[] ids = store.write("t", wr -> new long[] {
            wr.insert("plots", new FeatureDraft(inside, Map.of("name", "内", "density", 3.25, "surveyed",
                    LocalDate.of(2024, 5, 1), "extra", Map.of("a", 1)))).id(),
            wr.insert("plots", new FeatureDraft(acrossEdge, Map.of("name", "edge"))).id(),
            wr.insert("plots", new FeatureDraft(speck, Map.of("name", "speck"))).id()});

        byte[] bytes = tiles.layerTile(PLOTS, TILE).bytes();
        Map<Long, Geometry> got = byId(read(bytes, "plots"));
        assertEquals(List.of(ids[0], ids[1]), List.copyOf(got.keySet()), "the speck is under a pixel and left out");

        Geometry first = got.get(ids[0]);
        org.locationtech.jts.geom.Envelope e = first.getEnvelopeInternal();
        // 0.1 .. 0.35 of the tile across; down from the top by the Mercator y of its latitudes (y grows downwards).
        org.locationtech.jts.geom.Envelope m = WebMercatorQuad.bounds(TILE, 0);
        double top = (m.getMaxY() - WebMercatorQuad.y(box.getMaxY() - w * 0.15)) / m.getHeight() * 4096;
        double bottom = (m.getMaxY() - WebMercatorQuad.y(box.getMaxY() - w * 0.4)) / m.getHeight() * 4096;
        assertEquals(0.1 * 4096, e.getMinX(), 1);
        assertEquals(0.35 * 4096, e.getMaxX(), 1);
        assertEquals(top, e.getMinY(), 1);
        assertEquals(bottom, e.getMaxY(), 1);
        assertEquals(0.25 * 4096 * (bottom - top), first.getArea(), 0.005 * 0.25 * 4096 * (bottom - top));
        Map<?, ?> props = (Map<?, ?>) first.getUserData();
        assertEquals("内", props.get("name"));
        assertEquals(3.25, ((Number) props.get("density")).doubleValue(), 1e-12);
        assertEquals("2024-05-01", props.get("surveyed"));
        assertFalse(props.containsKey("extra"), "JSON properties are not tiled");
        assertFalse(props.containsKey("nope"), "names the layer lacks are dropped");

        // Clipped to the tile and its 4-pixel (64-unit) buffer.
        org.locationtech.jts.geom.Envelope edge = got.get(ids[1]).getEnvelopeInternal();
        assertEquals(4096 + 64, edge.getMaxX(), 1);
        assertNull(((Map<?, ?>) got.get(ids[1]).getUserData()).get("density"), "null properties are left out");
    }

    @Test
    void emptyAreasGiveEmptyTilesAndZoomsOutsideTheRulesAreRefused() {
        assertEquals(0, tiles.layerTile(PLOTS, TILE).bytes().length);
        assertThrows(VectorTiles.OutOfRange.class, () -> tiles.layerTile(PLOTS, new TileCoord(9, 0, 0)));
        assertThrows(VectorTiles.OutOfRange.class, () -> tiles.layerTile(PLOTS, new TileCoord(17, 0, 0)));
        assertThrows(IllegalArgumentException.class, () -> new TileCoord(14, 1 << 14, 0));
        assertThrows(IllegalArgumentException.class, () -> TileCoord.parse("14", "x", "2"));
    }

    @Test
    void aTileOverItsByteBudgetIsSimplifiedAndThinnedUntilItFitsSmallestFirst() {
        org.locationtech.jts.geom.Envelope box = WebMercatorQuad.lonLatBounds(TILE, 0);
        double step = box.getHeight() / 40;
        Map<Long, Double> radius = new TreeMap<>();
        store.write("t", wr -> {
            for (int i = 0; i < 40; i++) {
                for (int j = 0; j < 40; j++) {
                    // Detailed circles of many sizes: many vertices each.
                    double r = step * (0.05 + 0.4 * ((i * 40 + j) * 7919 % 1600) / 1600.0);
                    Geometry c = GF.createPoint(new Coordinate(box.getMinX() + (i + 0.5) * step, box.getMinY() + (j + 0.5) * step))
                            .buffer(r, 64);
                    radius.put(wr.insert("plots", new FeatureDraft(c, Map.of("name", "c" + i + "-" + j))).id(), r);
                }
            }
            return null;
        });
        String small = "defaults: {minzoom: 8, maxzoom: 16, buffer: 4, simplify: 0.05, min_size: 0.1, max_features: 5000,"
                + " max_bytes: 30000}\nlayers:\n  plots: {attributes: [name], style: {kind: fill, color: '#00aa00'}}\n";
        VectorTiles budget = new VectorTiles(store, TileRules.read(new StringReader(small), "budget"), new TileCache(1 << 20));
        byte[] unlimited = tiles.layerTile(PLOTS, TILE).bytes();
        byte[] fitted = budget.layerTile(PLOTS, TILE).bytes();
        assertTrue(unlimited.length > 36_000, "the detailed tile is " + unlimited.length + " bytes");
        assertTrue(fitted.length <= 30_000, "fitted to " + fitted.length + " bytes");
        Map<Long, Geometry> kept = byId(read(fitted, "plots"));
        assertTrue(kept.size() > 50, kept.size() + " features kept");
        // The smallest go first: the 50 largest are all there (ones just above the size limit may collapse when
        // simplified, so the cut is not exact).
        radius.entrySet().stream().sorted(Map.Entry.<Long, Double>comparingByValue().reversed()).limit(50)
                .forEach(e -> assertTrue(kept.containsKey(e.getKey()), "circle " + e.getKey() + " of radius " + e.getValue()));
    }

    @Test
    void theCacheDropsExactlyTheTilesAWriteTouches() {
        org.locationtech.jts.geom.Envelope box = WebMercatorQuad.lonLatBounds(TILE, 0);
        long id = store.write("t", wr -> wr.insert("plots", new FeatureDraft(square(box.getMinX() + box.getWidth() * 0.4,
                box.getMinY() + box.getHeight() * 0.4, box.getWidth() * 0.2), Map.of("name", "a")))).id();
        TileCoord far = new TileCoord(14, TILE.x() + 5, TILE.y());
        TileCache.Tile before = tiles.layerTile(PLOTS, TILE);
        TileCache.Tile farBefore = tiles.layerTile(PLOTS, far);
        TileCache.Tile map = tiles.mapTile(List.of(PLOTS), TILE);
        assertEquals(before.bytes().length, map.bytes().length, "a one-layer map tile is that layer's tile");
        assertTrue(tiles.cache().find(new TileCache.Key("plots", TILE, "mvt")) != null);

        store.write("t", wr -> wr.replace("plots", id, new FeatureDraft(square(box.getMinX() + box.getWidth() * 0.5,
                box.getMinY() + box.getHeight() * 0.5, box.getWidth() * 0.2), Map.of("name", "b")), FeatureWriter.ANY_VERSION));
        assertNull(tiles.cache().find(new TileCache.Key("plots", TILE, "mvt")), "the edited tile is dropped");
        assertNull(tiles.cache().find(new TileCache.Key(TileCache.MAP, TILE, "mvt")), "and the map tile over it");
        assertNotNull(tiles.cache().find(new TileCache.Key("plots", far, "mvt")), "a tile far away is kept");
        TileCache.Tile after = tiles.layerTile(PLOTS, TILE);
        assertNotEquals(before.etag(), after.etag());
        assertEquals("b", ((Map<?, ?>) byId(read(after.bytes(), "plots")).get(id).getUserData()).get("name"));
        assertEquals(farBefore.etag(), tiles.layerTile(PLOTS, far).etag());

        // Tiles at other zooms that cover the edit go too.
        TileCoord parent = new TileCoord(12, TILE.x() / 4, TILE.y() / 4);
        tiles.layerTile(PLOTS, parent);
        store.write("t", wr -> {
            wr.delete("plots", id, FeatureWriter.ANY_VERSION);
            return null;
        });
        assertNull(tiles.cache().find(new TileCache.Key("plots", parent, "mvt")));
        assertEquals(0, tiles.layerTile(PLOTS, TILE).bytes().length);
    }
}
