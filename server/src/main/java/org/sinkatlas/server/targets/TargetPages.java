package org.sinkatlas.server.targets;

import java.time.LocalDate;
import java.util.List;
import org.sinkatlas.layers.model.Localized;
import org.sinkatlas.server.html.HtmlPages;
import org.sinkatlas.server.http.Link;
import org.sinkatlas.sink.targets.Contribution;
import org.sinkatlas.sink.targets.FeatureQuantity;
import org.sinkatlas.sink.targets.PartProgress;
import org.sinkatlas.sink.targets.Plan;
import org.sinkatlas.sink.targets.Standing;
import org.sinkatlas.sink.targets.Target;
import org.sinkatlas.sink.targets.TargetProgress;
import org.sinkatlas.sink.targets.TargetReport;
import org.sinkatlas.sink.targets.TargetStatus;
import org.sinkatlas.sink.targets.Unit;
import org.sinkatlas.sink.targets.YearPoint;

/** The plan's targets as pages: the list with each target's standing, and one target with its years, parts and features. */
final class TargetPages {

    private TargetPages() {}

    public static String targets(String base, Plan plan, List<TargetProgress> all, LocalDate asOf, LocalDate today) {
        StringBuilder b = new StringBuilder();
        b.append("<p>").append(HtmlPages.esc(plan.title().zh())).append("（").append(HtmlPages.esc(plan.document())).append("）<br><span class=muted>")
                .append(HtmlPages.esc(plan.title().en())).append("</span></p>");
        b.append("<form method=get action=\"").append(HtmlPages.esc(base)).append("/targets\"><input type=hidden name=f value=html>")
                .append("截至 As of <input type=date name=asOf value=\"").append(asOf).append("\" max=\"").append(today)
                .append("\"> <button>查询 Show</button> · <a href=\"").append(HtmlPages.esc(base)).append("/dashboard\">看板 Dashboard</a>")
                .append(" · <a href=\"").append(HtmlPages.esc(base)).append("/targets?asOf=").append(asOf).append("\">JSON</a> · <a href=\"")
                .append(HtmlPages.esc(base)).append("/targets?asOf=").append(asOf).append("&amp;f=csv\">CSV</a></form>");
        b.append("<table><tr><th>目标 Target</th><th>条款 Clause</th><th>范围 Scope</th><th>当前 Value</th>"
                + "<th>应达 Due</th><th>完成 %</th><th>状态 Status</th></tr>");
        for (TargetProgress p : all) {
            Target t = p.target();
            Standing s = p.standing();
            b.append("<tr><td><a href=\"").append(HtmlPages.esc(base)).append("/targets/").append(HtmlPages.esc(t.id())).append("?asOf=")
                    .append(asOf).append("&amp;f=html\">").append(HtmlPages.esc(t.title().zh())).append("</a><br><span class=muted>")
                    .append(HtmlPages.esc(t.title().en())).append("</span></td><td>").append(HtmlPages.esc(t.clause())).append("</td><td>")
                    .append(HtmlPages.esc(p.scopeLabel() == null ? "" : p.scopeLabel().both())).append("</td><td class=num>")
                    .append(HtmlPages.esc(figure(s.value(), t))).append("</td><td class=num>").append(HtmlPages.esc(figure(s.due().value(), t)))
                    .append("<br><span class=muted>").append(s.due().by()).append("</span></td><td class=num>")
                    .append(s.percent() == null ? "—" : String.format(java.util.Locale.ROOT, "%.1f", s.percent()))
                    .append("</td><td>").append(status(s.status())).append("</td></tr>");
        }
        b.append("</table>");
        return HtmlPages.page(Localized.of("规划目标进展", "The plan's targets"), base, HtmlPages.crumbs(base), b.toString());
    }

