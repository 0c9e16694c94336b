package org.sinkatlas.layers.store;

import org.sinkatlas.layers.filter.Filter;

/**
 * A read: which features (filter), and which page of them in id order.
 *
 * @param limit at most this many features; {@link #UNLIMITED} for all
 */
public record FeatureQuery(Filter filter, long offset, long limit) {

    public static final long UNLIMITED = -1;

    public FeatureQuery {
        if (filter == null) filter = Filter.ALL;
        if (offset < 0) throw new IllegalArgumentException("offset must be >= 0");
        if (limit < UNLIMITED) throw new IllegalArgumentException("limit must be >= 0 or UNLIMITED");
    }

    public static FeatureQuery all() {
        return new FeatureQuery(Filter.ALL, 0, UNLIMITED);
    }

    public static FeatureQuery of(Filter filter) {
        return new FeatureQuery(filter, 0, UNLIMITED);
    }
}
