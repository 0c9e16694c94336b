package org.sinkatlas.sink.calc;

/**
 * A figure with its uncertainty: 5th, 50th and 95th percentiles of the Monte Carlo draws, and the value
 * from the central coefficients.
 */
public record Quantiles(double p5, double p50, double p95, double central) {

    public static final Quantiles ZERO = new Quantiles(0, 0, 0, 0);

    public Quantiles scaled(double factor) {
        return factor >= 0 ? new Quantiles(p5 * factor, p50 * factor, p95 * factor, central * factor)
                : new Quantiles(p95 * factor, p50 * factor, p5 * factor, central * factor);
    }
}
