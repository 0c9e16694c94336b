package org.sinkatlas.server.sinks;

import org.sinkatlas.server.http.Csv;
import org.sinkatlas.server.http.Json;
import org.sinkatlas.sink.calc.ScenarioPath;
import org.sinkatlas.sink.calc.SinkEstimate;
import org.sinkatlas.sink.layers.SinkSummaries;
import org.sinkatlas.sink.standard.SinkStandard;

/**
 * Sink summaries as CSV: one row per group and a total, every figure the mean of the draws (the headline)
 * with the net's 5th and 95th percentiles; each row names the standard, the GWP set and the year.
 */
final class SummaryCsv {

    private SummaryCsv() {}

    static String summary(SinkSummaries.Summary s, SinkStandard standard) {
        Csv csv = new Csv().row("key", "features", "area_m2", "stock_tc_mean", "removals_tco2e_mean", "methane_tco2e_mean",
                "nitrous_oxide_tco2e_mean", "emissions_tco2e_mean", "net_tco2e_mean", "net_tco2e_p5", "net_tco2e_p95", "year",
                "gwp", "standard");
        for (SinkSummaries.Group g : s.groups()) row(csv, g.key(), g.features(), g.estimate(), standard);
        row(csv, "total", s.groups().stream().mapToDouble(SinkSummaries.Group::features).sum(), s.total(), standard);
        return csv.toString();
    }

    private static void row(Csv csv, String key, double features, SinkEstimate e, SinkStandard standard) {
        // Counts are whole but for features split between groups by their shares.
        double count = Json.round(features, 3);
        csv.row(key == null ? "" : key, Csv.num(count, count == Math.rint(count) ? 0 : 3), num(e.areaM2()), num(e.stock().mean()), num(e.removals().mean()),
                num(e.methane().mean()), num(e.nitrousOxide().mean()), num(e.emissions().mean()), num(e.net().mean()),
                num(e.net().p5()), num(e.net().p95()), String.valueOf(e.year()), e.gwp(), standard.key());
    }

    /** The plan's path: one row per group and year, then the total's. */
    static String plan(SinkSummaries.Plan p, SinkStandard standard) {
        Csv csv = new Csv().row("key", "year", "current_net_tco2e_mean", "planned_net_tco2e_mean", "difference_tco2e_mean",
                "difference_tco2e_p5", "difference_tco2e_p95", "cumulative_difference_tco2e_mean",
                "cumulative_difference_tco2e_p5", "cumulative_difference_tco2e_p95", "change_year", "gwp", "standard");
        for (SinkSummaries.GroupPath g : p.groups()) rows(csv, g.key(), g.path(), standard);
        rows(csv, "total", p.total(), standard);
        return csv.toString();
    }

    private static void rows(Csv csv, String key, ScenarioPath path, SinkStandard standard) {
        for (ScenarioPath.Year y : path.years()) {
            csv.row(key == null ? "" : key, String.valueOf(y.year()), num(y.currentNet().mean()), num(y.plannedNet().mean()),
                    num(y.difference().mean()), num(y.difference().p5()), num(y.difference().p95()),
                    num(y.cumulativeDifference().mean()), num(y.cumulativeDifference().p5()), num(y.cumulativeDifference().p95()),
                    String.valueOf(path.changeYear()), path.gwp(), standard.key());
        }
    }

    private static String num(double v) {
        return Csv.num(v, 4);
    }
}
