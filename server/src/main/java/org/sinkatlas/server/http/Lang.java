package org.sinkatlas.server.http;

import io.javalin.http.Context;
import java.util.Locale;

/**
 * The language a request prefers for titles and descriptions, from Accept-Language: {@code zh} or
 * {@code en} when it names one of them first, else null (both languages, Chinese first).
 */
public final class Lang {

    private Lang() {}

    public static String of(Context ctx) {
        String header = ctx.header("Accept-Language");
        if (header == null) return null;
        for (String part : header.split(",")) {
            String tag = part.trim().split(";")[0].trim().toLowerCase(Locale.ROOT);
            if (tag.startsWith("zh")) return "zh";
            if (tag.startsWith("en")) return "en";
            if (tag.equals("*")) return null;
        }
        return null;
    }
}
