package org.sinkatlas.sink.calc;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.sinkatlas.sink.standard.SinkStandard;
import org.sinkatlas.sink.standard.UncertainFigure;

/**
 * The Monte Carlo draws of a standard's uncertain coefficients: N values of each, drawn once per iteration
 * and shared by every parcel (a class's coefficient is uncertain, not independent from parcel to parcel).
 * Each coefficient has its own stream seeded from the standard's seed and the coefficient's id, so that
 * adding a coefficient to a new version does not change the others' draws. A second instance holds one
 * "draw" per coefficient, its central value: the arithmetic that explains an estimate runs on it.
 */
public final class CoefficientDraws {

    private final long seed;
    private final int iterations;
    private final boolean central;
    private final Map<String, double[]> draws = new ConcurrentHashMap<>();

    private CoefficientDraws(long seed, int iterations, boolean central) {
        this.seed = seed;
        this.iterations = iterations;
        this.central = central;
    }

    /** The draws of a standard, with its iteration count and seed. */
    public static CoefficientDraws of(SinkStandard s) {
        return new CoefficientDraws((long) s.parameter("monte_carlo_seed"), (int) s.parameter("monte_carlo_iterations"), false);
    }

    /** One iteration holding every coefficient's central value. */
    public static CoefficientDraws central() {
        return new CoefficientDraws(0, 1, true);
    }

    public int iterations() {
        return iterations;
    }

    public long seed() {
        return seed;
    }

    public boolean isCentral() {
        return central;
    }

    /** The draws of a coefficient (the same array on every call; do not change it), or null for null. */
    public double[] of(UncertainFigure f) {
        if (f == null) return null;
        return draws.computeIfAbsent(f.id(), k -> {
            double[] d = new double[iterations];
            if (central) {
                d[0] = f.central();
                return d;
            }
            SplittableRandom r = new SplittableRandom(seed ^ (k.hashCode() * 0x9E3779B97F4A7C15L));
            for (int i = 0; i < iterations; i++) d[i] = f.draw(r);
            return d;
        });
    }

    /** The i-th draw of a coefficient, or {@code absent} for a null one. */
    public double value(UncertainFigure f, int i, double absent) {
        return f == null ? absent : of(f)[i];
    }
}
