package org.sinkatlas.tiles;

/**
 * A tile of the WebMercatorQuad tile matrix set: zoom (tile matrix), column x and row y, counted from the
 * top left as XYZ and OGC API Tiles both do.
 */
public record TileCoord(int z, int x, int y) {

    public TileCoord {
        if (z < 0 || z > WebMercatorQuad.MAX_ZOOM) {
            throw new IllegalArgumentException("zoom " + z + " is outside 0.." + WebMercatorQuad.MAX_ZOOM);
        }
        long n = 1L << z;
        if (x < 0 || x >= n || y < 0 || y >= n) {
            throw new IllegalArgumentException("tile " + z + "/" + x + "/" + y + " does not exist: at zoom " + z
                    + " columns and rows run from 0 to " + (n - 1));
        }
    }

    /**
     * Reads a tile from path text, e.g. {@code "12", "3425", "1662"}.
     *
     * @throws IllegalArgumentException naming the part that is not a whole number or out of range
     */
    public static TileCoord parse(String z, String x, String y) {
        return new TileCoord(number("zoom", z), number("column", x), number("row", y));
    }

    private static int number(String what, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the tile " + what + " must be a whole number, not '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return z + "/" + x + "/" + y;
    }
}
