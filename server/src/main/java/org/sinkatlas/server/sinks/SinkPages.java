package org.sinkatlas.server.sinks;

import static org.sinkatlas.server.html.HtmlPages.esc;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sinkatlas.layers.model.Localized;
import org.sinkatlas.server.html.HtmlPages;
import org.sinkatlas.server.http.Link;
import org.sinkatlas.sink.analysis.FigureStatus;
import org.sinkatlas.sink.calc.Eligibility;
import org.sinkatlas.sink.calc.ExplainStep;
import org.sinkatlas.sink.calc.SinkEstimate;
import org.sinkatlas.sink.calc.Spread;
import org.sinkatlas.sink.layers.SinkSummaries;
import org.sinkatlas.sink.report.ParcelReport;
import org.sinkatlas.sink.standard.Coefficient;
import org.sinkatlas.sink.standard.SinkStandard;
import org.sinkatlas.sink.standard.UncertainFigure;

/**
 * The sink pages for people, in Chinese and English: the released standards, one standard with every
 * coefficient, its source and how it was checked, a parcel's printable report and the summary by group. Nothing on a page
 * depends on when it was made, so the same input gives the same bytes.
 */
final class SinkPages {

    private static final String PRINT = "<style>@media print{header,nav.crumbs,.noprint{display:none}main{padding:0}"
            + "table{font-size:8pt}}td.v{white-space:nowrap}</style>";

    private SinkPages() {}

    static String standards(String base, List<SinkStandard> all, SinkStandard current) {
        StringBuilder b = new StringBuilder("<table><tr><th>版本 Version</th><th>名称 Title</th><th>发布 Released</th>"
                + "<th>已读原文 Read in source</th><th></th></tr>");
        for (SinkStandard s : all) {
            FigureStatus st = FigureStatus.of(s);
            b.append("<tr><td><a href=\"").append(esc(base)).append("/sinks/standards/").append(esc(s.key())).append("?f=html\">")
                    .append(esc(s.key())).append("</a></td><td>").append(esc(s.title().zh())).append("<br><span class=muted>")
                    .append(esc(s.title().en())).append("</span></td><td>").append(s.released()).append("</td><td class=num>")
                    .append(percent(st.readShare())).append(" (").append(st.byStatus().get(org.sinkatlas.sink.standard.Checked.V))
                    .append(" / ").append(st.measured()).append(")</td><td>").append(s == current ? "现行 current" : "")
                    .append("</td></tr>");
        }
        b.append("</table>");
        return HtmlPages.page(Localized.of("碳汇标准", "Sink standards"), base, HtmlPages.crumbs(base), b.toString());
    }

    static String standard(String base, SinkStandard s, boolean current) {
        FigureStatus st = FigureStatus.of(s);
        StringBuilder b = new StringBuilder();
        b.append("<p>").append(esc(s.summary().zh())).append("</p><p class=muted>").append(esc(s.summary().en()))
                .append("</p><p>").append(current ? "现行版本 Current version · " : "").append("发布 Released ")
                .append(s.released()).append(" · <a href=\"").append(esc(base)).append("/sinks/standards/").append(esc(s.key()))
                .append("?f=json\">JSON</a> · <a href=\"").append(esc(base)).append("/sinks/standards/").append(esc(s.key()))
                .append("/sensitivity\">敏感性 Sensitivity</a></p>");
        b.append("<p>已读原文的实测数值 Measured figures read in their source: <b>").append(percent(st.readShare())).append("</b> (");
        st.byStatus().forEach((k, v) -> b.append(k).append(' ').append(v).append(' '));
        b.append("of ").append(st.measured()).append(")</p>");
        b.append("<p class=muted>核实状态 Checked: V 已读原文 read in source · V2 转引 quoted · D 推导 derived · U 未核实 unverified."
                + " 政策性取值不计入 Policy choices are not counted.</p>");
        b.append("<table><tr><th>数值 Figure</th><th>值 Value</th><th>单位 Unit</th><th>核实 Checked</th><th>来源 Source</th></tr>");
        for (Coefficient c : s.coefficients()) {
            b.append("<tr><td><code>").append(esc(c.id())).append("</code></td><td class=v>").append(esc(value(c)))
                    .append("</td><td>").append(esc(c.unit())).append("</td><td>").append(c.checked()).append("</td><td>")
                    .append(esc(c.source())).append(": ").append(esc(c.where())).append("</td></tr>");
        }
        b.append("</table><h3>地类 Classes</h3><table><tr><th>地类 Codes</th><th>名称 Class</th><th>计入方式 Counted as</th></tr>");
        s.rows().forEach(r -> b.append("<tr><td>").append(esc(String.join(" ", r.codes()))).append("</td><td>")
                .append(esc(r.name().zh())).append("<br><span class=muted>").append(esc(r.name().en())).append("</span></td><td>")
                .append(esc(r.isUrbanGreen() ? "urban green: " + r.urbanGreen() + " · " + r.category() : r.category()))
                .append("</td></tr>"));
        b.append("</table><h3>来源 Sources</h3><ul>");
        s.sources().values().forEach(src -> b.append("<li><code>").append(esc(src.id())).append("</code> ")
                .append(esc(src.citation())).append(" (").append(src.checked()).append(src.policy() ? ", 政策 policy" : "")
                .append(")</li>"));
        b.append("</ul>");
        return HtmlPages.page(s.title(), base, HtmlPages.crumbs(base, Link.of(base + "/sinks/standards?f=html", null, null,
                "碳汇标准 Standards")), b.toString());
    }

