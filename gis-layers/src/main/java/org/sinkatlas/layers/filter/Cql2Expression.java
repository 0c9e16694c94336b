package org.sinkatlas.layers.filter;

import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * A parsed CQL2 expression before it is checked against a layer: what the text and JSON encodings share.
 * {@link Cql2Binder} turns it into a {@link Filter}. Each node knows where it was written, for error
 * messages: {@code character 14} in text, a JSON pointer such as {@code /args/1} in JSON.
 */
public sealed interface Cql2Expression {

    /** Where the expression was written. */
    String at();

    /** A property reference. */
    record Property(String name, String at) implements Cql2Expression {}

    /**
     * A literal: a String, Long, Double, Boolean, {@link java.time.LocalDate} (DATE), {@link java.time.Instant}
     * (TIMESTAMP) or a {@link Geometry} in the filter CRS as written.
     */
    record Literal(Object value, String at) implements Cql2Expression {}

    /** {@code '..'}: an open end of an interval. */
    record Open(String at) implements Cql2Expression {}

    /** {@code INTERVAL(start, end)}; each end a date or timestamp literal, a property or open. */
    record Interval(Cql2Expression start, Cql2Expression end, String at) implements Cql2Expression {}

    /** {@code BBOX(...)}: four numbers (or six with heights) in the axis order of the filter CRS. */
    record Bbox(double[] values, String at) implements Cql2Expression {}

    /** A list of values, the right-hand side of IN. */
    record ListOf(List<Cql2Expression> items, String at) implements Cql2Expression {
        public ListOf {
            items = List.copyOf(items);
        }
    }

    /**
     * An operator or function applied to arguments, named as in CQL2 JSON in lower case: {@code and},
     * {@code or}, {@code not}, {@code =}, {@code <>}, {@code <}, {@code <=}, {@code >}, {@code >=}, {@code like},
     * {@code between}, {@code in}, {@code isnull}, {@code casei}, {@code s_intersects} ... {@code t_during} ...
     */
    record Call(String op, List<Cql2Expression> args, String at) implements Cql2Expression {
        public Call {
            args = List.copyOf(args);
        }
    }
}
