package org.sinkatlas.layers.model;

import java.util.Objects;
import java.util.regex.Pattern;

/** One typed property of a layer's features; its name is also its column name in every store. */
public record PropertyDef(String name, PropertyType type, Localized title) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public PropertyDef {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        if (name == null || !NAME.matcher(name).matches() || name.startsWith("sa_") || name.equals("id")
                || name.equals("fid") || name.equals("geom")) {
            throw new IllegalArgumentException("property name '" + name
                    + "' must match [a-z][a-z0-9_]* and not be id, fid, geom or start with sa_");
        }
    }

    public static PropertyDef of(String name, PropertyType type, String zh, String en) {
        return new PropertyDef(name, type, Localized.of(zh, en));
    }
}
