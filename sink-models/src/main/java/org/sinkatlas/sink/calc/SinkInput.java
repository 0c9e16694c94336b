package org.sinkatlas.sink.calc;

import org.locationtech.jts.geom.Geometry;

/**
 * What the calculator needs to know of a feature.
 *
 * @param geometry          lon/lat (CRS84); polygons are measured, lines are buffered by {@code widthM} on
 *                          each side (default: the standard's greenway width), points need {@code areaM2}
 * @param treeCrownFraction overrides the tree-crown share of urban green space
 * @param widthM            planted width on each side of a line, metres
 * @param areaM2            the area of a point feature (e.g. a vertical-greening site)
 * @param ageYears          stand age; recorded in the explanation (this standard has no age curves)
 * @param planned           a planned land cover for the scenario, or null
 */
public record SinkInput(Geometry geometry, LandCoverMix landcover, Double treeCrownFraction, Double widthM, Double areaM2,
        Integer ageYears, LandCoverMix planned) {

    public static SinkInput of(Geometry geometry, LandCoverMix landcover) {
        return new SinkInput(geometry, landcover, null, null, null, null, null);
    }
}
