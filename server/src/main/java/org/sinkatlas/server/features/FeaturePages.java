package org.sinkatlas.server.features;

import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.sinkatlas.layers.crs.CrsDefinition;
import org.sinkatlas.layers.model.Feature;
import org.sinkatlas.layers.model.LayerExtent;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.Localized;
import org.sinkatlas.layers.model.PropertyDef;
import org.sinkatlas.server.html.HtmlPages;
import org.sinkatlas.server.http.Link;
import org.sinkatlas.server.http.ServiceInfo;

/**
 * The HTML pages of OGC API Features (its HTML conformance class) for people who click: landing page,
 * conformance, collections, one collection, items and one item. Every value is escaped.
 */
final class FeaturePages {

    private FeaturePages() {}

    public static String landing(String base, List<LayerInfo> layers) {
        StringBuilder b = new StringBuilder();
        b.append("<p>").append(HtmlPages.esc(ServiceInfo.DESCRIPTION.zh())).append("</p><p class=muted>")
                .append(HtmlPages.esc(ServiceInfo.DESCRIPTION.en())).append("</p>");
        b.append("<ul>");
        b.append(HtmlPages.li(base + "/viewer", "碳汇地图 The map"));
        b.append(HtmlPages.li(base + "/collections", "数据集合 Collections (" + layers.size() + ")"));
        b.append(HtmlPages.li(base + "/sinks/summary?by=district&f=html", "碳汇汇总（按区县）Sink summary by district"));
        b.append(HtmlPages.li(base + "/sinks/standards?f=html", "碳汇核算标准 Sink standards"));
        b.append(HtmlPages.li(base + "/dashboard", "目标看板 Targets dashboard"));
        b.append(HtmlPages.li(base + "/targets?f=html", "规划目标进展 The plan's targets"));
        b.append(HtmlPages.li(base + "/api.html", "接口文档 API documentation"));
        b.append(HtmlPages.li(base + "/api", "OpenAPI 3.0 定义 OpenAPI definition (JSON)"));
        b.append(HtmlPages.li(base + "/conformance", "符合的标准类 Conformance classes"));
        b.append(HtmlPages.li(base + "/health", "服务状态 Health"));
        b.append("</ul>");
        b.append("<form action=\"").append(HtmlPages.esc(base)).append("/search\" method=get class=card><label>查找地名或地块编号 Find a place"
                + " or parcel code: <input name=q required maxlength=100 placeholder=\"淀山湖\"></label><input type=hidden name=f"
                + " value=html> <button>查找 Find</button>"
                + "</form>");
        b.append("<div class=card><b>在 QGIS / ArcGIS Pro 中使用 · Use in QGIS / ArcGIS Pro</b><br>")
                .append("OGC API - Features / WFS3 连接地址 connection URL: <code>").append(HtmlPages.esc(base)).append("/</code></div>");
        return HtmlPages.page(ServiceInfo.TITLE, base, null, b.toString());
    }

    public static String conformance(String base, List<String> classes) {
        StringBuilder b = new StringBuilder("<ul>");
        for (String c : classes) b.append(HtmlPages.li(c, c));
        b.append("</ul>");
        return HtmlPages.page(Localized.of("符合的标准类", "Conformance classes"), base, HtmlPages.crumbs(base), b.toString());
    }

    public static String collections(String base, List<LayerInfo> layers) {
        StringBuilder b = new StringBuilder("<table><tr><th>ID</th><th>名称 Title</th><th>几何 Geometry</th>"
                + "<th>说明 Description</th><th></th></tr>");
        for (LayerInfo l : layers) {
            String href = base + "/collections/" + l.id();
            b.append("<tr><td><a href=\"").append(HtmlPages.esc(href)).append("\">").append(HtmlPages.esc(l.id())).append("</a></td><td>")
                    .append(HtmlPages.esc(l.title().zh())).append("<br><span class=muted>").append(HtmlPages.esc(l.title().en()))
                    .append("</span></td><td>").append(HtmlPages.esc(l.geometryKind().geoJsonName())).append("</td><td>")
                    .append(HtmlPages.esc(l.description().zh())).append("</td><td><a href=\"").append(HtmlPages.esc(href))
                    .append("/items?f=html\">要素 Items</a></td></tr>");
        }
        b.append("</table>");
        return HtmlPages.page(Localized.of("数据集合", "Collections"), base, HtmlPages.crumbs(base), b.toString());
    }

