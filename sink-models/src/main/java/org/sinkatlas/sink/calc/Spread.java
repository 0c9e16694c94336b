package org.sinkatlas.sink.calc;

/**
 * A figure with its uncertainty, from the Monte Carlo draws: the mean of the draws (the headline: means add
 * up across parcels and groups, medians do not) and the 5th and 95th percentiles (nearest rank).
 */
public record Spread(double mean, double p5, double p95) {

    public static final Spread ZERO = new Spread(0, 0, 0);

    /** The spread of {@code factor} times the quantity (percentiles swap for a negative factor). */
    public Spread scaled(double factor) {
        return factor >= 0 ? new Spread(mean * factor, p5 * factor, p95 * factor)
                : new Spread(mean * factor, p95 * factor, p5 * factor);
    }

    /** Mean and nearest-rank 5th and 95th percentiles of draws; reorders {@code values}. */
    static Spread of(double[] values) {
        int n = values.length;
        double sum = 0;
        for (double v : values) sum += v;
        if (n == 1) return new Spread(sum, sum, sum);
        double p5 = select(values, 0, n - 1, (int) Math.ceil(0.05 * n) - 1);
        double p95 = select(values, 0, n - 1, (int) Math.ceil(0.95 * n) - 1);
        return new Spread(sum / n, p5, p95);
    }

    /**
     * The k-th smallest value of {@code a[lo..hi]} (quickselect with a middle pivot), leaving smaller values
     * before it and larger after; reorders that range.
     */
    private static double select(double[] a, int lo, int hi, int k) {
        while (lo < hi) {
            double pivot = a[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i <= j) {
                    double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else return a[k];
        }
        return a[k];
    }
}
