package org.sinkatlas.server.targets;

import org.sinkatlas.server.html.HtmlPages;
import org.sinkatlas.server.http.ServiceInfo;

/**
 * The targets dashboard's page: a shell that loads its script and styles and ECharts from the service itself
 * ({@code /assets/dashboard/...}, {@code /assets/vendor/echarts/...}), never from outside. The script reads
 * {@code /targets} and draws one card per target; the service's base URL is passed in {@code data-base} so that
 * it also works behind a proxy.
 */
final class DashboardPage {

    private DashboardPage() {}

    static String html(String base, String lang) {
        String assets = HtmlPages.esc(base + ServiceInfo.ASSETS_PATH);
        return "<!DOCTYPE html><html lang=\"" + (lang.equals("en") ? "en" : "zh-CN") + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>规划目标看板 · Targets dashboard · 碳汇一张图 Sink Atlas</title>"
                + "<link rel=\"icon\" href=\"" + assets + "/viewer/icon.svg\" type=\"image/svg+xml\">"
                + "<link rel=\"stylesheet\" href=\"" + assets + "/dashboard/dashboard.css\">"
                + "</head><body data-base=\"" + HtmlPages.esc(base) + "\" data-lang=\"" + HtmlPages.esc(lang) + "\">"
                + "<header class=\"top\"><a class=\"brand\" href=\"" + HtmlPages.esc(base) + "/\"><b>碳汇一张图</b>"
                + " <span>Sink Atlas</span></a><h1 id=\"title\">规划目标看板</h1>"
                + "<div class=\"controls\"><label><span id=\"asof-label\">截至</span> <input type=\"text\" id=\"asof\" inputmode=\"numeric\""
                + " pattern=\"\\d{4}-\\d{2}-\\d{2}\" placeholder=\"YYYY-MM-DD\" size=\"10\" maxlength=\"10\"></label>"
                + "<button type=\"button\" id=\"lang\" aria-label=\"English / 中文\">EN</button></div></header>"
                + "<main><p id=\"plan\" class=\"plan\"></p><div id=\"summary\" class=\"summary\"></div>"
                + "<p id=\"message\" class=\"message\" role=\"status\">加载中… Loading…</p>"
                + "<section id=\"sinks\" class=\"sinks\" aria-live=\"polite\"></section>"
                + "<section id=\"cards\" class=\"cards\"></section></main>"
                + "<aside id=\"panel\" class=\"panel\" hidden><div class=\"panel-head\"><h2 id=\"panel-title\"></h2>"
                + "<button type=\"button\" id=\"panel-close\" aria-label=\"关闭 Close\">×</button></div>"
                + "<div id=\"panel-body\"></div></aside>"
                + "<noscript>此页需要 JavaScript；数据也可在 <a href=\"" + HtmlPages.esc(base) + "/targets?f=html\">/targets</a>"
                + " 查看 · This page needs JavaScript; the same figures are at /targets.</noscript>"
                + "<script src=\"" + assets + "/vendor/echarts/echarts.min.js\"></script>"
                + "<script src=\"" + assets + "/dashboard/dashboard.js\"></script></body></html>";
    }
}