    /** A parcel's report: inputs and their hash, standard, every coefficient, every step, the result, the screen. */
    static String report(String base, String collection, long id, ParcelReport r) {
        SinkEstimate e = r.estimate();
        StringBuilder b = new StringBuilder(PRINT);
        b.append("<p class=noprint><a href=\"?f=json\">JSON</a> · <a href=\"javascript:print()\">打印 Print</a></p>");
        b.append("<h2>结果 Result</h2><table>");
        row(b, "净碳汇 Net sink (tCO2e/yr)", spread(e.net()));
        row(b, "碳移除 Removals (tCO2e/yr)", spread(e.removals()));
        row(b, "甲烷 Methane (tCO2e/yr)", spread(e.methane()));
        row(b, "氧化亚氮 Nitrous oxide (tCO2e/yr)", spread(e.nitrousOxide()));
        row(b, "碳储量 Stock (tC, " + e.year() + "年末 end of year)", spread(e.stock()));
        row(b, "面积 Area (m²)", fmt(e.areaM2(), 2));
        b.append("</table><p class=muted>主值为").append(r.draws()).append("次蒙特卡罗抽样的均值（括号内为第5与第95百分位数）。"
                + " The headline is the mean of ").append(r.draws()).append(" Monte Carlo draws (5th–95th percentile in brackets).</p>");
        b.append("<h2>依据 Basis</h2><table>");
        row(b, "标准 Standard", r.standard().key() + " — " + r.standard().title().both());
        row(b, "核算年份 Year", String.valueOf(r.year()));
        row(b, "全球增温潜势 GWP set", r.gwp() + " (CH4 " + fmt(r.standard().gwp(r.gwp()).orElseThrow().ch4().value(), 1)
                + ", N2O " + fmt(r.standard().gwp(r.gwp()).orElseThrow().n2oValue(), 0) + ")");
        row(b, "抽样 Draws / 种子 seed", r.draws() + " / " + r.seed());
        row(b, "输入指纹 Input SHA-256", r.inputHash());
        b.append("</table><h3>输入 Inputs</h3><table>");
        r.inputs().forEach((k, v) -> row(b, k, v));
        b.append("</table><h2>计算步骤 Steps</h2><table><tr><th>步骤 Step</th><th>说明 Detail</th><th>值 Value</th></tr>");
        for (ExplainStep s : e.explain()) {
            b.append("<tr><td>").append(esc(s.step())).append("</td><td>").append(esc(s.detail())).append("</td><td class=\"num v\">")
                    .append(esc(fmt(s.value(), 4))).append(' ').append(esc(s.unit())).append("</td></tr>");
        }
        b.append("</table><h2>所用系数 Coefficients used</h2><table><tr><th>数值 Figure</th><th>值 Value</th><th>核实 Checked</th>"
                + "<th>来源 Source</th></tr>");
        for (ParcelReport.UsedCoefficient u : r.coefficients()) {
            Coefficient c = u.coefficient();
            b.append("<tr><td><code>").append(esc(c.id())).append("</code></td><td class=v>").append(esc(value(c)))
                    .append(c.unit() == null ? "" : " " + esc(c.unit())).append("</td><td>").append(c.checked()).append("</td><td>")
                    .append(esc(u.source() == null ? c.source() : u.source().citation())).append("<br><span class=muted>")
                    .append(esc(c.where())).append("</span></td></tr>");
        }
        b.append("</table>");
        Eligibility el = e.eligibility();
        b.append("<h2>可交易性筛查 Eligibility</h2><p>").append(esc(el.text().zh())).append("<br><span class=muted>")
                .append(esc(el.text().en())).append("</span></p>");
        if (el.verdict() != null) {
            b.append("<p>结论 Verdict: <b>").append(esc(verdict(el.verdict()))).append("</b></p><table><tr><th>条件 Rule</th>"
                    + "<th>结果 Result</th><th>理由 Reason</th><th>缺少的事实 Missing facts</th></tr>");
            for (Eligibility.RuleResult rr : el.rules()) {
                b.append("<tr><td>").append(esc(rr.rule())).append("</td><td>").append(esc(result(rr.result()))).append("</td><td>")
                        .append(esc(rr.reason().zh())).append("<br><span class=muted>").append(esc(rr.reason().en()))
                        .append("</span></td><td>").append(esc(String.join(", ", rr.missingFacts()))).append("</td></tr>");
            }
            b.append("</table>");
        }
        return HtmlPages.page(Localized.of("地块碳汇报告 " + id, "Parcel sink report " + id), base, HtmlPages.crumbs(base,
                Link.of(base + "/collections/" + collection + "/items/" + id + "?f=html", null, null, collection + " " + id)),
                b.toString());
    }

