package org.sinkatlas.sink.calc;

import java.util.List;

/**
 * The plan against today over a span of years: each year's net of the current land cover kept as it is
 * and of the planned one from the change year, their difference, and the difference summed since the first
 * year, all from the same draws (tCO2e). Stocks are at the end of each year (tC, means).
 */
public record ScenarioPath(int from, int to, int changeYear, String gwp, List<Year> years) {

    /** One year of the path. */
    public record Year(int year, Spread currentNet, Spread plannedNet, Spread difference, Spread cumulativeDifference,
            double currentStock, double plannedStock) {}

    /** The last year's cumulative difference: what the plan adds over the whole span. */
    public Spread total() {
        return years.get(years.size() - 1).cumulativeDifference();
    }
}
