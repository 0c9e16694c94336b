package org.sinkatlas.sink.standard;

import java.util.SplittableRandom;

/**
 * A coefficient with its range and distribution (a rate, a stock, a factor, an emission factor).
 *
 * @param id     where the figure sits in the standard, e.g. {@code classes.0301.biomass.growth}; its draws
 *               are seeded from it, so that adding a figure to a new version does not change the others'
 * @param netted for a legacy methane figure: whether it is subtracted in the net (always true from 2027.1)
 */
public record UncertainFigure(String id, double low, double central, double high, Distribution distribution,
        double lowerBound, double upperBound, boolean netted, String unit, String source, String where, Checked checked)
        implements Coefficient {

    /** A draw within the physical bounds (drawn again when outside them, never clamped). */
    public double draw(SplittableRandom random) {
        if (low == high && distribution != Distribution.NORMAL && distribution != Distribution.LOGNORMAL
                && distribution != Distribution.NORMAL95) {
            return central;
        }
        for (int attempt = 0; attempt < 1000; attempt++) {
            double v = distribution.draw(low, central, high, random);
            if (v >= lowerBound && v <= upperBound) return v;
        }
        return Math.max(lowerBound, Math.min(upperBound, central));
    }

    @Override
    public double centralValue() {
        return central;
    }
}
