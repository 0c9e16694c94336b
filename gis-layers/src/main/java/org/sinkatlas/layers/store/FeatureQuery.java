package org.sinkatlas.layers.store;

import java.util.List;
import org.sinkatlas.layers.filter.Filter;

/**
 * A read: which features (filter), which page of them in id order, and which of their properties.
 *
 * @param limit at most this many features; {@link #UNLIMITED} for all
 * @param properties the properties to read, in any order; null for all of them
 */
public record FeatureQuery(Filter filter, long offset, long limit, List<String> properties) {

    public static final long UNLIMITED = -1;

    public FeatureQuery {
        if (filter == null) filter = Filter.ALL;
        if (offset < 0) throw new IllegalArgumentException("offset must be >= 0");
        if (limit < UNLIMITED) throw new IllegalArgumentException("limit must be >= 0 or UNLIMITED");
        if (properties != null) properties = List.copyOf(properties);
    }

    /** Every property of the features. */
    public FeatureQuery(Filter filter, long offset, long limit) {
        this(filter, offset, limit, null);
    }

    /** The same read of only these properties (null: all). */
    public FeatureQuery withProperties(List<String> names) {
        return new FeatureQuery(filter, offset, limit, names);
    }

    public static FeatureQuery all() {
        return new FeatureQuery(Filter.ALL, 0, UNLIMITED);
    }

    public static FeatureQuery of(Filter filter) {
        return new FeatureQuery(filter, 0, UNLIMITED);
    }
}
