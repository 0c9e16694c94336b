package org.sinkatlas.sink.calc;

import java.util.List;
import org.sinkatlas.layers.model.Localized;

/**
 * The sink estimate of one feature or of a group of features.
 *
 * @param stockTc           carbon stock, total and per pool (tC)
 * @param annualRemoval     CO2 taken up each year (tCO2e/yr)
 * @param methane           methane emitted each year and netted (tCO2e/yr)
 * @param methaneNotNetted  methane shown but not netted because its figure is unverified (tCO2e/yr)
 * @param net               annual removal less netted methane (tCO2e/yr); positive is a sink
 * @param explain           the steps, or empty when not asked for
 * @param scenario          the planned land cover's estimate and the change, or null
 */
public record SinkEstimate(double areaM2, LandCoverMix landcover, Stock stockTc, Quantiles annualRemoval,
        Quantiles methane, Quantiles methaneNotNetted, Quantiles net, EligibilityNote eligibility, String standardId,
        String standardVersion, List<ExplainStep> explain, Scenario scenario) {

    /** Carbon stock in tC, total and per pool. */
    public record Stock(double total, double aboveGround, double belowGround, double soil, double dead) {}

    /** Whether the sink can be credited, and what was checked. */
    public record EligibilityNote(String category, Localized text, List<Localized> checks) {}

    /**
     * A planned land cover against the current one: the planned estimate and the change (planned less
     * current), whose range comes from the same draws for both, as InVEST compares two scenarios.
     */
    public record Scenario(LandCoverMix planned, Stock plannedStockTc, Quantiles plannedNet, double stockChangeTc,
            double stockChangeTco2e, Quantiles annualRemovalChange, Quantiles netChange) {}
}
