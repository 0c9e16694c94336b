package org.sinkatlas.sink.targets;

import java.util.Objects;

/**
 * Where a target applies: the whole zone (the union of the districts), one district, or one key zone, found
 * by its {@code name} in the {@code districts} or {@code key-zones} layer.
 *
 * @param name the feature's name, e.g. {@code 青浦区}; null for the whole zone
 */
public record Scope(Kind kind, String name) {

    /** The layer of districts, whose union is the whole zone. */
    public static final String DISTRICTS_LAYER = "districts";
    /** The layer of the plan's key zones. */
    public static final String KEY_ZONES_LAYER = "key-zones";

    public enum Kind {
        ZONE("zone"), DISTRICT("district"), KEY_ZONE("key-zone");

        private final String slug;

        Kind(String slug) {
            this.slug = slug;
        }

        public String slug() {
            return slug;
        }
    }

    public static final Scope WHOLE_ZONE = new Scope(Kind.ZONE, null);

    public Scope {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.ZONE) != (name == null)) throw new IllegalArgumentException("only a zone scope has no name");
    }

    /** The layer the scope's shape comes from. */
    public String layer() {
        return kind == Kind.KEY_ZONE ? KEY_ZONES_LAYER : DISTRICTS_LAYER;
    }

    @Override
    public String toString() {
        return kind == Kind.ZONE ? "the whole zone" : kind.slug() + " " + name;
    }
}
