package org.sinkatlas.server.http;

import io.javalin.http.Context;
import java.util.Locale;

/**
 * The representation a request asks for: JSON (GeoJSON for features) or HTML. The {@code f} parameter
 * wins; otherwise the Accept header's preference between JSON and HTML, by q-value; JSON by default.
 */
public enum Format {
    JSON, HTML;

    public static Format of(Context ctx) {
        String f = ctx.queryParam("f");
        if (f != null) {
            switch (f.toLowerCase(Locale.ROOT)) {
                case "json":
                case "geojson":
                    return JSON;
                case "html":
                    return HTML;
                default:
                    throw ApiProblem.badRequest("f must be json or html, not '" + f + "'");
            }
        }
        return fromAccept(ctx.header("Accept"));
    }

    /** The better of JSON and HTML for an Accept header; JSON when it does not say. */
    static Format fromAccept(String accept) {
        if (accept == null || accept.isBlank()) return JSON;
        double json = 0;
        double html = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.trim().split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].trim();
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException ignored) {
                        q = 0;
                    }
                }
            }
            if (type.equals("text/html") || type.equals("application/xhtml+xml")) html = Math.max(html, q);
            else if (type.endsWith("json")) json = Math.max(json, q);
            else if (type.equals("*/*") || type.equals("application/*")) json = Math.max(json, q * 0.99);
        }
        return html > json ? HTML : JSON;
    }
}
