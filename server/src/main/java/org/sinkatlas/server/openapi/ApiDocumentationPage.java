package org.sinkatlas.server.openapi;

import java.util.List;
import org.sinkatlas.layers.model.Localized;
import org.sinkatlas.server.html.HtmlPages;
import org.sinkatlas.server.http.ApiRoute;

/** The API documentation as a page: every route with its parameters and formats, and a link to the OpenAPI document. */
final class ApiDocumentationPage {

    private ApiDocumentationPage() {}

    public static String of(String base, List<ApiRoute> routes) {
        StringBuilder b = new StringBuilder("<p>完整定义见 Full definition: <a href=\"").append(HtmlPages.esc(base))
                .append("/api\">/api</a> (OpenAPI 3.0 JSON)</p><table><tr><th>路径 Path</th><th>说明 Summary</th>"
                        + "<th>参数 Query parameters</th><th>格式 Formats</th></tr>");
        for (ApiRoute r : routes) {
            b.append("<tr><td><code>").append(r.method().name()).append(" ").append(HtmlPages.esc(r.path())).append("</code></td><td>").append(HtmlPages.esc(r.summary()))
                    .append("</td><td>").append(HtmlPages.esc(String.join(", ", r.queryNames()))).append(r.perCollection()
                            && r.path().endsWith("/items") ? HtmlPages.esc(", <property>=<value>") : "").append("</td><td>")
                    .append(HtmlPages.esc(String.join(", ", r.responseTypes()))).append("</td></tr>");
        }
        b.append("</table>");
        return HtmlPages.page(Localized.of("接口文档", "API documentation"), base, HtmlPages.crumbs(base), b.toString());
    }
}
