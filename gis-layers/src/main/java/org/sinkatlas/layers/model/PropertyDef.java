package org.sinkatlas.layers.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One typed property of a layer's features; its name is also its column name in every store. Its limits are
 * checked on every write: {@code maxLength} (characters of a text, or of a JSON object written out; by default
 * {@value #DEFAULT_TEXT_LENGTH} and {@value #DEFAULT_JSON_LENGTH}) and, for numbers, {@code minimum} and
 * {@code maximum} (none by default). A text property may name the values it takes with a label in each language
 * ({@code values}, e.g. {@code built → 建成 / Built}), which maps and pages show instead of the codes; other values
 * are still accepted.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PropertyDef(String name, PropertyType type, Localized title, Integer maxLength, Double minimum, Double maximum,
        Map<String, Localized> values) {

    /** The most characters a text property holds unless its definition says otherwise: a long note, not a file. */
    public static final int DEFAULT_TEXT_LENGTH = 10_000;
    /** The most characters a JSON property's object takes written out, unless its definition says otherwise. */
    public static final int DEFAULT_JSON_LENGTH = 100_000;

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public PropertyDef {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        if (name == null || !NAME.matcher(name).matches() || name.startsWith("sa_") || name.equals("id")
                || name.equals("fid") || name.equals("geom")) {
            throw new IllegalArgumentException("property name '" + name
                    + "' must match [a-z][a-z0-9_]* and not be id, fid, geom or start with sa_");
        }
        if (maxLength != null && (maxLength < 1 || (type != PropertyType.STRING && type != PropertyType.JSON))) {
            throw new IllegalArgumentException("property '" + name + "': maxLength is a positive number of characters,"
                    + " for STRING and JSON properties");
        }
        boolean numeric = type == PropertyType.INTEGER || type == PropertyType.REAL;
        if ((minimum != null || maximum != null) && !numeric) {
            throw new IllegalArgumentException("property '" + name + "': minimum and maximum are for INTEGER and REAL properties");
        }
        if (minimum != null && maximum != null && minimum > maximum) {
            throw new IllegalArgumentException("property '" + name + "': minimum " + minimum + " is above maximum " + maximum);
        }
        if (values != null && type != PropertyType.STRING) {
            throw new IllegalArgumentException("property '" + name + "': values with labels are for STRING properties");
        }
        values = values == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public PropertyDef(String name, PropertyType type, Localized title) {
        this(name, type, title, null, null, null, null);
    }

    public static PropertyDef of(String name, PropertyType type, String zh, String en) {
        return new PropertyDef(name, type, Localized.of(zh, en));
    }

    /** This property with values kept within {@code minimum..maximum} (either may be null: unbounded). */
    public PropertyDef withRange(Double min, Double max) {
        return new PropertyDef(name, type, title, maxLength, min, max, values);
    }

    /** This property with labels for the values it takes, in their order. */
    public PropertyDef withValues(Map<String, Localized> labelled) {
        return new PropertyDef(name, type, title, maxLength, minimum, maximum, labelled);
    }

    /** The label of a value in a language ({@code zh} or {@code en}), or the value itself when it has none. */
    public String label(Object value, String lang) {
        if (value == null) return null;
        Localized l = values == null ? null : values.get(value.toString());
        return l == null ? value.toString() : l.in(lang);
    }

    /** The most characters a value may have: the definition's own, else the type's default; null for other types. */
    public Integer lengthLimit() {
        if (maxLength != null) return maxLength;
        if (type == PropertyType.STRING) return DEFAULT_TEXT_LENGTH;
        if (type == PropertyType.JSON) return DEFAULT_JSON_LENGTH;
        return null;
    }
}
