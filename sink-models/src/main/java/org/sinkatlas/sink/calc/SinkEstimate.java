package org.sinkatlas.sink.calc;

import java.util.List;

/**
 * The sink estimate of one feature or of a group of features in one year. Every figure is a {@link Spread}
 * whose headline is the mean of the Monte Carlo draws; the net is removals less emissions, draw by draw, so
 * its mean is exactly the means' difference.
 *
 * @param year             the year accounted (fluxes over the year, stock at its end)
 * @param gwp              the GWP set that turned methane and nitrous oxide into CO2e
 * @param stock            carbon stock at the end of the year, tC, all pools
 * @param pools            the mean stock of each pool, tC
 * @param removals         CO2 taken up by the pools (their stock change; a 2026.1 rate), tCO2/yr
 * @param methane          methane emitted, tCO2e/yr (netted)
 * @param nitrousOxide     nitrous oxide emitted, tCO2e/yr (netted)
 * @param emissions        methane and nitrous oxide, tCO2e/yr
 * @param net              removals less emissions, tCO2e/yr; positive is a sink
 * @param methaneNotNetted methane a 2026.1 figure showed without netting it, tCO2e/yr (zero from 2027.1)
 * @param explain          the steps, or empty when not asked for
 */
public record SinkEstimate(double areaM2, LandCoverMix landcover, int year, String gwp, Spread stock, Pools pools,
        Spread removals, Spread methane, Spread nitrousOxide, Spread emissions, Spread net, Spread methaneNotNetted,
        Eligibility eligibility, String standardId, String standardVersion, int draws, List<ExplainStep> explain) {

    /** Mean carbon stock per pool, tC. */
    public record Pools(double aboveGround, double belowGround, double soil, double dead) {}

    /** The same figures as one feature's: its land cover, eligibility screen and steps. */
    SinkEstimate of(LandCoverMix cover, Eligibility e, List<ExplainStep> steps) {
        return new SinkEstimate(areaM2, cover, year, gwp, stock, pools, removals, methane, nitrousOxide, emissions, net,
                methaneNotNetted, e, standardId, standardVersion, draws, steps);
    }

    /** Net per hectare, tCO2e/ha/yr (the headline's density that colours the map). */
    public double netDensity() {
        return areaM2 > 0 ? net.mean() / (areaM2 / 10_000) : 0;
    }
}
