package org.sinkatlas.sink.standard;

import java.util.SplittableRandom;

/**
 * The shape of an uncertain coefficient between its low, central and high values. Draws are truncated at
 * the figure's physical bounds by drawing again, never by clamping.
 */
public enum Distribution {
    /** low, mode = central, high. */
    TRIANGULAR,
    /** low..high. */
    UNIFORM,
    /** mean = central; low and high are the 5th and 95th percentiles. */
    NORMAL,
    /**
     * mean = central; low and high are the 2.5th and 97.5th percentiles: the IPCC's "± x %" and "95 %
     * confidence interval" ranges.
     */
    NORMAL95,
    /** median = central; high is the 95th percentile. */
    LOGNORMAL;

    private static final double Z95 = 1.6448536269514722;
    private static final double Z975 = 1.959963984540054;

    /** One draw. */
    public double draw(double low, double central, double high, SplittableRandom random) {
        switch (this) {
            case UNIFORM:
                return low + (high - low) * random.nextDouble();
            case NORMAL:
                return central + gaussian(random) * (high - low) / (2 * Z95);
            case NORMAL95:
                return central + gaussian(random) * (high - low) / (2 * Z975);
            case LOGNORMAL:
                return central * Math.exp(gaussian(random) * Math.log(high / central) / Z95);
            default: {
                if (high == low) return low;
                double u = random.nextDouble();
                double c = (central - low) / (high - low);
                return u < c ? low + Math.sqrt(u * (high - low) * (central - low))
                        : high - Math.sqrt((1 - u) * (high - low) * (high - central));
            }
        }
    }

    /** The name used in standard files: {@code triangular}, {@code normal95} ... */
    public String fileName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller on SplittableRandom, which (unlike java.util.Random) has no nextGaussian in Java 17.
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
