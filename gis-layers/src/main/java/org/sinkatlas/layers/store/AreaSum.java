package org.sinkatlas.layers.store;

import java.util.List;

/**
 * Summed area of one class in one group (and stratum).
 *
 * @param group        the group's value (null for features without one)
 * @param weightedM2   Σ area × weight over features that have a weight
 * @param weightKnownM2 the area of those features
 * @param features     Σ fraction: the number of features, counting a mixed one by its share
 * @param stratum      the values of the query's stratum properties as text (null where a feature has none)
 */
public record AreaSum(Object group, String cls, double areaM2, double weightedM2, double weightKnownM2, double features,
        List<String> stratum) {

    public AreaSum {
        stratum = stratum == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(stratum));
    }

    public AreaSum(Object group, String cls, double areaM2, double weightedM2, double weightKnownM2, double features) {
        this(group, cls, areaM2, weightedM2, weightKnownM2, features, List.of());
    }
}
