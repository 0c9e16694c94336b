package org.sinkatlas.server.html;

import java.time.LocalDate;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.sinkatlas.layers.crs.CrsDefinition;
import org.sinkatlas.layers.model.Feature;
import org.sinkatlas.layers.model.LayerExtent;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.Localized;
import org.sinkatlas.layers.model.PropertyDef;
import org.sinkatlas.server.SinkAtlasServer;
import org.sinkatlas.server.features.FeaturesApi;
import org.sinkatlas.server.http.ApiProblem;
import org.sinkatlas.server.http.ApiRoute;
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

/**
 * The HTML pages of the API for people who click (OGC API Features HTML conformance class): landing
 * page, conformance, collections, one collection, items and one item, the plan's targets,
 * the API documentation and errors.
 * Labels are in Chinese and English; every value is escaped.
 */
public final class HtmlPages {

    /** Most rows an HTML items page shows, whatever the limit (the GeoJSON page has no such cap). */
    public static final int MAX_ROWS = 1000;

    private static final String STYLE = "body{font-family:system-ui,-apple-system,'Noto Sans SC','PingFang SC',"
            + "'Microsoft YaHei',sans-serif;margin:0;color:#1d2b24;background:#f6f8f5}"
            + "header{background:#1f5f3f;color:#fff;padding:14px 24px}header a{color:#fff;text-decoration:none}"
            + "header .en{opacity:.8;font-size:.9em;margin-left:.5em}main{padding:16px 24px;max-width:1200px}"
            + "nav.crumbs{font-size:.9em;margin-bottom:12px}nav.crumbs a{color:#1f5f3f}"
            + "table{border-collapse:collapse;background:#fff;margin:8px 0;font-size:.9em}"
            + "th,td{border:1px solid #d5ddd5;padding:4px 8px;text-align:left;vertical-align:top}"
            + "th{background:#e8efe8}a{color:#1f5f3f}.muted{color:#667}.pager a{margin-right:1em}"
            + "code{background:#eef2ee;padding:1px 4px}.card{background:#fff;border:1px solid #d5ddd5;padding:10px 14px;"
            + "margin:8px 0;border-radius:4px}.num{text-align:right;font-variant-numeric:tabular-nums}"
            + ".status{padding:1px 6px;border-radius:3px;color:#fff;white-space:nowrap}.achieved{background:#1f7a4a}"
            + ".on_track{background:#3f8fc5}.at_risk{background:#c98a12}.behind{background:#b8432f}.no_data{background:#888}"
            + "blockquote{margin:8px 0;padding:6px 12px;border-left:4px solid #1f5f3f;background:#fff}";

    public String landing(String base, List<LayerInfo> layers) {
        StringBuilder b = new StringBuilder();
        b.append("<p>").append(esc(FeaturesApi.SERVICE_DESCRIPTION.zh())).append("</p><p class=muted>")
                .append(esc(FeaturesApi.SERVICE_DESCRIPTION.en())).append("</p>");
        b.append("<ul>");
        b.append(li(base + "/viewer", "碳汇地图 The map"));
        b.append(li(base + "/collections", "数据集合 Collections (" + layers.size() + ")"));
        b.append(li(base + "/sinks/summary?by=district&f=html", "碳汇汇总（按区县）Sink summary by district"));
        b.append(li(base + "/sinks/standards?f=html", "碳汇核算标准 Sink standards"));
        b.append(li(base + "/dashboard", "目标看板 Targets dashboard"));
        b.append(li(base + "/targets?f=html", "规划目标进展 The plan's targets"));
        b.append(li(base + "/api.html", "接口文档 API documentation"));
        b.append(li(base + "/api", "OpenAPI 3.0 定义 OpenAPI definition (JSON)"));
        b.append(li(base + "/conformance", "符合的标准类 Conformance classes"));
        b.append(li(base + "/health", "服务状态 Health"));
        b.append("</ul>");
        b.append("<form action=\"").append(esc(base)).append("/search\" method=get class=card><label>查找地名或地块编号 Find a place"
                + " or parcel code: <input name=q required maxlength=100 placeholder=\"淀山湖\"></label><input type=hidden name=f"
                + " value=html> <button>查找 Find</button>"
                + "</form>");
        b.append("<div class=card><b>在 QGIS / ArcGIS Pro 中使用 · Use in QGIS / ArcGIS Pro</b><br>")
                .append("OGC API - Features / WFS3 连接地址 connection URL: <code>").append(esc(base)).append("/</code></div>");
        return page(FeaturesApi.SERVICE_TITLE, base, null, b.toString());
    }

