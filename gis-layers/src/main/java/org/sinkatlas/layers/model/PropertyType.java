package org.sinkatlas.layers.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The type of a feature property. Values are held in Java as String, Long, Double, Boolean,
 * LocalDate, Instant, or Map (JSON object), whatever the store engine.
 */
public enum PropertyType {
    STRING("string"),
    INTEGER("integer"),
    REAL("number"),
    BOOLEAN("boolean"),
    DATE("string"),
    DATETIME("string"),
    JSON("object");

    private final String jsonSchemaType;

    PropertyType(String jsonSchemaType) {
        this.jsonSchemaType = jsonSchemaType;
    }

    public String jsonSchemaType() {
        return jsonSchemaType;
    }

    /** JSON Schema {@code format} for the string-typed temporal properties, else null. */
    public String jsonSchemaFormat() {
        return this == DATE ? "date" : this == DATETIME ? "date-time" : null;
    }

    public boolean isTemporal() {
        return this == DATE || this == DATETIME;
    }

    /**
     * Turns a value from JSON, a query string or a file into this type's Java value.
     *
     * @throws IllegalArgumentException naming what was expected, when the value does not fit
     */
    public Object coerce(Object value) {
        if (value == null) return null;
        switch (this) {
            case STRING:
                if (value instanceof Map) throw mismatch(value);
                return value.toString();
            case INTEGER:
                if (value instanceof Long) return value;
                if (value instanceof Integer || value instanceof Short) return ((Number) value).longValue();
                if (value instanceof Number n) {
                    double d = n.doubleValue();
                    if (d == Math.rint(d) && Math.abs(d) < 9.0e15) return (long) d;
                    throw mismatch(value);
                }
                if (value instanceof String s) {
                    try {
                        return Long.parseLong(s.trim());
                    } catch (NumberFormatException e) {
                        throw mismatch(value);
                    }
                }
                throw mismatch(value);
            case REAL:
                if (value instanceof Number n) return finite(n.doubleValue(), value);
                if (value instanceof String s) {
                    try {
                        return finite(Double.parseDouble(s.trim()), value);
                    } catch (NumberFormatException e) {
                        throw mismatch(value);
                    }
                }
                throw mismatch(value);
            case BOOLEAN:
                if (value instanceof Boolean) return value;
                if (value instanceof Number n && (n.longValue() == 0 || n.longValue() == 1)) return n.longValue() == 1;
                if (value instanceof String s) {
                    if (s.equalsIgnoreCase("true")) return true;
                    if (s.equalsIgnoreCase("false")) return false;
                }
                throw mismatch(value);
            case DATE:
                if (value instanceof LocalDate) return value;
                if (value instanceof String s) {
                    try {
                        return LocalDate.parse(s.trim());
                    } catch (DateTimeParseException e) {
                        throw mismatch(value);
                    }
                }
                throw mismatch(value);
            case DATETIME:
                if (value instanceof Instant) return value;
                if (value instanceof String s) {
                    try {
                        return OffsetDateTime.parse(s.trim()).toInstant();
                    } catch (DateTimeParseException e) {
                        throw mismatch(value);
                    }
                }
                throw mismatch(value);
            case JSON:
                if (value instanceof Map) return value;
                throw mismatch(value);
            default:
                throw new IllegalStateException(name());
        }
    }

    private Double finite(double d, Object original) {
        if (Double.isNaN(d) || Double.isInfinite(d)) throw mismatch(original);
        return d;
    }

    private IllegalArgumentException mismatch(Object value) {
        String shown = String.valueOf(value);
        if (shown.length() > 60) shown = shown.substring(0, 57) + "...";
        return new IllegalArgumentException("expected " + describe() + ", got '" + shown + "'");
    }

    /** What a value of this type looks like, for error messages. */
    public String describe() {
        switch (this) {
            case STRING: return "a string";
            case INTEGER: return "an integer";
            case REAL: return "a number";
            case BOOLEAN: return "true or false";
            case DATE: return "a date (YYYY-MM-DD)";
            case DATETIME: return "an RFC 3339 date-time (e.g. 2024-05-01T08:00:00Z)";
            case JSON: return "a JSON object";
            default: return name();
        }
    }
}
