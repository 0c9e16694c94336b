package org.sinkatlas.server.features;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sinkatlas.layers.model.PropertyDef;
import org.sinkatlas.layers.model.PropertyType;
import org.sinkatlas.server.http.Json;

/** The JSON Schema of a property, as queryables, the collection schema and the OpenAPI document give it. */
public final class PropertySchema {

    private PropertySchema() {}

    /** Its type and format, and the limits a write is held to (maxLength, minimum, maximum). */
    public static ObjectNode of(PropertyDef p) {
        ObjectNode schema = Json.MAPPER.createObjectNode().put("type", p.type().jsonSchemaType());
        if (p.type().jsonSchemaFormat() != null) schema.put("format", p.type().jsonSchemaFormat());
        if (p.type() == PropertyType.STRING) {
            schema.put("maxLength", p.lengthLimit());
        }
        if (p.minimum() != null) schema.put("minimum", p.minimum());
        if (p.maximum() != null) schema.put("maximum", p.maximum());
        return schema;
    }
}
