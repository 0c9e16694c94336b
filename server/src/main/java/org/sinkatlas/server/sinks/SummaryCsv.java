package org.sinkatlas.server.sinks;

import java.util.List;
import java.util.Locale;
import org.sinkatlas.sink.calc.SinkEstimate;
import org.sinkatlas.sink.layers.SinkSummaries;

/** A sink summary as CSV (RFC 4180, UTF-8 with a byte-order mark so that spreadsheets read the Chinese names). */
final class SummaryCsv {

    private SummaryCsv() {}

    static String write(SinkSummaries.Summary s) {
        StringBuilder b = new StringBuilder("\uFEFF");
        b.append(String.join(",", SinkApi.csvHeader())).append("\r\n");
        for (SinkSummaries.Group g : s.groups()) row(b, g.key(), g.features(), g.estimate());
        row(b, "total", s.groups().stream().mapToDouble(SinkSummaries.Group::features).sum(), s.total());
        return b.toString();
    }

    private static void row(StringBuilder b, String key, double features, SinkEstimate e) {
        List<String> cells = List.of(quote(key == null ? "" : key), num(features), num(e.areaM2()), num(e.stockTc().total()),
                num(e.annualRemoval().p5()), num(e.annualRemoval().p50()), num(e.annualRemoval().p95()),
                num(e.methane().p50()), num(e.net().p5()), num(e.net().p50()), num(e.net().p95()), num(e.net().central()));
        b.append(String.join(",", cells)).append("\r\n");
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
