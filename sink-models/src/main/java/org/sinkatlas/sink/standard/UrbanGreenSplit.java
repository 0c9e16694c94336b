package org.sinkatlas.sink.standard;

/**
 * How urban green space divides into tree crown, lawn and paved parts (fractions summing to 1), and for
 * greenways the default planted width on each side of the centre line.
 *
 * @param widthM null for area features (parks)
 */
public record UrbanGreenSplit(String id, double treeCrown, double lawn, double paved, Double widthM, String source,
        String where, Checked checked) {

    /**
     * The split with another tree-crown share: lawn keeps its share of what is not crown, paved takes the
     * rest.
     */
    public UrbanGreenSplit withTreeCrown(double crown) {
        double rest = 1 - crown;
        double lawnShare = lawn + paved == 0 ? 0 : lawn / (lawn + paved);
        return new UrbanGreenSplit(id, crown, rest * lawnShare, rest * (1 - lawnShare), widthM, source, where, checked);
    }
}
