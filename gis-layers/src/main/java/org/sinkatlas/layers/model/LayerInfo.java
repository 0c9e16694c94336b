package org.sinkatlas.layers.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sinkatlas.layers.fault.InvalidInputException;
import java.util.Collection;

/**
 * What a layer is: its id (a short English slug, also the OGC collection id), bilingual title and
 * description, geometry kind, typed properties, the property that gives its features a time, and
 * whether the public may see it.
 *
 * @param temporalProperty name of a DATE or DATETIME property used by {@code datetime} filters, or null
 * @param attribution      source and licence line shown with the data
 */
public record LayerInfo(
        String id,
        Localized title,
        Localized description,
        GeometryKind geometryKind,
        List<PropertyDef> properties,
        String temporalProperty,
        boolean published,
        String attribution,
        List<String> keywords) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,40}");

    public LayerInfo {
        if (id == null || !ID.matcher(id).matches() || id.endsWith("-") || id.contains("--")) {
            throw new IllegalArgumentException("layer id '" + id + "' must be a slug like 'key-zones'");
        }
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(geometryKind, "geometryKind");
        properties = List.copyOf(properties);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        attribution = attribution == null ? "" : attribution;
        Map<String, PropertyDef> seen = new LinkedHashMap<>();
        for (PropertyDef p : properties) {
            if (seen.put(p.name(), p) != null) {
                throw new IllegalArgumentException("layer " + id + ": property " + p.name() + " declared twice");
            }
        }
        if (temporalProperty != null) {
            PropertyDef t = seen.get(temporalProperty);
            if (t == null || !t.type().isTemporal()) {
                throw new IllegalArgumentException("layer " + id + ": temporal property " + temporalProperty
                        + " must be a declared DATE or DATETIME property");
            }
        }
    }

    /** The table that holds this layer in a SQL store: the id with '-' turned into '_'. */
    public String tableName() {
        return id.replace('-', '_');
    }

    public Optional<PropertyDef> property(String name) {
        for (PropertyDef p : properties) {
            if (p.name().equals(name)) return Optional.of(p);
        }
        return Optional.empty();
    }

    /**
     * The layer as a read of only some of its properties sees it (OGC API Features' {@code properties}):
     * those properties, in the layer's order.
     *
     * @throws org.sinkatlas.layers.fault.InvalidInputException naming the properties the layer has, for an unknown name
     */
    public LayerInfo withOnly(Collection<String> names) {
        for (String n : names) {
            if (property(n).isEmpty()) {
                throw new InvalidInputException("properties: layer " + id + " has no property '" + n + "'; it has "
                        + propertyNames());
            }
        }
        List<PropertyDef> kept = properties.stream().filter(p -> names.contains(p.name())).toList();
        String time = temporalProperty != null && names.contains(temporalProperty) ? temporalProperty : null;
        return new LayerInfo(id, title, description, geometryKind, kept, time, published, attribution, keywords);
    }

    public LayerInfo withPublished(boolean isPublished) {
        return new LayerInfo(id, title, description, geometryKind, properties, temporalProperty, isPublished,
                attribution, keywords);
    }

    /**
     * Checks and converts a feature's properties to their declared types. Unknown names are refused so
     * that a typo never silently drops data.
     *
     * @throws IllegalArgumentException naming the first property that does not fit
     */
    public Map<String, Object> coerceProperties(Map<String, ?> raw) {
        Map<String, Object> typed = new LinkedHashMap<>();
        if (raw == null) return typed;
        for (Map.Entry<String, ?> e : raw.entrySet()) {
            PropertyDef def = property(e.getKey()).orElseThrow(() -> new IllegalArgumentException(
                    "unknown property '" + e.getKey() + "' for layer " + id + " (known: " + propertyNames() + ")"));
            try {
                typed.put(def.name(), def.type().coerce(e.getValue()));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("property '" + def.name() + "': " + ex.getMessage(), ex);
            }
        }
        return typed;
    }

    public List<String> propertyNames() {
        return properties.stream().map(PropertyDef::name).toList();
    }
}
