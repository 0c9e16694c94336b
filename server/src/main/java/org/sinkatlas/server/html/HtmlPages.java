package org.sinkatlas.server.html;

import java.util.List;
import org.sinkatlas.layers.model.Localized;
import org.sinkatlas.server.http.ApiProblem;
import org.sinkatlas.server.http.Link;
import org.sinkatlas.server.http.ServiceInfo;

/**
 * What every HTML page shares: the layout with header and breadcrumbs, the style, escaping, table rows,
 * the pager, and the page of a problem. The pages themselves live beside the routes that answer them.
 * Labels are in Chinese and English; every value is escaped.
 */
public final class HtmlPages {

    private HtmlPages() {}

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

    /** The page of a problem, for browsers (the {@code ProblemHandler}'s renderer). */
    public static String problem(ApiProblem p) {
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

    public static String li(String href, String text) {
        return "<li><a href=\"" + esc(href) + "\">" + esc(text) + "</a></li>";
    }

    public static void row(StringBuilder b, String key, String value) {
        b.append("<tr><th>").append(esc(key)).append("</th><td>").append(esc(value).replace("\n", "<br>"))
                .append("</td></tr>");
    }

    public static String pager(List<Link> links) {
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
        String documentTitle = title.equals(ServiceInfo.TITLE) ? title.both() : title.both() + " · "
                + ServiceInfo.TITLE.both();
        return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
                + esc(documentTitle) + "</title><link rel=\"icon\" href=\"" + esc(base) + ServiceInfo.ASSETS_PATH
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