    /** One grouping of a summary page: its name in both languages, the {@code by} value, the summary. */
    record Section(Localized title, String by, SinkSummaries.Summary summary) {}

    /**
     * The summary for people: for each grouping a chart of the net sink by group (the mean, and a bar from the 5th to
     * the 95th percentile) and a table of every figure, with the standard, GWP set and year named, and CSV downloads.
     */
    static String summary(String base, String layer, List<Section> sections, SinkStandard standard) {
        SinkSummaries.Summary first = sections.get(0).summary();
        StringBuilder b = new StringBuilder();
        b.append("<p>").append(esc(layer)).append(" · ").append(first.year()).append(" · GWP ").append(esc(first.gwp()))
                .append(" · <a href=\"").append(esc(base)).append("/sinks/standards/").append(esc(standard.key()))
                .append("?f=html\">").append(esc(standard.key())).append("</a></p>");
        b.append("<p class=muted>每项为蒙特卡洛抽样均值，括号内为第5至第95百分位；正值为碳汇，负值为净排放。Each figure is the mean of"
                + " the Monte Carlo draws, in brackets the 5th to 95th percentile; positive is a sink, negative a net source.</p>");
        SinkEstimate total = first.total();
        b.append("<p>示范区合计 Zone total: 净碳汇 net sink <b>").append(fmt(total.net().mean(), 0)).append("</b> (")
                .append(fmt(total.net().p5(), 0)).append(" – ").append(fmt(total.net().p95(), 0)).append(") 吨CO2当量/年 tCO2e/yr ·"
                + " 碳储量 stock ").append(fmt(total.stock().mean(), 0)).append(" 吨碳 tC</p>");
        for (Section section : sections) {
            SinkSummaries.Summary s = section.summary();
            String csv = base + "/sinks/summary?layer=" + layer + "&by=" + section.by() + "&f=csv";
            b.append("<h2 id=\"").append(esc(section.by())).append("\">").append(esc(section.title().zh())).append(" <span class=muted>")
                    .append(esc(section.title().en())).append("</span></h2>");
            b.append(chart(s.groups()));
            b.append("<table><tr><th>分组 Group</th><th>要素 Features</th><th>面积 Area (ha)</th><th>碳储量 Stock (tC)</th>"
                    + "<th>年固碳 Removals (tCO2/yr)</th><th>甲烷 CH4 (tCO2e/yr)</th><th>氧化亚氮 N2O (tCO2e/yr)</th>"
                    + "<th>净碳汇 Net sink (tCO2e/yr)</th><th>密度 Density (tCO2e/ha/yr)</th></tr>");
            for (SinkSummaries.Group g : s.groups()) summaryRow(b, g.key() == null ? "（无）none" : g.key(), g.features(), g.estimate());
            summaryRow(b, "合计 Total", s.groups().stream().mapToDouble(SinkSummaries.Group::features).sum(), s.total());
            b.append("</table><p><a href=\"").append(esc(csv)).append("\">CSV</a>");
            if (s.unestimated() > 0) b.append(" · ").append(s.unestimated()).append(" 个要素无法估算 features could not be estimated");
            b.append("</p>");
        }
        return HtmlPages.page(Localized.of("碳汇汇总", "Sink summary"), base, HtmlPages.crumbs(base), b.toString());
    }

