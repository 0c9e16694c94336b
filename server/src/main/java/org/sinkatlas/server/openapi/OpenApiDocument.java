package org.sinkatlas.server.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.PropertyDef;
import org.sinkatlas.server.features.PropertySchema;
import org.sinkatlas.server.http.ApiParameter;
import org.sinkatlas.server.http.ApiRoute;
import org.sinkatlas.server.http.Json;
import org.sinkatlas.server.http.MediaTypes;
import org.sinkatlas.server.http.Role;
import org.sinkatlas.server.http.ServiceInfo;

/**
 * Writes the OpenAPI 3.0 document from the same route list that Javalin serves, so the two cannot
 * drift apart. Routes of one collection are written once per published collection (as pygeoapi does),
 * with that collection's property filters as query parameters and its id in place of the path parameter.
 */
public final class OpenApiDocument {

    private static final String BEARER = "bearerAuth";

    private OpenApiDocument() {}

    public static ObjectNode build(String base, String version, List<ApiRoute> routes, List<LayerInfo> layers) {
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.put("openapi", "3.0.3");
        ObjectNode info = doc.putObject("info");
        info.put("title", ServiceInfo.TITLE.both());
        info.put("description", ServiceInfo.DESCRIPTION.zh() + "\n\n" + ServiceInfo.DESCRIPTION.en());
        info.put("version", version);
        doc.putArray("servers").addObject().put("url", base);
        ObjectNode paths = doc.putObject("paths");
        for (ApiRoute r : routes) {
            if (!r.perCollection()) {
                operation(paths, r.path(), r, operationId(r, SERVICE_PREFIX, null), null);
                continue;
            }
            for (LayerInfo layer : layers) {
                operation(paths, r.path().replace("{collectionId}", layer.id()), r, operationId(r, layer.tableName(),
                        layer.tableName()), layer);
            }
        }
        ObjectNode components = doc.putObject("components");
        components.putObject("securitySchemes").putObject(BEARER).put("type", "http").put("scheme", "bearer")
                .put("description", "An API key of this service (sa_...), or an OpenID Connect access token when the"
                        + " service is configured to accept them. Without one, a caller is the public.");
        ObjectNode schemas = components.putObject("schemas");
        ObjectNode problem = schemas.putObject("Problem").put("type", "object");
        ObjectNode props = problem.putObject("properties");
        for (String s : List.of("type", "code", "title", "detail")) props.putObject(s).put("type", "string");
        props.putObject("status").put("type", "integer");
        return doc;
    }

    private static void operation(ObjectNode paths, String path, ApiRoute r, String operationId, LayerInfo layer) {
        ObjectNode item = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
        ObjectNode get = item.putObject(r.method().name().toLowerCase(java.util.Locale.ROOT));
        get.put("operationId", operationId);
        get.put("summary", layer == null ? r.summary() : r.summary() + ": " + layer.title().both());
        get.putArray("tags").add(r.tag());
        ArrayNode params = get.putArray("parameters");
        for (ApiParameter p : r.parameters()) {
            if (layer != null && p.name().equals("collectionId")) continue;
            params.add(parameter(p));
        }
        if (layer != null && r.path().endsWith("/items")) {
            for (PropertyDef p : layer.properties()) {
                if (p.type() == org.sinkatlas.layers.model.PropertyType.JSON) continue;
                params.add(parameter(ApiParameter.query(p.name(), "Features whose " + p.name() + " equals this value ("
                        + p.title().both() + ").", PropertySchema.of(p))));
            }
        }
        if (r.requestType() != null) {
            get.putObject("requestBody").put("required", true).putObject("content").putObject(r.requestType())
                    .putObject("schema").put("type", "object");
        }
        ObjectNode responses = get.putObject("responses");
        ObjectNode ok = responses.putObject(Integer.toString(r.okStatus())).put("description",
                r.okStatus() == 202 ? "Accepted: the work runs in the background" : "Success");
        ObjectNode content = ok.putObject("content");
        for (String type : r.responseTypes()) {
            ObjectNode schema = content.putObject(type).putObject("schema");
            schema.put("type", type.startsWith("text/") ? "string" : "object");
        }
        problemResponse(responses, "400", "Bad request: an unknown parameter or a bad value");
        if (r.role() != Role.ANONYMOUS) {
            get.putArray("security").addObject().putArray(BEARER);
            problemResponse(responses, "401", "No API key, or one that is not valid");
            problemResponse(responses, "403", "The key's role or layers do not allow this");
        }
        if (r.path().contains("{")) problemResponse(responses, "404", "No such collection or feature");
        r.parameters().stream().filter(p -> p.name().equals("If-Match")).findFirst().ifPresent(ifMatch -> {
            problemResponse(responses, "412", "The feature changed since the version If-Match names");
            if (ifMatch.required()) problemResponse(responses, "428", "No If-Match: the problem gives the current etag");
        });
        problemResponse(responses, "503", "The data store does not answer");
    }

    /** What the operation ids of OGC API - Tiles (Table 11: suffixes such as .collection.vector.getTile) start with. */
    private static final String SERVICE_PREFIX = "sinkatlas";

    /**
     * A route's operation id in the document: an id that is a suffix of OGC API - Tiles' Table 11 (it starts with a
     * dot) gets a prefix that keeps it unique, the collection's for a route per collection; another id gets the
     * collection's name appended.
     */
    private static String operationId(ApiRoute r, String prefix, String collection) {
        if (r.operationId().startsWith(".")) return prefix + r.operationId();
        return collection == null ? r.operationId() : r.operationId() + "_" + collection;
    }

    private static void problemResponse(ObjectNode responses, String status, String description) {
        responses.putObject(status).put("description", description).putObject("content")
                .putObject(MediaTypes.PROBLEM_JSON).putObject("schema").put("$ref", "#/components/schemas/Problem");
    }

    private static ObjectNode parameter(ApiParameter p) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("name", p.name());
        o.put("in", p.in());
        o.put("description", p.description());
        o.put("required", p.required());
        if (p.style() != null) {
            o.put("style", p.style());
            o.put("explode", false);
        }
        o.set("schema", p.schema());
        return o;
    }
}
