package org.sinkatlas.layers.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.PropertyDef;

/**
 * How stores keep JSON: layer definitions, JSON-typed properties and the property maps of history rows.
 * Dates are written as ISO-8601 text so that the JSON is the same whatever the engine.
 */
public final class StoreJson {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    private StoreJson() {}

    public static String layerToJson(LayerInfo layer) {
        return write(layer);
    }

    public static LayerInfo layerFromJson(String json) {
        try {
            return MAPPER.readValue(json, LayerInfo.class);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored layer definition is not readable: " + e.getOriginalMessage(), e);
        }
    }

    /** A JSON object as a map (for JSON-typed properties). */
    public static Map<String, Object> objectFromJson(String json) {
        if (json == null) return null;
        try {
            return MAPPER.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored JSON is not readable: " + e.getOriginalMessage(), e);
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The JSON form of a typed property value: dates as ISO text, everything else as is. */
    public static Object jsonValue(Object value) {
        if (value instanceof Instant i) return formatInstant(i);
        if (value instanceof LocalDate) return value.toString();
        return value;
    }

    /**
     * An instant as fixed-width ISO-8601 UTC text with milliseconds ({@code 2024-05-01T08:00:00.000Z}),
     * so that stored times compare correctly as text.
     */
    public static String formatInstant(Instant instant) {
        return INSTANT.format(instant);
    }

    public static String propertiesToJson(Map<String, Object> properties) {
        Map<String, Object> json = new LinkedHashMap<>();
        properties.forEach((k, v) -> json.put(k, jsonValue(v)));
        return write(json);
    }

    public static Map<String, Object> propertiesFromJson(LayerInfo layer, String json) {
        Map<String, Object> raw = objectFromJson(json);
        Map<String, Object> typed = new LinkedHashMap<>();
        for (PropertyDef p : layer.properties()) {
            Object v = raw == null ? null : raw.get(p.name());
            typed.put(p.name(), v == null ? null : p.type().coerce(v));
        }
        return typed;
    }

    /** Parses a stored date ({@code yyyy-MM-dd}, or the date part of a date-time). */
    public static LocalDate parseDate(String text) {
        if (text == null) return null;
        if (text.length() >= 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            return LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
        }
        return LocalDate.parse(text.trim());
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) throw new DateTimeParseException("not a digit", s, i);
            v = v * 10 + d;
        }
        return v;
    }

    /** Parses a stored time: an ISO instant, or a date-time with an offset, or a date (midnight UTC). */
    public static Instant parseInstant(String text) {
        if (text == null) return null;
        // Fast path for the form stores write (yyyy-MM-ddTHH:mm:ss.SSSZ): reads are dominated by it.
        if (text.length() == 24 && text.charAt(10) == 'T' && text.charAt(19) == '.' && text.charAt(23) == 'Z') {
            long day = LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10)).toEpochDay();
            long seconds = day * 86_400 + digits(text, 11, 13) * 3600L + digits(text, 14, 16) * 60L + digits(text, 17, 19);
            return Instant.ofEpochSecond(seconds, digits(text, 20, 23) * 1_000_000L);
        }
        String t = text.trim().replace(' ', 'T');
        if (t.length() == 10) return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        }
    }
}