    /** Net sink by group as horizontal bars around zero, with the 5th to 95th percentile as a thin line (SVG). */
    private static String chart(List<SinkSummaries.Group> groups) {
        List<SinkSummaries.Group> sorted = groups.stream()
                .sorted((x, y) -> Double.compare(y.estimate().net().mean(), x.estimate().net().mean())).toList();
        double extent = 1;
        for (SinkSummaries.Group g : sorted) {
            extent = Math.max(extent, Math.max(Math.abs(g.estimate().net().p5()), Math.abs(g.estimate().net().p95())));
        }
        int row = 20;
        int label = 170;
        int width = 640;
        double half = (width - label - 20) / 2.0;
        double zero = label + half;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg class=chart role=img aria-label=\"净碳汇 Net sink\" viewBox=\"0 0 %d %d\""
                + " width=\"%d\" height=\"%d\">", width, row * sorted.size() + 24, width, row * sorted.size() + 24));
        for (int i = 0; i < sorted.size(); i++) {
            SinkSummaries.Group g = sorted.get(i);
            Spread net = g.estimate().net();
            double y = i * row + 4;
            double x1 = zero + Math.min(0, net.mean()) / extent * half;
            double w = Math.abs(net.mean()) / extent * half;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"12\" text-anchor=\"end\">%s</text>",
                    label - 6, y + 13, esc(g.key() == null ? "none" : g.key())));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"14\" fill=\"%s\"><title>%s</title></rect>",
                    x1, y + 2, Math.max(w, 0.5), net.mean() < 0 ? "#b35806" : "#1f7a4a", fmt(net.mean(), 0)));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#22303c\""
                    + " stroke-width=\"1.2\"/>", zero + net.p5() / extent * half, zero + net.p95() / extent * half, y + 9, y + 9));
        }
        double bottom = row * sorted.size() + 6;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"0\" y2=\"%.1f\" stroke=\"#8a8f8c\"/>", zero, zero,
                bottom));
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\">0</text>", zero,
                bottom + 14));
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s 吨CO2当量/年"
                + " tCO2e/yr</text>", (double) width - 4, bottom + 14, fmt(extent, 0)));
        return svg.append("</svg>").toString();
    }

    private static void summaryRow(StringBuilder b, String key, double features, SinkEstimate e) {
        b.append("<tr><td>").append(esc(key)).append("</td><td class=num>").append(fmt(features, 3))
                .append("</td><td class=num>").append(fmt(e.areaM2() / 10_000, 2)).append("</td><td class=num>")
                .append(fmt(e.stock().mean(), 0)).append("</td><td class=num>").append(fmt(e.removals().mean(), 0))
                .append("</td><td class=num>").append(fmt(e.methane().mean(), 0)).append("</td><td class=num>")
                .append(fmt(e.nitrousOxide().mean(), 0)).append("</td><td class=\"num v\">").append(fmt(e.net().mean(), 0))
                .append(" (").append(fmt(e.net().p5(), 0)).append(" – ").append(fmt(e.net().p95(), 0))
                .append(")</td><td class=num>").append(e.areaM2() > 0 ? fmt(e.net().mean() / (e.areaM2() / 10_000), 3) : "")
                .append("</td></tr>");
    }

    private static void row(StringBuilder b, String key, String value) {
        b.append("<tr><th>").append(esc(key)).append("</th><td>").append(esc(value)).append("</td></tr>");
    }

    private static String spread(Spread s) {
        return fmt(s.mean(), 3) + " (" + fmt(s.p5(), 3) + " – " + fmt(s.p95(), 3) + ")";
    }

    private static String value(Coefficient c) {
        if (c instanceof UncertainFigure u) return fmt(u.low(), 4) + " – " + fmt(u.central(), 4) + " – " + fmt(u.high(), 4);
        return fmt(c.centralValue(), 6);
    }

    /** At most {@code decimals} places, without trailing zeros after the point (7740, 0.5, not 774 or 0.500). */
    private static String fmt(double v, int decimals) {
        String text = String.format(Locale.ROOT, "%." + decimals + "f", v);
        return text.contains(".") ? text.replaceFirst("0+$", "").replaceFirst("\\.$", "") : text;
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f %%", share * 100);
    }

    private static final Map<String, String> VERDICTS = Map.of("eligible", "符合 eligible", "not-eligible", "不符合 not eligible",
            "candidate", "待核实 candidate: no rule fails, facts are missing");
    private static final Map<String, String> RESULTS = Map.of("pass", "通过 pass", "fail", "不通过 fail", "unknown", "未知 unknown");

    private static String verdict(String v) {
        return VERDICTS.getOrDefault(v, v);
    }

    private static String result(String r) {
        return RESULTS.getOrDefault(r, r);
    }
}