    public static String target(String base, TargetProgress p) {
        Target t = p.target();
        Standing s = p.standing();
        String href = base + "/targets/" + t.id() + "?asOf=" + p.asOf();
        StringBuilder b = new StringBuilder();
        b.append("<blockquote>").append(HtmlPages.esc(t.planText())).append("<br><span class=muted>方案条款 Clause ")
                .append(HtmlPages.esc(t.clause())).append("</span></blockquote>");
        b.append("<p>").append(HtmlPages.esc(t.method().zh())).append("</p><p class=muted>").append(HtmlPages.esc(t.method().en())).append("</p>");
        if (t.note() != null) b.append("<p class=muted>").append(HtmlPages.esc(t.note().both())).append("</p>");
        if (p.problem() != null) b.append("<div class=card><b>无法量算 Cannot measure</b><p>").append(HtmlPages.esc(p.problem().both()))
                .append("</p></div>");
        b.append("<table>");
        HtmlPages.row(b, "截至 As of", p.asOf().toString());
        HtmlPages.row(b, "范围 Scope", p.scopeLabel() == null ? "" : p.scopeLabel().both());
        HtmlPages.row(b, "当前值 Value", figure(s.value(), t) + (s.valueDate() == null ? "" : "（" + s.valueDate() + "）"));
        HtmlPages.row(b, "应达 Due", figure(s.due().value(), t) + " · " + s.due().by());
        HtmlPages.row(b, "完成 Percent", s.percent() == null ? "—" : String.format(java.util.Locale.ROOT, "%.1f %%", s.percent()));
        HtmlPages.row(b, "按进度应为 Expected", figure(s.expected(), t));
        HtmlPages.row(b, "起点 Start", p.start() == null ? "—" : figure(p.start().value(), t) + " · " + p.start().date());
        b.append("<tr><th>状态 Status</th><td>").append(status(s.status())).append("</td></tr></table>");
        b.append("<p><a href=\"").append(HtmlPages.esc(href)).append("\">JSON</a> · <a href=\"").append(HtmlPages.esc(href))
                .append("&amp;f=csv\">CSV</a> · <a href=\"").append(HtmlPages.esc(base)).append("/dashboard\">看板 Dashboard</a></p>");
        b.append("<h3>历年 By year</h3><table><tr><th>年 Year</th><th>值 Value</th><th>按进度 Expected</th></tr>");
        for (YearPoint y : p.history()) {
            b.append("<tr><td>").append(y.year()).append("</td><td class=num>").append(HtmlPages.esc(figure(y.value(), t)))
                    .append("</td><td class=num>").append(HtmlPages.esc(figure(y.expected(), t))).append("</td></tr>");
        }
        b.append("</table>");
        if (!p.parts().isEmpty()) {
            b.append("<h3>分项 Parts</h3><table><tr><th>范围 Scope</th><th>值 Value</th><th>应达 Target</th><th>状态 Status</th></tr>");
            for (PartProgress part : p.parts()) {
                b.append("<tr><td>").append(HtmlPages.esc(part.scopeLabel().both())).append("</td><td class=num>")
                        .append(HtmlPages.esc(figure(part.standing().value(), t))).append("</td><td class=num>")
                        .append(HtmlPages.esc(figure(part.part().value(), t))).append("</td><td>").append(status(part.standing().status()))
                        .append("</td></tr>");
            }
            b.append("</table>");
        }
        if (t.isSpatial() && p.problem() == null) {
            String layer = t.measure().layer();
            b.append("<h3>相关要素 Features in scope (").append(p.countedIds().size()).append(" 计入 count)</h3>");
            b.append("<table><tr><th>id</th><th>名称 Name</th><th>状态 Status</th><th>日期 Date</th><th>量 Quantity ")
                    .append(HtmlPages.esc(t.measure().featureUnit(t.unit()))).append("</th><th>计入 Counts</th></tr>");
            int shown = 0;
            for (Contribution c : p.features()) {
                if (++shown > HtmlPages.MAX_ROWS) break;
                FeatureQuantity f = c.feature();
                b.append("<tr><td><a href=\"").append(HtmlPages.esc(base)).append("/collections/").append(HtmlPages.esc(layer)).append("/items/")
                        .append(f.id()).append("?f=html\">").append(f.id()).append("</a></td><td>").append(HtmlPages.esc(f.name()))
                        .append("</td><td>").append(HtmlPages.esc(f.status())).append("</td><td>").append(f.date() == null ? "" : f.date())
                        .append("</td><td class=num>").append(Double.isNaN(f.quantity()) ? "" : String.format(
                                java.util.Locale.ROOT, "%.3f", f.quantity())).append("</td><td>")
                        .append(HtmlPages.esc(c.counted().label().both())).append("</td></tr>");
            }
            b.append("</table>");
        }
        if (!t.isSpatial()) {
            b.append("<h3>报送数据 Reports</h3><table><tr><th>id</th><th>日期 Date</th><th>值 Value</th><th>来源 Source</th>"
                    + "<th>说明 Note</th><th>报送人 By</th><th></th></tr>");
            for (TargetReport r : p.reports()) {
                b.append("<tr><td>").append(r.id()).append("</td><td>").append(r.date()).append("</td><td class=num>")
                        .append(HtmlPages.esc(figure(r.value(), t))).append("</td><td>").append(HtmlPages.esc(r.source())).append("</td><td>")
                        .append(HtmlPages.esc(r.note())).append("</td><td>").append(HtmlPages.esc(r.author())).append("</td><td>")
                        .append(r.stands() ? "" : "已被 #" + r.correctedBy() + " 更正 corrected")
                        .append(r.synthetic() ? " <span class=muted>合成 synthetic</span>" : "").append("</td></tr>");
            }
            b.append("</table>");
        }
        return HtmlPages.page(t.title(), base, HtmlPages.crumbs(base, Link.of(base + "/targets?asOf=" + p.asOf() + "&f=html", null, null,
                "规划目标 Targets")), b.toString());
    }

    private static String figure(Double v, Target t) {
        if (v == null) return "—";
        String unit = t.unit() == Unit.PERCENT ? " %"
                : t.unit() == Unit.COUNT ? "" : " " + t.unit().label().en();
        double abs = Math.abs(v);
        String pattern = abs >= 1000 ? "%,.0f" : t.unit() == Unit.COUNT && v == Math.rint(v)
                ? "%.0f" : "%.2f";
        return String.format(java.util.Locale.ROOT, pattern, v) + unit;
    }

    private static String status(TargetStatus s) {
        return "<span class=\"status " + s.slug() + "\">" + HtmlPages.esc(s.label().zh()) + " " + HtmlPages.esc(s.label().en()) + "</span>";
    }
}
