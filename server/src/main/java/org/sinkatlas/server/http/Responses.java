package org.sinkatlas.server.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;

/**
 * Writes response bodies as UTF-8 bytes, in one place: JSON media types carry no charset parameter (JSON
 * is always UTF-8), so the text must not go through a default charset.
 */
public final class Responses {

    private Responses() {}

    public static void json(Context ctx, Object body) {
        json(ctx, MediaTypes.JSON, body);
    }

    public static void json(Context ctx, String mediaType, Object body) {
        ctx.contentType(mediaType);
        ctx.result(Json.write(body).getBytes(StandardCharsets.UTF_8));
    }

    public static void html(Context ctx, String page) {
        text(ctx, MediaTypes.HTML + "; charset=utf-8", page);
    }

    public static void text(Context ctx, String mediaType, String body) {
        ctx.contentType(mediaType);
        ctx.result(body.getBytes(StandardCharsets.UTF_8));
    }
}
