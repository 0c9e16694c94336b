package org.sinkatlas.sink.standard;

/**
 * A coefficient with its range and distribution: an annual removal (tCO2e/ha/yr) or a methane emission
 * (t CH4/ha/yr).
 *
 * @param netted for methane: whether it is subtracted in the net figure (unverified methane is shown but
 *               not netted)
 */
public record UncertainFigure(double low, double central, double high, Distribution distribution, double lowerBound,
        double upperBound, boolean netted, String source, String where, Checked checked) {

    /** A draw within the physical bounds. */
    public double draw(java.util.SplittableRandom random) {
        if (low == high && distribution != Distribution.NORMAL && distribution != Distribution.LOGNORMAL) return central;
        for (int attempt = 0; attempt < 1000; attempt++) {
            double v = distribution.draw(low, central, high, random);
            if (v >= lowerBound && v <= upperBound) return v;
        }
        return Math.max(lowerBound, Math.min(upperBound, central));
    }
}
