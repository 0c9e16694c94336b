package org.sinkatlas.server.search;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.sinkatlas.layers.model.Localized;
import org.sinkatlas.server.html.HtmlPages;

/** The search answer as a page: each result a link to its feature's page. */
final class SearchPage {

    private SearchPage() {}

    public static String search(String base, String q, List<ObjectNode> results) {
        StringBuilder b = new StringBuilder();
        if (results.isEmpty()) b.append("<p>没有找到 Nothing found.</p>");
        b.append("<ul>");
        for (ObjectNode r : results) {
            String href = base + "/collections/" + r.get("collection").asText() + "/items/" + r.get("id").asText() + "?f=html";
            b.append("<li><a href=\"").append(HtmlPages.esc(href)).append("\">").append(HtmlPages.esc(r.get("name").asText())).append("</a> <span"
                    + " class=muted>").append(HtmlPages.esc(r.get("collection_title_zh").asText())).append(" · ")
                    .append(HtmlPages.esc(r.get("collection_title_en").asText())).append("</span></li>");
        }
        b.append("</ul>");
        return HtmlPages.page(Localized.of("查找：" + q, "Search: " + q), base, HtmlPages.crumbs(base), b.toString());
    }
}
