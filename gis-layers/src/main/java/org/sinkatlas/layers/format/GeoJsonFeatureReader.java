package org.sinkatlas.layers.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * Reads GeoJSON Features and FeatureCollections into geometries and plain property maps, with the JTS
 * GeoJSON reader for geometries. Coordinates are taken as they come (east, north); the caller decides
 * their CRS.
 */
public final class GeoJsonFeatureReader {

    /** A feature as read: id (may be null), geometry, properties (JSON values). */
    public record ReadFeature(Object id, Geometry geometry, Map<String, Object> properties) {}

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final GeoJsonReader geometryReader = new GeoJsonReader(new GeometryFactory());

    /** Every feature of a Feature or FeatureCollection document. */
    public List<ReadFeature> readAll(InputStream in) throws IOException {
        JsonNode root = MAPPER.readTree(in);
        return readAll(root);
    }

    public List<ReadFeature> readAll(JsonNode root) throws IOException {
        if (root == null || !root.isObject()) throw new IOException("not a GeoJSON object");
        String type = root.path("type").asText();
        List<ReadFeature> out = new ArrayList<>();
        if (type.equals("FeatureCollection")) {
            JsonNode features = root.get("features");
            if (features == null || !features.isArray()) throw new IOException("a FeatureCollection needs a 'features' array");
            int i = 0;
            for (JsonNode f : features) {
                try {
                    out.add(read(f));
                } catch (IOException e) {
                    throw new IOException("feature #" + i + ": " + e.getMessage(), e);
                }
                i++;
            }
        } else if (type.equals("Feature")) {
            out.add(read(root));
        } else {
            throw new IOException("expected a GeoJSON Feature or FeatureCollection, got type '" + type + "'");
        }
        return out;
    }

    public ReadFeature read(JsonNode feature) throws IOException {
        if (!feature.isObject() || !"Feature".equals(feature.path("type").asText())) {
            throw new IOException("not a GeoJSON Feature");
        }
        JsonNode g = feature.get("geometry");
        Geometry geometry = g == null || g.isNull() ? null : geometry(g);
        Map<String, Object> props = new LinkedHashMap<>();
        JsonNode p = feature.get("properties");
        if (p != null && p.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = p.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                props.put(e.getKey(), plain(e.getValue()));
            }
        } else if (p != null && !p.isNull()) {
            throw new IOException("'properties' must be an object or null");
        }
        JsonNode id = feature.get("id");
        Object idValue = id == null || id.isNull() ? null : id.isNumber() ? (Object) id.asLong() : id.asText();
        return new ReadFeature(idValue, geometry, props);
    }

    public Geometry geometry(JsonNode g) throws IOException {
        if (!(g instanceof ObjectNode) || !g.has("type")) throw new IOException("a geometry must be an object with a 'type'");
        try {
            return geometryReader.read(g.toString());
        } catch (ParseException | RuntimeException e) {
            throw new IOException("unreadable geometry: " + e.getMessage(), e);
        }
    }

    /** A JSON value as String, Long, Double, Boolean, Map or List. */
    static Object plain(JsonNode v) {
        if (v == null || v.isNull()) return null;
        if (v.isTextual()) return v.asText();
        if (v.isIntegralNumber()) return v.asLong();
        if (v.isNumber()) return v.asDouble();
        if (v.isBoolean()) return v.asBoolean();
        if (v.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            v.fields().forEachRemaining(e -> m.put(e.getKey(), plain(e.getValue())));
            return m;
        }
        List<Object> list = new ArrayList<>();
        v.forEach(x -> list.add(plain(x)));
        return list;
    }
}
