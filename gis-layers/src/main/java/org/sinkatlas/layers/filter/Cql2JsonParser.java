package org.sinkatlas.layers.filter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * Parses the CQL2 JSON encoding (OGC 21-065, {@code cql2-json}) into a {@link Cql2Expression}:
 * {@code {"op": ..., "args": [...]}} nodes, {@code {"property": ...}}, {@code {"date": ...}},
 * {@code {"timestamp": ...}}, {@code {"interval": [...]}}, {@code {"bbox": [...]}}, GeoJSON geometries and
 * plain JSON values. Positions in messages are JSON pointers, e.g. {@code /args/1}.
 */
public final class Cql2JsonParser {

    /** Only reads trees: no configuration of the service's mappers matters here. */
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_DEPTH = 100;

    private Cql2JsonParser() {}

    /**
     * Parses a whole filter.
     *
     * @throws Cql2Exception naming the JSON pointer and what was expected
     */
    public static Cql2Expression parse(String json) {
        if (json == null || json.isBlank()) throw new Cql2Exception("filter: the filter is empty");
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at character " + (e.getLocation().getCharOffset() + 1);
            throw new Cql2Exception("filter: not valid JSON" + where + ": " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) throw new Cql2Exception("filter: the filter is empty");
        return node(root, "", 0);
    }

    private static Cql2Expression node(JsonNode n, String path, int depth) {
        if (depth > MAX_DEPTH) {
            throw new Cql2Exception("filter: nested more than " + MAX_DEPTH + " levels deep at " + at(path));
        }
        if (n.isTextual()) return new Cql2Expression.Literal(n.textValue(), at(path));
        if (n.isIntegralNumber()) {
            if (!n.canConvertToLong()) {
                throw new Cql2Exception("filter: the number at " + at(path) + " is out of range");
            }
            return new Cql2Expression.Literal(n.longValue(), at(path));
        }
        if (n.isNumber()) return new Cql2Expression.Literal(n.doubleValue(), at(path));
        if (n.isBoolean()) return new Cql2Expression.Literal(n.booleanValue(), at(path));
        if (n.isArray()) {
            List<Cql2Expression> items = new ArrayList<>();
            for (int i = 0; i < n.size(); i++) items.add(node(n.get(i), path + "/" + i, depth + 1));
            return new Cql2Expression.ListOf(items, at(path));
        }
        if (!n.isObject()) throw new Cql2Exception("filter: expected an expression at " + at(path) + ", found null");
        if (n.has("op")) return call(n, path, depth);
        if (n.has("property")) {
            JsonNode p = n.get("property");
            if (!p.isTextual() || p.textValue().isEmpty()) {
                throw new Cql2Exception("filter: \"property\" at " + at(path) + " must be a property name");
            }
            return new Cql2Expression.Property(p.textValue(), at(path));
        }
        if (n.has("date")) return new Cql2Expression.Literal(date(n.get("date"), path + "/date"), at(path));
        if (n.has("timestamp")) {
            return new Cql2Expression.Literal(timestamp(n.get("timestamp"), path + "/timestamp"), at(path));
        }
        if (n.has("interval")) return interval(n.get("interval"), path + "/interval", depth);
        // A GeoJSON geometry may carry a "bbox" member of its own: its "type" makes it a geometry, not a BBOX literal.
        if (n.has("type")) return geometry(n, path);
        if (n.has("bbox")) return bbox(n.get("bbox"), path + "/bbox");
        List<String> keys = new ArrayList<>();
        n.fieldNames().forEachRemaining(keys::add);
        throw new Cql2Exception("filter: expected an expression at " + at(path) + " ({\"op\", \"args\"},"
                + " {\"property\"}, {\"date\"}, {\"timestamp\"}, {\"interval\"}, {\"bbox\"}, a GeoJSON geometry or a"
                + " value), found an object with " + keys);
    }

    private static Cql2Expression call(JsonNode n, String path, int depth) {
        JsonNode op = n.get("op");
        if (!op.isTextual()) throw new Cql2Exception("filter: \"op\" at " + at(path) + " must be a string");
        JsonNode args = n.get("args");
        if (args == null || !args.isArray()) {
            throw new Cql2Exception("filter: \"" + op.textValue() + "\" at " + at(path) + " needs an \"args\" array");
        }
        List<Cql2Expression> list = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) list.add(node(args.get(i), path + "/args/" + i, depth + 1));
        String name = op.textValue().toLowerCase(Locale.ROOT);
        return new Cql2Expression.Call(name, list, at(path));
    }

    private static Cql2Expression interval(JsonNode n, String path, int depth) {
        if (!n.isArray() || n.size() != 2) {
            throw new Cql2Exception("filter: \"interval\" at " + at(path) + " must be an array of two instants");
        }
        List<Cql2Expression> ends = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            JsonNode end = n.get(i);
            String p = path + "/" + i;
            if (end.isTextual()) {
                String s = end.textValue();
                if (s.equals("..")) ends.add(new Cql2Expression.Open(at(p)));
                else ends.add(new Cql2Expression.Literal(s.length() == 10 ? date(end, p) : timestamp(end, p), at(p)));
            } else {
                ends.add(node(end, p, depth + 1));
            }
        }
        String owner = path.substring(0, path.length() - "/interval".length());
        return new Cql2Expression.Interval(ends.get(0), ends.get(1), at(owner));
    }

    private static Cql2Expression bbox(JsonNode n, String path) {
        if (!n.isArray() || (n.size() != 4 && n.size() != 6)) {
            throw new Cql2Exception("filter: \"bbox\" at " + at(path)
                    + " must be an array of 4 numbers (or 6 with heights)");
        }
        double[] v = new double[n.size()];
        for (int i = 0; i < n.size(); i++) {
            if (!n.get(i).isNumber()) throw new Cql2Exception("filter: " + at(path + "/" + i) + " must be a number");
            v[i] = n.get(i).doubleValue();
        }
        return new Cql2Expression.Bbox(v, at(path.substring(0, path.length() - "/bbox".length())));
    }

    private static Cql2Expression geometry(JsonNode n, String path) {
        Geometry g;
        try {
            g = new GeoJsonReader().read(n.toString());
        } catch (ParseException | RuntimeException e) {
            throw new Cql2Exception("filter: the GeoJSON geometry at " + at(path) + " cannot be read: "
                    + e.getMessage());
        }
        return new Cql2Expression.Literal(g, at(path));
    }

    private static LocalDate date(JsonNode n, String path) {
        if (n.isTextual()) {
            try {
                return LocalDate.parse(n.textValue());
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        throw new Cql2Exception("filter: " + at(path) + " must be a date (YYYY-MM-DD), not " + n);
    }

    private static Instant timestamp(JsonNode n, String path) {
        if (n.isTextual()) {
            try {
                return OffsetDateTime.parse(n.textValue()).toInstant();
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        throw new Cql2Exception("filter: " + at(path) + " must be an RFC 3339 timestamp such as"
                + " 2024-05-01T08:00:00Z, not " + n);
    }

    private static String at(String path) {
        return path.isEmpty() ? "/" : path;
    }
}
