package org.sinkatlas.sink.calc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hectares per land-use history (stratum) held by a feature or a group of features, with their area and
 * count. A mutable accumulator: one per thread or group, then {@link #add} them. An estimate is linear in
 * these hectares, so a group's figures come from summing its strata draw by draw.
 */
public final class StratumAreas {

    final Map<LandUseHistory, Double> ha = new LinkedHashMap<>();
    double areaM2;
    double features;

    public StratumAreas add(StratumAreas other) {
        other.ha.forEach(this::add);
        areaM2 += other.areaM2;
        features += other.features;
        return this;
    }

    void add(LandUseHistory h, double hectares) {
        if (hectares != 0) ha.merge(h, hectares, Double::sum);
    }

    public double areaM2() {
        return areaM2;
    }

    /** How many features, counting a mixed feature split between groups by its share. */
    public double features() {
        return features;
    }

    /** Sets the feature count, for groups built from summed class areas rather than from features. */
    public void setFeatures(double count) {
        features = count;
    }

    /** Hectares per history. */
    public Map<LandUseHistory, Double> hectares() {
        return Collections.unmodifiableMap(ha);
    }
}
