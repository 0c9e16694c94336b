package org.sinkatlas.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.sinkatlas.layers.demo.DemoLayers;
import org.sinkatlas.layers.model.FeatureDraft;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.store.FeatureWriter;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.geopackage.GeoPackageStore;

/**
 * PNG map tiles drawn from real features in a GeoPackage store with the built-in rules and styles
 * ({@code tiles/layers.yaml}), decoded with ImageIO: what is painted where, in which colour and alpha, what
 * stays transparent, which zooms draw a layer at all, and which cached pictures a write drops. Features are
 * placed by tile pixel so that the expected pixels are known exactly.
 */
class PngTilesTest {

    static final GeometryFactory GF = new GeometryFactory();
    /** A z14 tile over Jinze, Qingpu. */
    static final TileCoord T = new TileCoord(14, WebMercatorQuad.column(120.91, 14), WebMercatorQuad.row(31.03, 14));

    static final LayerInfo WATER = demo(DemoLayers.WATER);
    static final LayerInfo WETLANDS = demo(DemoLayers.WETLANDS);
    static final LayerInfo FORESTS = demo(DemoLayers.FORESTS);
    static final LayerInfo PARCELS = demo(DemoLayers.PARCELS);
    static final LayerInfo DISTRICTS = demo(DemoLayers.DISTRICTS);
    static final LayerInfo KEY_ZONES = demo(DemoLayers.KEY_ZONES);
    static final LayerInfo GREENWAYS = demo(DemoLayers.GREENWAYS);
    static final LayerInfo ENERGY_SITES = demo(DemoLayers.ENERGY_SITES);
    static final LayerInfo SINK_GRID = MapStylesTest.SINK_GRID;

    @TempDir
    Path dir;

    LayerStore store;
    VectorTiles tiles;
    PngTiles pictures;

    @BeforeEach
    void open() {
        store = GeoPackageStore.open(dir.resolve("png.gpkg"));
        for (LayerInfo l : List.of(WATER, WETLANDS, FORESTS, PARCELS, DISTRICTS, KEY_ZONES, GREENWAYS, ENERGY_SITES, SINK_GRID)) {
            store.createLayer(l);
        }
        tiles = new VectorTiles(store, TileRules.builtIn(), new TileCache(64 << 20));
        pictures = new PngTiles(tiles, new MapStyles(tiles));
    }

    @AfterEach
    void close() {
        store.close();
    }

    static LayerInfo demo(String id) {
        return DemoLayers.all().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }

    // --- placing features by tile pixel -------------------------------------------------------------------

    /** The longitude and latitude of a point given in pixels of a tile (y down). */
    static Coordinate at(TileCoord t, double x, double y) {
        Envelope m = WebMercatorQuad.bounds(t, 0);
        return new Coordinate(WebMercatorQuad.lon(m.getMinX() + x / WebMercatorQuad.TILE_SIZE * m.getWidth()),
                WebMercatorQuad.lat(m.getMaxY() - y / WebMercatorQuad.TILE_SIZE * m.getHeight()));
    }

    static LinearRing ring(TileCoord t, double x0, double y0, double x1, double y1) {
        return GF.createLinearRing(new Coordinate[] {at(t, x0, y1), at(t, x1, y1), at(t, x1, y0), at(t, x0, y0), at(t, x0, y1)});
    }

    /** A rectangle from pixel (x0, y0) to (x1, y1). */
    static Polygon box(TileCoord t, double x0, double y0, double x1, double y1) {
        return GF.createPolygon(ring(t, x0, y0, x1, y1));
    }

    static Polygon lonLatBox(double lon0, double lat0, double lon1, double lat1) {
        return GF.createPolygon(new Coordinate[] {new Coordinate(lon0, lat0), new Coordinate(lon1, lat0),
            new Coordinate(lon1, lat1), new Coordinate(lon0, lat1), new Coordinate(lon0, lat0)});
    }

    long insert(LayerInfo layer, Geometry g, Map<String, ?> props) {
        return store.write("test", w -> w.insert(layer.id(), new FeatureDraft(g, props))).id();
    }

    // --- reading pictures ---------------------------------------------------------------------------------

