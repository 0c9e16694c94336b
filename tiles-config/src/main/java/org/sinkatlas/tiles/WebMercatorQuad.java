package org.sinkatlas.tiles;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * The OGC WebMercatorQuad tile matrix set (OGC 17-083r4 annex D.1, the Google Maps compatible tiling of
 * EPSG:3857): tile 0/0/0 covers the world between ±85.0511° of latitude in 256 × 256 pixels, and each zoom
 * splits every tile in four. Conversions here are the spherical Mercator formulas the set is defined by.
 */
public final class WebMercatorQuad {

    public static final String ID = "WebMercatorQuad";
    public static final String URI = "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad";
    public static final String CRS = "http://www.opengis.net/def/crs/EPSG/0/3857";
    public static final String WELL_KNOWN_SCALE_SET = "http://www.opengis.net/def/wkss/OGC/1.0/GoogleMapsCompatible";

    /** The deepest zoom the service answers (about 2 cm pixels); deeper requests are refused. */
    public static final int MAX_ZOOM = 24;
    public static final int TILE_SIZE = 256;

    private static final double RADIUS = 6_378_137.0;
    /** Half the width of the world in metres: the x and y of the top left corner. */
    public static final double ORIGIN = Math.PI * RADIUS;
    /** Metres per pixel at zoom 0. */
    public static final double CELL_SIZE_0 = 2 * ORIGIN / TILE_SIZE;
    /** The standardized rendering pixel size (0.28 mm) that turns cell sizes into scale denominators. */
    private static final double PIXEL_METRES = 0.00028;
    public static final double MAX_LATITUDE = Math.toDegrees(Math.atan(Math.sinh(Math.PI)));

    private WebMercatorQuad() {}

    /** One tile matrix as the tile matrix set's JSON encoding describes it. */
    public record TileMatrix(String id, double scaleDenominator, double cellSize, int matrixSize) {}

    public static List<TileMatrix> tileMatrices() {
        List<TileMatrix> out = new ArrayList<>();
        for (int z = 0; z <= MAX_ZOOM; z++) {
            double cell = CELL_SIZE_0 / (1L << z);
            out.add(new TileMatrix(Integer.toString(z), cell / PIXEL_METRES, cell, 1 << z));
        }
        return out;
    }

    public static double x(double lon) {
        return Math.toRadians(lon) * RADIUS;
    }

    public static double y(double lat) {
        double clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
        return Math.log(Math.tan(Math.PI / 4 + Math.toRadians(clamped) / 2)) * RADIUS;
    }

    public static double lon(double x) {
        return Math.toDegrees(x / RADIUS);
    }

    public static double lat(double y) {
        return Math.toDegrees(2 * Math.atan(Math.exp(y / RADIUS)) - Math.PI / 2);
    }

    /** The tile's box in EPSG:3857 metres, widened by {@code margin} of its width on each side. */
    public static Envelope bounds(TileCoord t, double margin) {
        double size = 2 * ORIGIN / (1L << t.z());
        double minX = -ORIGIN + t.x() * size;
        double maxY = ORIGIN - t.y() * size;
        return new Envelope(minX - margin * size, minX + size + margin * size, maxY - size - margin * size,
                maxY + margin * size);
    }

    /** The tile's box in longitude and latitude (storage CRS), widened by {@code margin} of its width. */
    public static Envelope lonLatBounds(TileCoord t, double margin) {
        Envelope m = bounds(t, margin);
        return new Envelope(lon(m.getMinX()), lon(m.getMaxX()), lat(m.getMinY()), lat(m.getMaxY()));
    }

    /** The column of the tile that holds a longitude at a zoom (clamped to the matrix). */
    public static int column(double lon, int z) {
        int n = 1 << z;
        return Math.max(0, Math.min(n - 1, (int) Math.floor((x(lon) + ORIGIN) / (2 * ORIGIN) * n)));
    }

    /** The row of the tile that holds a latitude at a zoom (clamped to the matrix). */
    public static int row(double lat, int z) {
        int n = 1 << z;
        return Math.max(0, Math.min(n - 1, (int) Math.floor((ORIGIN - y(lat)) / (2 * ORIGIN) * n)));
    }

    /** The tiles of a zoom that a box in longitude and latitude touches, as {minCol, minRow, maxCol, maxRow}. */
    public static int[] range(Envelope lonLat, int z) {
        return new int[] {column(lonLat.getMinX(), z), row(lonLat.getMaxY(), z), column(lonLat.getMaxX(), z),
            row(lonLat.getMinY(), z)};
    }
}
