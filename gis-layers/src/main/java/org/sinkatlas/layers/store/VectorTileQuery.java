package org.sinkatlas.layers.store;

import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * One layer's Mapbox Vector Tile as an engine that makes tiles itself (PostGIS, with {@code ST_AsMVT}) is
 * asked for it. The tile service works the numbers out once; the engine and the service's own encoder
 * then follow the same rules, so both give the same features.
 *
 * @param z             zoom of the WebMercatorQuad tile
 * @param x             column
 * @param y             row
 * @param layerName     the name of the layer in the tile
 * @param extent        tile units across the tile (4096)
 * @param buffer        tile units kept around the tile, so that fills and lines meet across tile edges
 * @param simplifyMetres Douglas-Peucker tolerance in EPSG:3857 metres (0: none)
 * @param minSizeUnits  a feature whose box spans fewer tile units than this both across and up is left out
 *                      (it would be under a pixel); points are always kept
 * @param unitsPerDegreeX tile units per degree of longitude at this zoom
 * @param unitsPerDegreeY tile units per degree of latitude at the tile's centre
 * @param lonLatBounds  the tile and its buffer in the storage CRS
 * @param properties    the properties written with each feature
 * @param maxFeatures   the most features in the tile, the lowest ids first
 */
public record VectorTileQuery(int z, int x, int y, String layerName, int extent, int buffer, double simplifyMetres,
        double minSizeUnits, double unitsPerDegreeX, double unitsPerDegreeY, Envelope lonLatBounds,
        List<String> properties, int maxFeatures) {

    public VectorTileQuery {
        properties = List.copyOf(properties);
    }

    /** Whether a feature with this box (storage CRS) is big enough for the tile, by the same sums SQL does. */
    public boolean bigEnough(Envelope box) {
        if (box.getWidth() == 0 && box.getHeight() == 0) return true;
        return box.getWidth() * unitsPerDegreeX >= minSizeUnits || box.getHeight() * unitsPerDegreeY >= minSizeUnits;
    }
}