    static BufferedImage decode(byte[] png) {
        assertTrue(png.length > 8, "a PNG, not " + png.length + " bytes");
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, Arrays.copyOf(png, 8));
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertNotNull(image, "ImageIO reads the tile");
            assertEquals(256, image.getWidth());
            assertEquals(256, image.getHeight());
            assertTrue(image.getColorModel().hasAlpha(), "the tile has an alpha channel");
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    BufferedImage render(TileCoord t, LayerInfo... layers) {
        return decode(pictures.render(List.of(layers), t));
    }

    static int alpha(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) >>> 24;
    }

    static int painted(BufferedImage image) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) if (alpha(image, x, y) > 0) n++;
        }
        return n;
    }

    static int[] rgb(String hex) {
        int v = Integer.parseInt(hex.substring(1), 16);
        return new int[] {(v >> 16) & 255, (v >> 8) & 255, v & 255};
    }

    /** Asserts a pixel's colour and alpha within a tolerance (compositing rounds by a unit or two). */
    static void assertPixel(BufferedImage image, int x, int y, int[] rgb, int alpha, int tolerance) {
        int argb = image.getRGB(x, y);
        int[] got = {(argb >> 16) & 255, (argb >> 8) & 255, argb & 255, argb >>> 24};
        int[] want = {rgb[0], rgb[1], rgb[2], alpha};
        for (int i = 0; i < 4; i++) {
            assertTrue(Math.abs(got[i] - want[i]) <= tolerance, "pixel " + x + "," + y + " is " + Arrays.toString(got)
                    + ", expected " + Arrays.toString(want) + " (r, g, b, a) within " + tolerance);
        }
    }

    static void assertPixel(BufferedImage image, int x, int y, String hex, double opacity) {
        assertPixel(image, x, y, rgb(hex), (int) Math.round(255 * opacity), 2);
    }

    static void assertTransparent(BufferedImage image, int x, int y) {
        assertEquals(0, alpha(image, x, y), "pixel " + x + "," + y + " is transparent");
    }

    /** Source-over of a colour on another, straight (not premultiplied) alpha in 0..1: {r, g, b, a} in 0..255. */
    static int[] over(String top, double topAlpha, String below, double belowAlpha) {
        int[] s = rgb(top);
        int[] d = rgb(below);
        double a = topAlpha + belowAlpha * (1 - topAlpha);
        int[] out = new int[4];
        for (int i = 0; i < 3; i++) out[i] = (int) Math.round((s[i] * topAlpha + d[i] * belowAlpha * (1 - topAlpha)) / a);
        out[3] = (int) Math.round(a * 255);
        return out;
    }

    // --- tests ----------------------------------------------------------------------------------------------

    @Test
    void aPolygonIsFilledWithItsConfiguredColourAndTheRestOfTheTileIsTransparent() {
        insert(WATER, box(T, 64, 64, 192, 192), Map.of("name", "淀山湖", "kind", "lake"));
        BufferedImage image = render(T, WATER);

        // water: color #8ec5ea, opacity 0.9, outline #5fa8d3
        for (int[] p : new int[][] {{128, 128}, {70, 70}, {185, 70}, {70, 185}, {185, 185}}) {
            assertPixel(image, p[0], p[1], "#8ec5ea", 0.9);
        }
        for (int[] p : new int[][] {{0, 0}, {10, 10}, {250, 128}, {128, 250}, {60, 128}, {196, 128}, {255, 255}}) {
            assertTransparent(image, p[0], p[1]);
        }
        // 128 × 128 pixels, and the anti-aliased 0.6-pixel outline around them.
        int n = painted(image);
        assertTrue(n >= 128 * 128 && n <= 130 * 130, n + " pixels painted");
        // The outline is drawn: the edge pixels lean to its darker blue, more opaque than the fill.
        int edge = image.getRGB(64, 128);
        assertTrue(((edge >> 16) & 255) < 0x8e - 8, "edge red " + ((edge >> 16) & 255));
        assertTrue((edge >>> 24) > 230, "edge alpha " + (edge >>> 24));
    }

    @Test
    void classColoursFollowEachFeaturesValue() {
        // parcels: sink_density steps, opacity 0.75
        insert(PARCELS, box(T, 16, 16, 112, 112), Map.of("code", "a", "sink_density", -6.0));
        insert(PARCELS, box(T, 144, 16, 240, 112), Map.of("code", "b", "sink_density", 1.0));
        insert(PARCELS, box(T, 16, 144, 112, 240), Map.of("code", "c", "sink_density", 4.0));
        insert(PARCELS, box(T, 144, 144, 240, 240), Map.of("code", "d"));
        BufferedImage parcels = render(T, PARCELS);
        assertPixel(parcels, 64, 64, "#7f3b08", 0.75);
        assertPixel(parcels, 192, 64, "#c7e9c0", 0.75);
        assertPixel(parcels, 64, 192, "#238b45", 0.75);
        assertPixel(parcels, 192, 192, "#dddddd", 0.75);
        assertTransparent(parcels, 128, 128);
        assertTransparent(parcels, 128, 64);

        // forests: matched on status, opacity 0.8; an unknown or missing status takes the default
        TileCoord t = new TileCoord(14, T.x() + 1, T.y());
        insert(FORESTS, box(t, 16, 16, 112, 112), Map.of("name", "a", "status", "built"));
        insert(FORESTS, box(t, 144, 16, 240, 112), Map.of("name", "b", "status", "planned"));
        insert(FORESTS, box(t, 16, 144, 112, 240), Map.of("name", "c", "status", "felled"));
        insert(FORESTS, box(t, 144, 144, 240, 240), Map.of("name", "d"));
        BufferedImage forests = render(t, FORESTS);
        assertPixel(forests, 64, 64, "#2e7d46", 0.8);
        assertPixel(forests, 192, 64, "#c7e6c1", 0.8);
        assertPixel(forests, 64, 192, "#5a9e62", 0.8);
        assertPixel(forests, 192, 192, "#5a9e62", 0.8);
        assertTransparent(render(T, FORESTS), 64, 64);
    }

    @Test
    void layersAreDrawnInTheMapsOrderFillsThenLinesThenCircles() {
        insert(WATER, box(T, 40, 40, 140, 140), Map.of("name", "w"));
        insert(WETLANDS, box(T, 100, 100, 200, 200), Map.of("name", "m"));
        insert(KEY_ZONES, box(T, 20.5, 20.5, 235.5, 235.5), Map.of("name", "k"));
        insert(GREENWAYS, GF.createLineString(new Coordinate[] {at(T, 10, 120.5), at(T, 246, 120.5)}),
                Map.of("name", "g", "status", "built"));
        insert(GREENWAYS, GF.createLineString(new Coordinate[] {at(T, 70.5, 45), at(T, 70.5, 95)}),
                Map.of("name", "h", "status", "under_construction"));
        insert(ENERGY_SITES, GF.createPoint(at(T, 70.5, 70.5)), Map.of("name", "e", "kind", "charging"));
        // Given in the opposite order: the picture still follows the rules file.
        BufferedImage image = render(T, ENERGY_SITES, GREENWAYS, KEY_ZONES, WETLANDS, WATER);

        // Wetlands (#6fb7a0 at 0.7) come after water (#8ec5ea at 0.9) in the file: drawn over it.
        int[] wetlandsOverWater = over("#6fb7a0", 0.7, "#8ec5ea", 0.9);
        assertPixel(image, 120, 110, wetlandsOverWater, wetlandsOverWater[3], 3);
        int[] waterOverWetlands = over("#8ec5ea", 0.9, "#6fb7a0", 0.7);
        int got = image.getRGB(120, 110);
        assertTrue(Math.abs(((got >> 16) & 255) - waterOverWetlands[0]) > 6, "not water over wetlands");
        assertPixel(image, 60, 60, "#8ec5ea", 0.9);
        assertPixel(image, 180, 180, "#6fb7a0", 0.7);

        // The greenway (built: #1b9e4b, 2.5 px, opaque) over both fills and on its own.
        assertPixel(image, 30, 120, "#1b9e4b", 1);
        assertPixel(image, 60, 120, "#1b9e4b", 1);
        assertPixel(image, 120, 120, "#1b9e4b", 1);
        assertTransparent(image, 30, 117);
        assertTransparent(image, 30, 124);

        // The key zone is an outline (#d1495b, 1.6 px): its edge is painted, its inside is not.
        assertPixel(image, 20, 60, "#d1495b", 1);
        assertPixel(image, 235, 200, "#d1495b", 1);
        assertPixel(image, 60, 235, "#d1495b", 1);
        assertTransparent(image, 30, 200);
        assertTransparent(image, 220, 40);
        assertTransparent(image, 17, 60);

        // The charging station (#4895ef, radius 5, white ring) on top of the water and of the greenway being built
        // (#f4a300) that runs through it.
        assertPixel(image, 70, 50, "#f4a300", 1);
        assertPixel(image, 70, 70, "#4895ef", 1);
        assertPixel(image, 70, 73, "#4895ef", 1);
        assertPixel(image, 72, 68, "#4895ef", 1);
        int ring = image.getRGB(75, 70);
        for (int shift : new int[] {16, 8, 0}) assertTrue(((ring >> shift) & 255) > 220, "white ring " + Integer.toHexString(ring));
        assertPixel(image, 78, 70, "#8ec5ea", 0.9);
    }

    @Test
    void holesAndEveryPartOfAMultiPolygonAreDrawn() {
        Polygon withHole = GF.createPolygon(ring(T, 20, 20, 120, 120), new LinearRing[] {ring(T, 50, 50, 90, 90)});
        Polygon second = box(T, 150, 150, 230, 230);
        insert(WATER, GF.createMultiPolygon(new Polygon[] {withHole, second}), Map.of("name", "two lakes"));
        BufferedImage image = render(T, WATER);
        assertPixel(image, 30, 30, "#8ec5ea", 0.9);
        assertPixel(image, 100, 70, "#8ec5ea", 0.9);
        assertTransparent(image, 70, 70);
        assertTransparent(image, 55, 85);
        assertPixel(image, 190, 190, "#8ec5ea", 0.9);
        assertTransparent(image, 135, 135);
        int n = painted(image);
        int area = 100 * 100 - 40 * 40 + 80 * 80;
        assertTrue(n >= area && n <= area + 2 * (400 + 160 + 320), n + " pixels painted for " + area);
    }

    @Test
    void dashesAreInLineWidthsAndSolidOutlinesAreUnbroken() {
        // districts: #6a4c93, 2.2 px, dash [4, 2] (8.8 px on, 4.4 px off); key zones: #d1495b, 1.6 px, solid
        insert(DISTRICTS, box(T, 40.5, 10.5, 215.5, 245.5), Map.of("name", "青浦区"));
        insert(KEY_ZONES, box(T, 40.5, 10.5, 215.5, 245.5), Map.of("name", "水乡客厅"));
        BufferedImage dashed = render(T, DISTRICTS);
        BufferedImage solid = render(T, KEY_ZONES);
        int on = 0;
        int off = 0;
        for (int y = 30; y <= 220; y++) {
            if (alpha(dashed, 40, y) > 200) on++;
            if (alpha(dashed, 40, y) < 60) off++;
            assertPixel(solid, 40, y, "#d1495b", 1);
        }
        assertTrue(on >= 100, on + " pixels of dashes");
        assertTrue(off >= 10, off + " pixels of gaps");
        assertPixel(dashed, 40, 12, "#6a4c93", 1);
        assertTransparent(dashed, 128, 128);
    }

    @Test
    void emptyInputGivesATransparentTile() {
        BufferedImage none = render(T);
        assertEquals(0, painted(none));
        BufferedImage empty = render(T, WATER, WETLANDS, ENERGY_SITES, GREENWAYS);
        assertEquals(0, painted(empty), "layers without features in the tile");
        insert(WATER, box(T, 64, 64, 192, 192), Map.of("name", "w"));
        assertEquals(0, painted(render(new TileCoord(14, T.x() + 3, T.y()), WATER)), "a tile away from the feature");
    }

    @Test
    void aLayerIsDrawnOnlyFromItsMinzoomAndAGeneralisedOneOnlyUpToItsMaxzoom() {
        // water: minzoom 4, tiled to 16 but drawn at any deeper zoom; a square degree around Jinze.
        insert(WATER, lonLatBox(120.4, 30.5, 121.4, 31.5), Map.of("name", "big"));
        assertEquals(0, painted(tileAt(3, WATER)), "zoom 3 is below the water's minzoom");
        BufferedImage z4 = tileAt(4, WATER);
        assertTrue(painted(z4) > 50, painted(z4) + " pixels at zoom 4");
        BufferedImage z18 = tileAt(18, WATER);
        assertEquals(256 * 256, painted(z18), "deep inside the water, a tile past its maxzoom is all water");
        assertPixel(z18, 0, 0, "#8ec5ea", 0.9);
        assertPixel(z18, 255, 255, "#8ec5ea", 0.9);

        // the sink grid: generalised, zooms 0 to 10; it gives way to the parcels from 11.
        insert(SINK_GRID, lonLatBox(120.8, 30.95, 121.0, 31.1), Map.of("cell", "x", "sink_density", 3.0));
        BufferedImage z10 = tileAt(10, SINK_GRID);
        int[] jinze = pixelOf(10, 120.91, 31.03);
        assertPixel(z10, jinze[0], jinze[1], "#74c476", 0.8);
        assertEquals(0, painted(tileAt(11, SINK_GRID)), "past the generalised grid's maxzoom");
        assertEquals(0, painted(tileAt(16, SINK_GRID)));
        assertTrue(painted(tileAt(0, SINK_GRID)) > 0, "the grid from zoom 0");

        // wetlands: the default minzoom 8
        insert(WETLANDS, lonLatBox(120.4, 30.5, 121.4, 31.5), Map.of("name", "big"));
        assertEquals(0, painted(tileAt(7, WETLANDS)));
        assertPixel(tileAt(8, WETLANDS), pixelOf(8, 120.91, 31.03)[0], pixelOf(8, 120.91, 31.03)[1], "#6fb7a0", 0.7);

        // Tiles outside the matrix cannot be asked for.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TileCoord(14, 1 << 14, 0));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new TileCoord(25, 0, 0));
        assertEquals("zoom 25 is outside 0..24", e.getMessage());
    }

    /** The tile over Jinze at a zoom. */
    BufferedImage tileAt(int z, LayerInfo layer) {
        return render(new TileCoord(z, WebMercatorQuad.column(120.91, z), WebMercatorQuad.row(31.03, z)), layer);
    }

    /** The pixel of a place in its tile at a zoom. */
    static int[] pixelOf(int z, double lon, double lat) {
        TileCoord t = new TileCoord(z, WebMercatorQuad.column(lon, z), WebMercatorQuad.row(lat, z));
        Envelope m = WebMercatorQuad.bounds(t, 0);
        return new int[] {(int) ((WebMercatorQuad.x(lon) - m.getMinX()) / m.getWidth() * 256),
            (int) ((m.getMaxY() - WebMercatorQuad.y(lat)) / m.getHeight() * 256)};
    }

    @Test
    void aCachedPictureIsKeptUntilAWriteChangesItsTile() {
        long id = insert(WATER, box(T, 16, 16, 100, 100), Map.of("name", "w"));
        TileCache.Tile first = pictures.tile(WATER.id(), List.of(WATER), T);
        assertSame(first, pictures.tile(WATER.id(), List.of(WATER), T), "served from the cache");
        assertNotNull(tiles.cache().find(new TileCache.Key(WATER.id(), T, "png")));
        TileCache.Tile map = pictures.tile(TileCache.MAP, List.of(WATER, WETLANDS), T);
        assertEquals(first.etag(), TileCache.of(first.bytes()).etag());
        BufferedImage before = decode(first.bytes());
        assertPixel(before, 50, 50, "#8ec5ea", 0.9);
        assertTransparent(before, 200, 200);
        assertArrayEquals(first.bytes(), map.bytes(), "the map of water and empty wetlands is the water's picture");

        // A tile elsewhere stays cached.
        TileCoord far = new TileCoord(14, T.x() + 6, T.y());
        TileCache.Tile farTile = pictures.tile(WATER.id(), List.of(WATER), far);

        store.write("test", w -> w.replace(WATER.id(), id, new FeatureDraft(box(T, 150, 150, 240, 240), Map.of("name", "w")),
                FeatureWriter.ANY_VERSION));
        assertNull(tiles.cache().find(new TileCache.Key(WATER.id(), T, "png")), "the layer's picture is dropped");
        assertNull(tiles.cache().find(new TileCache.Key(TileCache.MAP, T, "png")), "and the map's");
        assertSame(farTile, tiles.cache().find(new TileCache.Key(WATER.id(), far, "png")));

        TileCache.Tile second = pictures.tile(WATER.id(), List.of(WATER), T);
        assertNotEquals(first.etag(), second.etag());
        BufferedImage after = decode(second.bytes());
        assertTransparent(after, 50, 50);
        assertPixel(after, 200, 200, "#8ec5ea", 0.9);
    }
}
