package org.sinkatlas.sink.calc;

/**
 * What one hectare of a land-use history holds and exchanges in one year, once per Monte Carlo draw: the
 * CO2 its pools take up (their stock change, or a 2026.1 rate), the methane and nitrous oxide it emits (in
 * tonnes of the gas), the methane a 2026.1 standard showed without netting, and its carbon stock at the end
 * of the year; with each pool's stock averaged over the draws. Filled by an {@link Accounting}; read-only
 * after.
 */
public final class HectareYear {

    /** tCO2/ha/yr taken up by the pools (negative: released). */
    final double[] removals;
    /** t CH4/ha/yr. */
    final double[] methane;
    /** t N2O/ha/yr. */
    final double[] nitrousOxide;
    /** t CH4/ha/yr shown but not netted (2026.1 only). */
    final double[] methaneShown;
    /** tC/ha at the end of the year, all pools. */
    final double[] stock;
    /** Mean over the draws of each pool's stock, tC/ha: above ground, below ground, soil, dead organic matter. */
    final double[] meanPools = new double[4];

    HectareYear(int draws) {
        removals = new double[draws];
        methane = new double[draws];
        nitrousOxide = new double[draws];
        methaneShown = new double[draws];
        stock = new double[draws];
    }

    int draws() {
        return removals.length;
    }

    /** Bytes held, for the cache's weight. */
    int weight() {
        return 5 * 8 * removals.length + 64;
    }
}
