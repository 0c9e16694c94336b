package org.sinkatlas.layers.crs;

import org.sinkatlas.layers.model.Localized;

/**
 * A coordinate reference system the service accepts and serves.
 *
 * @param uri           the OGC URI, e.g. {@code http://www.opengis.net/def/crs/EPSG/0/4549}
 * @param code          the short form, e.g. {@code EPSG:4549} or {@code OGC:CRS84}
 * @param epsg          the EPSG code that proj4j knows it by
 * @param northingFirst true when the authority's axis order puts north (latitude, northing) first:
 *                      EPSG:4326 and 4490 (lat, lon), EPSG:4549 (northing, easting). Coordinates in
 *                      requests and responses in this CRS follow that order; inside the service
 *                      geometries are always (east, north).
 * @param geographic    degrees (true) or metres (false)
 */
public record CrsDefinition(String uri, String code, Localized name, int epsg, boolean northingFirst,
        boolean geographic) {

    /** Whether two definitions describe the same coordinates apart from axis order (lon/lat on one datum). */
    boolean sameCoordinatesAs(CrsDefinition other) {
        return epsg == other.epsg || (geographic && other.geographic);
    }
}
