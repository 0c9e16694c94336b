package org.sinkatlas.server.sinks;

import org.sinkatlas.server.http.Csv;
import org.sinkatlas.sink.calc.SinkEstimate;
import org.sinkatlas.sink.layers.SinkSummaries;

/** A sink summary as CSV. */
final class SummaryCsv {

    private SummaryCsv() {}

    static String write(SinkSummaries.Summary s) {
        Csv csv = new Csv().row(SinkApi.csvHeader());
        for (SinkSummaries.Group g : s.groups()) row(csv, g.key(), g.features(), g.estimate());
        row(csv, "total", s.groups().stream().mapToDouble(SinkSummaries.Group::features).sum(), s.total());
        return csv.toString();
    }

    private static void row(Csv csv, String key, double features, SinkEstimate e) {
        csv.row(key == null ? "" : key, num(features), num(e.areaM2()), num(e.stockTc().total()),
                num(e.annualRemoval().p5()), num(e.annualRemoval().p50()), num(e.annualRemoval().p95()),
                num(e.methane().p50()), num(e.net().p5()), num(e.net().p50()), num(e.net().p95()), num(e.net().central()));
    }

    private static String num(double v) {
        return Csv.num(v, 4);
    }
}