    /** Search results: each a link to its feature's page. */
    public String search(String base, String q, List<com.fasterxml.jackson.databind.node.ObjectNode> results) {
        StringBuilder b = new StringBuilder();
        if (results.isEmpty()) b.append("<p>没有找到 Nothing found.</p>");
        b.append("<ul>");
        for (com.fasterxml.jackson.databind.node.ObjectNode r : results) {
            String href = base + "/collections/" + r.get("collection").asText() + "/items/" + r.get("id").asText() + "?f=html";
            b.append("<li><a href=\"").append(esc(href)).append("\">").append(esc(r.get("name").asText())).append("</a> <span"
                    + " class=muted>").append(esc(r.get("collection_title_zh").asText())).append(" · ")
                    .append(esc(r.get("collection_title_en").asText())).append("</span></li>");
        }
        b.append("</ul>");
        return page(Localized.of("查找：" + q, "Search: " + q), base, crumbs(base), b.toString());
    }

    public String conformance(String base, List<String> classes) {
        StringBuilder b = new StringBuilder("<ul>");
        for (String c : classes) b.append(li(c, c));
        b.append("</ul>");
        return page(Localized.of("符合的标准类", "Conformance classes"), base, crumbs(base), b.toString());
    }

    public String collections(String base, List<LayerInfo> layers) {
        StringBuilder b = new StringBuilder("<table><tr><th>ID</th><th>名称 Title</th><th>几何 Geometry</th>"
                + "<th>说明 Description</th><th></th></tr>");
        for (LayerInfo l : layers) {
            String href = base + "/collections/" + l.id();
            b.append("<tr><td><a href=\"").append(esc(href)).append("\">").append(esc(l.id())).append("</a></td><td>")
                    .append(esc(l.title().zh())).append("<br><span class=muted>").append(esc(l.title().en()))
                    .append("</span></td><td>").append(esc(l.geometryKind().geoJsonName())).append("</td><td>")
                    .append(esc(l.description().zh())).append("</td><td><a href=\"").append(esc(href))
                    .append("/items?f=html\">要素 Items</a></td></tr>");
        }
        b.append("</table>");
        return page(Localized.of("数据集合", "Collections"), base, crumbs(base), b.toString());
    }

    public String collection(String base, LayerInfo layer, LayerExtent extent, List<CrsDefinition> crs) {
        String href = base + "/collections/" + layer.id();
        StringBuilder b = new StringBuilder();
        b.append("<p>").append(esc(layer.description().zh())).append("</p><p class=muted>")
                .append(esc(layer.description().en())).append("</p>");
        b.append("<p><a href=\"").append(esc(href)).append("/items?f=html\">浏览要素 Browse items</a> · <a href=\"")
                .append(esc(href)).append("/items?f=json\">GeoJSON</a> · <a href=\"").append(esc(href))
                .append("?f=json\">JSON</a> · <a href=\"").append(esc(href))
                .append("/queryables\">可筛选属性 Queryables (CQL2 filter)</a></p>");
        b.append("<table>");
        row(b, "几何类型 Geometry", layer.geometryKind().geoJsonName());
        Envelope e = extent.bbox();
        row(b, "空间范围 Extent (CRS84)", e == null ? "—" : String.format(java.util.Locale.ROOT,
                "%.5f, %.5f, %.5f, %.5f", e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()));
        row(b, "时间范围 Time", extent.begin() == null ? "—" : extent.begin() + " / " + extent.end());
        row(b, "时间属性 Temporal property", layer.temporalProperty() == null ? "—" : layer.temporalProperty());
        row(b, "坐标系 CRS", String.join("\n", crs.stream().map(c -> c.code() + "  " + c.name().both()).toList()));
        row(b, "来源 Attribution", layer.attribution());
        b.append("</table><h3>属性 Properties</h3><table><tr><th>名称 Name</th><th>类型 Type</th><th>说明 Description</th></tr>");
        for (PropertyDef p : layer.properties()) {
            b.append("<tr><td><code>").append(esc(p.name())).append("</code></td><td>").append(esc(p.type().name()
                    .toLowerCase(java.util.Locale.ROOT))).append("</td><td>").append(esc(p.title().zh())).append(" · ")
                    .append(esc(p.title().en())).append("</td></tr>");
        }
        b.append("</table>");
        return page(layer.title(), base, crumbs(base, Link.of(base + "/collections", null, null, "数据集合 Collections")),
                b.toString());
    }

