package org.sinkatlas.server.http;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Absolute URLs for links: from the configured public base URL when the service runs behind a proxy,
 * otherwise from the request's scheme and Host header.
 */
public final class Urls {

    private final String configuredBase;

    /** @param configuredBase e.g. {@code https://atlas.example.org/sink}, or null to use each request's host */
    public Urls(String configuredBase) {
        this.configuredBase = configuredBase == null || configuredBase.isBlank() ? null
                : configuredBase.replaceAll("/+$", "");
    }

    /** The service root without a trailing slash. */
    public String base(Context ctx) {
        if (configuredBase != null) return configuredBase;
        String host = ctx.host();
        String path = ctx.contextPath();
        if (path.endsWith("/")) path = path.substring(0, path.length() - 1);
        return ctx.scheme() + "://" + (host == null ? "localhost" : host) + path;
    }

    public String at(Context ctx, String path) {
        return base(ctx) + path;
    }

    /** A query string from parameters in order ({@code ?a=1&b=2}), values URL-encoded; empty when none. */
    public static String query(Map<String, String> params) {
        StringJoiner j = new StringJoiner("&", "?", "");
        j.setEmptyValue("");
        params.forEach((k, v) -> j.add(encode(k) + "=" + encode(v)));
        return j.toString();
    }

    public static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
