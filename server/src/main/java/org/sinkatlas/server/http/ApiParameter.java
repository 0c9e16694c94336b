package org.sinkatlas.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A parameter of an API route, declared once: the request check accepts it and the OpenAPI document
 * describes it.
 *
 * @param in     {@code query}, {@code path} or {@code header}
 * @param schema its JSON schema
 * @param style  OpenAPI style ({@code form}) with {@code explode} false, as OGC API Features declares its query
 *               parameters (limit, bbox, datetime), or null
 */
public record ApiParameter(String name, String in, String description, boolean required, ObjectNode schema,
        String style) {

    public static ApiParameter query(String name, String description, ObjectNode schema) {
        return new ApiParameter(name, "query", description, false, schema, null);
    }

    public static ApiParameter path(String name, String description, ObjectNode schema) {
        return new ApiParameter(name, "path", description, true, schema, null);
    }

    public static ApiParameter header(String name, String description, boolean required, ObjectNode schema) {
        return new ApiParameter(name, "header", description, required, schema, null);
    }

    /** The parameter declared {@code style: form, explode: false}: one value, or a comma-separated list. */
    public ApiParameter formStyle() {
        return new ApiParameter(name, in, description, required, schema, "form");
    }
}