    public String items(String base, LayerInfo layer, List<Feature> features, long matched, long offset, long shown,
            List<Link> links) {
        String href = base + "/collections/" + layer.id();
        StringBuilder b = new StringBuilder();
        b.append("<p>共 ").append(matched).append(" 个要素，显示第 ").append(features.isEmpty() ? 0 : offset + 1)
                .append("–").append(offset + features.size()).append(" 个 · ").append(matched)
                .append(" features, showing ").append(features.isEmpty() ? 0 : offset + 1).append("–")
                .append(offset + features.size());
        if (shown == MAX_ROWS) b.append(" <span class=muted>(HTML 页最多 ").append(MAX_ROWS)
                .append(" 行 · at most ").append(MAX_ROWS).append(" rows per HTML page)</span>");
        b.append("</p>").append(pager(links));
        b.append("<table><tr><th>id</th><th>几何 Geometry</th>");
        for (PropertyDef p : layer.properties()) b.append("<th title=\"").append(esc(p.title().both())).append("\">")
                .append(esc(p.name())).append("</th>");
        b.append("</tr>");
        for (Feature f : features) {
            b.append("<tr><td><a href=\"").append(esc(href)).append("/items/").append(f.id()).append("?f=html\">")
                    .append(f.id()).append("</a></td><td>").append(f.geometry() == null ? "" : esc(f.geometry().getGeometryType()))
                    .append("</td>");
            for (PropertyDef p : layer.properties()) {
                b.append("<td>").append(esc(FeaturesApi.display(f.property(p.name())))).append("</td>");
            }
            b.append("</tr>");
        }
        b.append("</table>").append(pager(links));
        return page(Localized.of(layer.title().zh() + " · 要素", layer.title().en() + " · items"), base,
                crumbs(base, Link.of(base + "/collections", null, null, "数据集合 Collections"),
                        Link.of(href + "?f=html", null, null, layer.title().both())), b.toString());
    }

    public String item(String base, LayerInfo layer, Feature feature) {
        String href = base + "/collections/" + layer.id();
        StringBuilder b = new StringBuilder("<table>");
        row(b, "id", Long.toString(feature.id()));
        row(b, "几何 Geometry", feature.geometry() == null ? "" : feature.geometry().getGeometryType() + " ("
                + feature.geometry().getNumPoints() + " points)");
        row(b, "版本 Version", Long.toString(feature.version()));
        row(b, "更新时间 Updated", String.valueOf(feature.updated()));
        for (PropertyDef p : layer.properties()) {
            row(b, p.name() + " · " + p.title().zh(), FeaturesApi.display(feature.property(p.name())));
        }
        b.append("</table><p><a href=\"").append(esc(href)).append("/items/").append(feature.id())
                .append("?f=json\">GeoJSON</a></p>");
        return page(Localized.of(layer.title().zh() + " " + feature.id(), layer.title().en() + " " + feature.id()), base,
                crumbs(base, Link.of(base + "/collections", null, null, "数据集合 Collections"),
                        Link.of(href + "?f=html", null, null, layer.title().both()),
                        Link.of(href + "/items?f=html", null, null, "要素 Items")), b.toString());
    }

