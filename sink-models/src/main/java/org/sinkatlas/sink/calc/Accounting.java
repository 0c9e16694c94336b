package org.sinkatlas.sink.calc;

import org.sinkatlas.sink.standard.SinkStandard;

/**
 * How a standard's method turns a hectare's land-use history into a year's stock and fluxes, for every
 * draw of the coefficients. Pure and thread-safe.
 */
interface Accounting {

    /** Fills {@code out} with the hectare's year (end-of-year stock, the year's fluxes), one entry per draw. */
    void evaluate(LandUseHistory history, int year, HectareYear out);

    /** The accounting of a standard's method, on the given draws. */
    static Accounting of(SinkStandard standard, CoefficientDraws draws) {
        return standard.method() == SinkStandard.Method.STOCK_CHANGE ? new StockChangeAccounting(standard, draws)
                : new ConstantRateAccounting(standard, draws);
    }
}
