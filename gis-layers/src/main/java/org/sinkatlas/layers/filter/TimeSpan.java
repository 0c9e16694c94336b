package org.sinkatlas.layers.filter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One side of a temporal filter: an instant (its start is its end) or an interval whose ends are each a
 * property's value, a literal date or timestamp, or open ({@code '..'}). An open start lies before and an
 * open end after every time.
 */
public record TimeSpan(End start, End end, boolean instant) {

    /** One end of a span. */
    public sealed interface End {}

    /** The value of a DATE or DATETIME property. */
    public record PropertyEnd(String property) implements End {
        public PropertyEnd {
            Objects.requireNonNull(property);
        }
    }

    /** A literal: a {@link LocalDate} or an {@link Instant}. */
    public record ValueEnd(Object value) implements End {
        public ValueEnd {
            if (!(value instanceof LocalDate) && !(value instanceof Instant)) {
                throw new IllegalArgumentException("a time is a LocalDate or an Instant, not " + value);
            }
        }
    }

    /** No bound: {@code '..'}. */
    public record OpenEnd() implements End {}

    public static final End OPEN = new OpenEnd();

    public TimeSpan {
        Objects.requireNonNull(start);
        Objects.requireNonNull(end);
        if (instant && !start.equals(end)) throw new IllegalArgumentException("an instant starts where it ends");
    }

    public static TimeSpan instant(End at) {
        return new TimeSpan(at, at, true);
    }

    public static TimeSpan interval(End start, End end) {
        return new TimeSpan(start, end, false);
    }
}
