package org.sinkatlas.sink.calc;

/**
 * Hectares per unit of the standard (class rows and urban-green components) held by a feature or a group
 * of features, with their total area and count. A mutable accumulator: one per thread or group, then
 * {@link #add} them.
 */
public final class UnitAreas {

    final double[] ha;
    double areaM2;
    double features;

    public UnitAreas(int units) {
        this.ha = new double[units];
    }

    public UnitAreas add(UnitAreas other) {
        for (int i = 0; i < ha.length; i++) ha[i] += other.ha[i];
        areaM2 += other.areaM2;
        features += other.features;
        return this;
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
}
