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
 * @param landuseSince      the year the current land cover began (planting, conversion), or null when it is
 *                          long established
 * @param previous          the land cover before {@code landuseSince}, or null when unknown
 * @param planned           a planned land cover for the scenario, or null
 * @param facts             what the CCER screen asks that the land cover does not tell
 */
public record SinkInput(Geometry geometry, LandCoverMix landcover, Double treeCrownFraction, Double widthM, Double areaM2,
        Integer landuseSince, String previous, LandCoverMix planned, SiteFacts facts) {

    public SinkInput {
        if (facts == null) facts = SiteFacts.NONE;
    }

    public static SinkInput of(Geometry geometry, LandCoverMix landcover) {
        return new SinkInput(geometry, landcover, null, null, null, null, null, null, SiteFacts.NONE);
    }

    /** The same input with a land-use history. */
    public SinkInput since(int year, String previousCode) {
        return new SinkInput(geometry, landcover, treeCrownFraction, widthM, areaM2, year, previousCode, planned, facts);
    }

    /** The same input with a planned land cover. */
    public SinkInput planned(LandCoverMix plannedCover) {
        return new SinkInput(geometry, landcover, treeCrownFraction, widthM, areaM2, landuseSince, previous, plannedCover, facts);
    }

    /**
     * Facts of a site that the CCER screen needs and a land cover does not hold; null where unknown.
     *
     * @param basicFarmland       whether the land is permanent basic farmland (永久基本农田)
     * @param economicForest      whether the (planned) forest is economic forest (经济林: fruit, oil, medicine)
     * @param publicWelfareForest whether it is ecological public-welfare forest (生态公益林)
     * @param farmingDisplaced    whether the farming or grazing it held moves elsewhere
     */
    public record SiteFacts(Boolean basicFarmland, Boolean economicForest, Boolean publicWelfareForest,
            Boolean farmingDisplaced) {
        public static final SiteFacts NONE = new SiteFacts(null, null, null, null);
    }
}