    public static String collection(String base, LayerInfo layer, LayerExtent extent, List<CrsDefinition> crs) {
        String href = base + "/collections/" + layer.id();
        StringBuilder b = new StringBuilder();
        b.append("<p>").append(HtmlPages.esc(layer.description().zh())).append("</p><p class=muted>")
                .append(HtmlPages.esc(layer.description().en())).append("</p>");
        b.append("<p><a href=\"").append(HtmlPages.esc(href)).append("/items?f=html\">浏览要素 Browse items</a> · <a href=\"")
                .append(HtmlPages.esc(href)).append("/items?f=json\">GeoJSON</a> · <a href=\"").append(HtmlPages.esc(href))
                .append("?f=json\">JSON</a> · <a href=\"").append(HtmlPages.esc(href))
                .append("/queryables\">可筛选属性 Queryables (CQL2 filter)</a></p>");
        b.append("<table>");
        HtmlPages.row(b, "几何类型 Geometry", layer.geometryKind().geoJsonName());
        Envelope e = extent.bbox();
        HtmlPages.row(b, "空间范围 Extent (CRS84)", e == null ? "—" : String.format(java.util.Locale.ROOT,
                "%.5f, %.5f, %.5f, %.5f", e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()));
        HtmlPages.row(b, "时间范围 Time", extent.begin() == null ? "—" : extent.begin() + " / " + extent.end());
        HtmlPages.row(b, "时间属性 Temporal property", layer.temporalProperty() == null ? "—" : layer.temporalProperty());
        HtmlPages.row(b, "坐标系 CRS", String.join("\n", crs.stream().map(c -> c.code() + "  " + c.name().both()).toList()));
        HtmlPages.row(b, "来源 Attribution", layer.attribution());
        b.append("</table><h3>属性 Properties</h3><table><tr><th>名称 Name</th><th>类型 Type</th><th>说明 Description</th></tr>");
        for (PropertyDef p : layer.properties()) {
            b.append("<tr><td><code>").append(HtmlPages.esc(p.name())).append("</code></td><td>").append(HtmlPages.esc(p.type().name()
                    .toLowerCase(java.util.Locale.ROOT))).append("</td><td>").append(HtmlPages.esc(p.title().zh())).append(" · ")
                    .append(HtmlPages.esc(p.title().en())).append("</td></tr>");
        }
        b.append("</table>");
        return HtmlPages.page(layer.title(), base, HtmlPages.crumbs(base, Link.of(base + "/collections", null, null, "数据集合 Collections")),
                b.toString());
    }

    public static String items(String base, LayerInfo layer, List<Feature> features, long matched, long offset, long shown,
            List<Link> links) {
        String href = base + "/collections/" + layer.id();
        StringBuilder b = new StringBuilder();
        b.append("<p>共 ").append(matched).append(" 个要素，显示第 ").append(features.isEmpty() ? 0 : offset + 1)
                .append("–").append(offset + features.size()).append(" 个 · ").append(matched)
                .append(" features, showing ").append(features.isEmpty() ? 0 : offset + 1).append("–")
                .append(offset + features.size());
        if (shown == HtmlPages.MAX_ROWS) b.append(" <span class=muted>(HTML 页最多 ").append(HtmlPages.MAX_ROWS)
                .append(" 行 · at most ").append(HtmlPages.MAX_ROWS).append(" rows per HTML page)</span>");
        b.append("</p>").append(HtmlPages.pager(links));
        b.append("<table><tr><th>id</th><th>几何 Geometry</th>");
        for (PropertyDef p : layer.properties()) b.append("<th title=\"").append(HtmlPages.esc(p.title().both())).append("\">")
                .append(HtmlPages.esc(p.name())).append("</th>");
        b.append("</tr>");
        for (Feature f : features) {
            b.append("<tr><td><a href=\"").append(HtmlPages.esc(href)).append("/items/").append(f.id()).append("?f=html\">")
                    .append(f.id()).append("</a></td><td>").append(f.geometry() == null ? "" : HtmlPages.esc(f.geometry().getGeometryType()))
                    .append("</td>");
            for (PropertyDef p : layer.properties()) {
                b.append("<td>").append(HtmlPages.esc(FeaturesApi.display(f.property(p.name())))).append("</td>");
            }
            b.append("</tr>");
        }
        b.append("</table>").append(HtmlPages.pager(links));
        return HtmlPages.page(Localized.of(layer.title().zh() + " · 要素", layer.title().en() + " · items"), base,
                HtmlPages.crumbs(base, Link.of(base + "/collections", null, null, "数据集合 Collections"),
                        Link.of(href + "?f=html", null, null, layer.title().both())), b.toString());
    }

    public static String item(String base, LayerInfo layer, Feature feature) {
        String href = base + "/collections/" + layer.id();
        StringBuilder b = new StringBuilder("<table>");
        HtmlPages.row(b, "id", Long.toString(feature.id()));
        HtmlPages.row(b, "几何 Geometry", feature.geometry() == null ? "" : feature.geometry().getGeometryType() + " ("
                + feature.geometry().getNumPoints() + " points)");
        HtmlPages.row(b, "版本 Version", Long.toString(feature.version()));
        HtmlPages.row(b, "更新时间 Updated", String.valueOf(feature.updated()));
        for (PropertyDef p : layer.properties()) {
            HtmlPages.row(b, p.name() + " · " + p.title().zh(), FeaturesApi.display(feature.property(p.name())));
        }
        b.append("</table><p><a href=\"").append(HtmlPages.esc(href)).append("/items/").append(feature.id())
                .append("?f=json\">GeoJSON</a></p>");
        return HtmlPages.page(Localized.of(layer.title().zh() + " " + feature.id(), layer.title().en() + " " + feature.id()), base,
                HtmlPages.crumbs(base, Link.of(base + "/collections", null, null, "数据集合 Collections"),
                        Link.of(href + "?f=html", null, null, layer.title().both()),
                        Link.of(href + "/items?f=html", null, null, "要素 Items")), b.toString());
    }
}
