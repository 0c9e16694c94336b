package org.sinkatlas.layers.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A filter on a layer's features, as an expression tree. Query parameters (bbox, datetime, property
 * equality) and CQL2 are parsed into it; each store engine turns it into its own query with bound
 * parameters. Values are already of the property's Java type; geometries are in the storage CRS.
 * The pseudo-property {@code id} names the feature id.
 */
public sealed interface Filter {

    /** Matches every feature. */
    Filter ALL = new All();

    record All() implements Filter {}

    record And(List<Filter> parts) implements Filter {
        public And {
            parts = List.copyOf(parts);
        }
    }

    record Or(List<Filter> parts) implements Filter {
        public Or {
            parts = List.copyOf(parts);
        }
    }

    record Not(Filter inner) implements Filter {}

    /**
     * {@code property op value}; a null value never matches (use {@link IsNull}).
     *
     * @param caseInsensitive compare strings after case folding both sides (CQL2 {@code CASEI})
     */
    record Compare(String property, ComparisonOp op, Object value, boolean caseInsensitive) implements Filter {
        public Compare {
            Objects.requireNonNull(property);
            Objects.requireNonNull(op);
            Objects.requireNonNull(value, "compare with null: use IsNull");
        }

        public Compare(String property, ComparisonOp op, Object value) {
            this(property, op, value, false);
        }
    }

    /** SQL-style pattern: {@code %} any run of characters, {@code _} one character. */
    record Like(String property, String pattern, boolean caseInsensitive) implements Filter {}

    /** @param caseInsensitive match strings after case folding both sides (CQL2 {@code CASEI}) */
    record In(String property, List<Object> values, boolean caseInsensitive) implements Filter {
        public In {
            values = List.copyOf(values);
        }

        public In(String property, List<Object> values) {
            this(property, values, false);
        }
    }

    record Between(String property, Object low, Object high) implements Filter {}

    record IsNull(String property) implements Filter {}

    /** The feature's geometry intersects this geometry (exactly, not only by envelope). */
    record Intersects(Geometry geometry) implements Filter {}

    /**
     * The feature's box meets {@code box}, and is at least {@code minWidth} wide or {@code minHeight} high
     * (storage CRS units; a point always is): what a map at some scale can show of an area. Engines answer it
     * from their spatial index alone, so thinning a low-zoom tile does not read the features it leaves out.
     */
    record BigEnoughIn(Envelope box, double minWidth, double minHeight) implements Filter {}

    /**
     * The feature's geometry stands in this DE-9IM relation to a geometry (storage CRS): {@code op(feature,
     * geometry)}. Intersects is {@link Intersects}; disjoint is {@code Not(Intersects)}.
     */
    record Spatial(SpatialOp op, Geometry geometry) implements Filter {
        public Spatial {
            Objects.requireNonNull(op);
            Objects.requireNonNull(geometry);
        }
    }

    /**
     * A temporal relation between two time spans, {@code op(left, right)}, as CQL2 defines the T_ functions.
     * Either side may hold property values; their ends are compared in the properties' own type.
     */
    record Temporal(TemporalOp op, TimeSpan left, TimeSpan right) implements Filter {
        public Temporal {
            Objects.requireNonNull(op);
            Objects.requireNonNull(left);
            Objects.requireNonNull(right);
        }
    }

    /**
     * The temporal property's value falls in the interval (a DATE covers its whole day).
     *
     * @param property a DATE or DATETIME property
     */
    record During(String property, TimeInterval interval) implements Filter {}

    static Filter and(Filter... parts) {
        List<Filter> kept = new ArrayList<>();
        for (Filter p : parts) {
            if (p == null || p instanceof All) continue;
            if (p instanceof And a) kept.addAll(a.parts());
            else kept.add(p);
        }
        if (kept.isEmpty()) return ALL;
        if (kept.size() == 1) return kept.get(0);
        return new And(kept);
    }

    static Filter bbox(Envelope envelope) {
        return new Intersects(new GeometryFactory().toGeometry(envelope));
    }
}