    public String apiDocumentation(String base, List<ApiRoute> routes) {
        StringBuilder b = new StringBuilder("<p>完整定义见 Full definition: <a href=\"").append(esc(base))
                .append("/api\">/api</a> (OpenAPI 3.0 JSON)</p><table><tr><th>路径 Path</th><th>说明 Summary</th>"
                        + "<th>参数 Query parameters</th><th>格式 Formats</th></tr>");
        for (ApiRoute r : routes) {
            b.append("<tr><td><code>").append(r.method().name()).append(" ").append(esc(r.path())).append("</code></td><td>").append(esc(r.summary()))
                    .append("</td><td>").append(esc(String.join(", ", r.queryNames()))).append(r.perCollection()
                            && r.path().endsWith("/items") ? esc(", <property>=<value>") : "").append("</td><td>")
                    .append(esc(String.join(", ", r.responseTypes()))).append("</td></tr>");
        }
        b.append("</table>");
        return page(Localized.of("接口文档", "API documentation"), base, crumbs(base), b.toString());
    }

    public String targets(String base, Plan plan, List<TargetProgress> all, LocalDate asOf, LocalDate today) {
        StringBuilder b = new StringBuilder();
        b.append("<p>").append(esc(plan.title().zh())).append("（").append(esc(plan.document())).append("）<br><span class=muted>")
                .append(esc(plan.title().en())).append("</span></p>");
        b.append("<form method=get action=\"").append(esc(base)).append("/targets\"><input type=hidden name=f value=html>")
                .append("截至 As of <input type=date name=asOf value=\"").append(asOf).append("\" max=\"").append(today)
                .append("\"> <button>查询 Show</button> · <a href=\"").append(esc(base)).append("/dashboard\">看板 Dashboard</a>")
                .append(" · <a href=\"").append(esc(base)).append("/targets?asOf=").append(asOf).append("\">JSON</a> · <a href=\"")
                .append(esc(base)).append("/targets?asOf=").append(asOf).append("&amp;f=csv\">CSV</a></form>");
        b.append("<table><tr><th>目标 Target</th><th>条款 Clause</th><th>范围 Scope</th><th>当前 Value</th>"
                + "<th>应达 Due</th><th>完成 %</th><th>状态 Status</th></tr>");
        for (TargetProgress p : all) {
            Target t = p.target();
            Standing s = p.standing();
            b.append("<tr><td><a href=\"").append(esc(base)).append("/targets/").append(esc(t.id())).append("?asOf=")
                    .append(asOf).append("&amp;f=html\">").append(esc(t.title().zh())).append("</a><br><span class=muted>")
                    .append(esc(t.title().en())).append("</span></td><td>").append(esc(t.clause())).append("</td><td>")
                    .append(esc(p.scopeLabel() == null ? "" : p.scopeLabel().both())).append("</td><td class=num>")
                    .append(esc(figure(s.value(), t))).append("</td><td class=num>").append(esc(figure(s.due().value(), t)))
                    .append("<br><span class=muted>").append(s.due().by()).append("</span></td><td class=num>")
                    .append(s.percent() == null ? "—" : String.format(java.util.Locale.ROOT, "%.1f", s.percent()))
                    .append("</td><td>").append(status(s.status())).append("</td></tr>");
        }
        b.append("</table>");
        return page(Localized.of("规划目标进展", "The plan's targets"), base, crumbs(base), b.toString());
    }

