package org.sinkatlas.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads request bodies strictly: the media type must be one the route takes, and the JSON must parse. */
public final class RequestBodies {

    /** The largest request body accepted (bodies without a length are cut off here as they are read). */
    public static final long MAX_BYTES = 10_000_000L;

    private RequestBodies() {}

    /**
     * The body as a JSON object.
     *
     * @param mediaTypes the media types accepted (parameters such as {@code charset} are ignored)
     * @throws ApiProblem 415 for another media type, 400 for a body that is not a JSON object
     */
    public static JsonNode jsonObject(Context ctx, String... mediaTypes) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!List.of(mediaTypes).contains(type)) {
            throw ApiProblem.unsupportedMediaType("send the body as " + String.join(" or ", mediaTypes) + ", not '" + type + "'");
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(ctx.bodyAsBytes());
        } catch (JsonProcessingException e) {
            throw ApiProblem.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiProblem.badRequest("the body could not be read: " + e.getMessage());
        }
        if (node == null || !node.isObject()) throw ApiProblem.badRequest("the body must be a JSON object");
        return node;
    }

    /** Refuses fields of a JSON object other than {@code allowed}, so that a typo is not silently ignored. */
    public static void requireOnly(JsonNode body, Set<String> allowed) {
        body.fieldNames().forEachRemaining(f -> {
            if (!allowed.contains(f)) throw ApiProblem.badRequest("unknown field '" + f + "'; this accepts " + allowed);
        });
    }
}