    public String target(String base, TargetProgress p) {
        Target t = p.target();
        Standing s = p.standing();
        String href = base + "/targets/" + t.id() + "?asOf=" + p.asOf();
        StringBuilder b = new StringBuilder();
        b.append("<blockquote>").append(esc(t.planText())).append("<br><span class=muted>方案条款 Clause ")
                .append(esc(t.clause())).append("</span></blockquote>");
        b.append("<p>").append(esc(t.method().zh())).append("</p><p class=muted>").append(esc(t.method().en())).append("</p>");
        if (t.note() != null) b.append("<p class=muted>").append(esc(t.note().both())).append("</p>");
        if (p.problem() != null) b.append("<div class=card><b>无法量算 Cannot measure</b><p>").append(esc(p.problem().both()))
                .append("</p></div>");
        b.append("<table>");
        row(b, "截至 As of", p.asOf().toString());
        row(b, "范围 Scope", p.scopeLabel() == null ? "" : p.scopeLabel().both());
        row(b, "当前值 Value", figure(s.value(), t) + (s.valueDate() == null ? "" : "（" + s.valueDate() + "）"));
        row(b, "应达 Due", figure(s.due().value(), t) + " · " + s.due().by());
        row(b, "完成 Percent", s.percent() == null ? "—" : String.format(java.util.Locale.ROOT, "%.1f %%", s.percent()));
        row(b, "按进度应为 Expected", figure(s.expected(), t));
        row(b, "起点 Start", p.start() == null ? "—" : figure(p.start().value(), t) + " · " + p.start().date());
        b.append("<tr><th>状态 Status</th><td>").append(status(s.status())).append("</td></tr></table>");
        b.append("<p><a href=\"").append(esc(href)).append("\">JSON</a> · <a href=\"").append(esc(href))
                .append("&amp;f=csv\">CSV</a> · <a href=\"").append(esc(base)).append("/dashboard\">看板 Dashboard</a></p>");
        b.append("<h3>历年 By year</h3><table><tr><th>年 Year</th><th>值 Value</th><th>按进度 Expected</th></tr>");
        for (YearPoint y : p.history()) {
            b.append("<tr><td>").append(y.year()).append("</td><td class=num>").append(esc(figure(y.value(), t)))
                    .append("</td><td class=num>").append(esc(figure(y.expected(), t))).append("</td></tr>");
        }
        b.append("</table>");
        if (!p.parts().isEmpty()) {
            b.append("<h3>分项 Parts</h3><table><tr><th>范围 Scope</th><th>值 Value</th><th>应达 Target</th><th>状态 Status</th></tr>");
            for (PartProgress part : p.parts()) {
                b.append("<tr><td>").append(esc(part.scopeLabel().both())).append("</td><td class=num>")
                        .append(esc(figure(part.standing().value(), t))).append("</td><td class=num>")
                        .append(esc(figure(part.part().value(), t))).append("</td><td>").append(status(part.standing().status()))
                        .append("</td></tr>");
            }
            b.append("</table>");
        }
        if (t.isSpatial() && p.problem() == null) {
            String layer = t.measure().layer();
            b.append("<h3>相关要素 Features in scope (").append(p.countedIds().size()).append(" 计入 count)</h3>");
            b.append("<table><tr><th>id</th><th>名称 Name</th><th>状态 Status</th><th>日期 Date</th><th>量 Quantity ")
                    .append(esc(t.measure().featureUnit(t.unit()))).append("</th><th>计入 Counts</th></tr>");
            int shown = 0;
            for (Contribution c : p.features()) {
                if (++shown > MAX_ROWS) break;
                FeatureQuantity f = c.feature();
                b.append("<tr><td><a href=\"").append(esc(base)).append("/collections/").append(esc(layer)).append("/items/")
                        .append(f.id()).append("?f=html\">").append(f.id()).append("</a></td><td>").append(esc(f.name()))
                        .append("</td><td>").append(esc(f.status())).append("</td><td>").append(f.date() == null ? "" : f.date())
                        .append("</td><td class=num>").append(Double.isNaN(f.quantity()) ? "" : String.format(
                                java.util.Locale.ROOT, "%.3f", f.quantity())).append("</td><td>")
                        .append(esc(c.counted().label().both())).append("</td></tr>");
            }
            b.append("</table>");
        }
        if (!t.isSpatial()) {
            b.append("<h3>报送数据 Reports</h3><table><tr><th>id</th><th>日期 Date</th><th>值 Value</th><th>来源 Source</th>"
                    + "<th>说明 Note</th><th>报送人 By</th><th></th></tr>");
            for (TargetReport r : p.reports()) {
                b.append("<tr><td>").append(r.id()).append("</td><td>").append(r.date()).append("</td><td class=num>")
                        .append(esc(figure(r.value(), t))).append("</td><td>").append(esc(r.source())).append("</td><td>")
                        .append(esc(r.note())).append("</td><td>").append(esc(r.author())).append("</td><td>")
                        .append(r.stands() ? "" : "已被 #" + r.correctedBy() + " 更正 corrected")
                        .append(r.synthetic() ? " <span class=muted>合成 synthetic</span>" : "").append("</td></tr>");
            }
            b.append("</table>");
        }
        return page(t.title(), base, crumbs(base, Link.of(base + "/targets?asOf=" + p.asOf() + "&f=html", null, null,
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
        return "<span class=\"status " + s.slug() + "\">" + esc(s.label().zh()) + " " + esc(s.label().en()) + "</span>";
    }

    public String problem(ApiProblem p) {
        String body = "<div class=card><b>" + p.status() + " " + esc(p.title()) + "</b><p>" + esc(p.detail())
                + "</p><p class=muted>" + esc(p.code()) + "</p></div>";
        return page(Localized.of("出错了", "Error"), "", "<nav class=crumbs><a href=\"/\">首页 Home</a></nav>", body);
    }

    // ------------------------------------------------------------------------------------------------

    /** The breadcrumb line of a page: home, then the trail. */
    public static String crumbs(String base, Link... trail) {
        StringBuilder b = new StringBuilder("<nav class=crumbs><a href=\"").append(esc(base)).append("/\">首页 Home</a>");
        for (Link l : trail) b.append(" › <a href=\"").append(esc(l.href())).append("\">").append(esc(l.title())).append("</a>");
        return b.append("</nav>").toString();
    }

    private static String li(String href, String text) {
        return "<li><a href=\"" + esc(href) + "\">" + esc(text) + "</a></li>";
    }

    private static void row(StringBuilder b, String key, String value) {
        b.append("<tr><th>").append(esc(key)).append("</th><td>").append(esc(value).replace("\n", "<br>"))
                .append("</td></tr>");
    }

    private static String pager(List<Link> links) {
        StringBuilder b = new StringBuilder("<p class=pager>");
        for (Link l : links) {
            if (l.rel().equals("prev")) b.append("<a href=\"").append(esc(l.href())).append("\">← 上一页 Previous</a>");
        }
        for (Link l : links) {
            if (l.rel().equals("next")) b.append("<a href=\"").append(esc(l.href())).append("\">下一页 Next →</a>");
        }
        for (Link l : links) {
            if (l.rel().equals("alternate")) b.append("<a href=\"").append(esc(l.href())).append("\">GeoJSON</a>");
        }
        return b.append("</p>").toString();
    }

    /** A whole page: header, breadcrumbs, title in both languages, and the body (already escaped HTML). */
    public static String page(Localized title, String base, String crumbs, String body) {
        // The landing page is the service itself: its title is not followed by the service's name again.
        String documentTitle = title.equals(FeaturesApi.SERVICE_TITLE) ? title.both() : title.both() + " · "
                + FeaturesApi.SERVICE_TITLE.both();
        return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
                + esc(documentTitle) + "</title><link rel=\"icon\" href=\"" + esc(base) + SinkAtlasServer.ASSETS_PATH
                + "/viewer/icon.svg\" type=\"image/svg+xml\"><style>" + STYLE + "</style></head><body>"
                + "<header><a href=\"" + esc(base) + "/\"><b>碳汇一张图</b><span class=en>Sink Atlas</span></a></header>"
                + "<main>" + (crumbs == null ? "" : crumbs) + "<h1>" + esc(title.zh()) + " <span class=muted>"
                + esc(title.en()) + "</span></h1>" + body + "</main></body></html>";
    }

    /** HTML-escapes text for element content and double-quoted attributes. */
    public static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
