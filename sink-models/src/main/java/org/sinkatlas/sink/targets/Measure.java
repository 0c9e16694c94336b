package org.sinkatlas.sink.targets;

import java.util.List;
import java.util.Objects;

/**
 * How a spatial target is measured from a layer: which features (the {@code where} conditions, in the
 * target's scope), what of them is summed, and when a feature counts: its status is one of {@code statuses}
 * and its date ({@code countedFrom}, the completion date unless said otherwise) is on or before the date
 * asked (and after the baseline's end when {@code sinceBaseline}).
 *
 * @param property the numeric property summed, for {@link Quantity#SUM} only
 * @param shareOf  what the sum is divided by, giving a percentage, or {@link ShareOf#NONE}
 */
public record Measure(String layer, Quantity quantity, String property, List<Condition> where, ShareOf shareOf,
        String countedFrom, List<String> statuses, boolean sinceBaseline) {

    /** The statuses a feature may have (the demo layers' convention). */
    public static final List<String> STATUSES = List.of("planned", "under_construction", "built");
    /** The property that holds a feature's status. */
    public static final String STATUS = "status";
    /** The date property a feature counts from unless a measure says otherwise. */
    public static final String COMPLETED = "completed";

    public enum Quantity {
        /** Lines' length inside the scope, on the ellipsoid. */
        LENGTH,
        /** Polygons' area inside the scope, on the ellipsoid. */
        AREA,
        /** Features whose interior point lies in the scope. */
        COUNT,
        /** A numeric property of the features whose interior point lies in the scope. */
        SUM
    }

    public enum ShareOf {
        NONE,
        /** Divided by the scope's area (forest cover). */
        SCOPE_AREA,
        /** Divided by the same quantity over every matching feature in the scope, whatever its status or date. */
        ALL_FEATURES
    }

    /** A feature matches when its {@code property} equals {@code value}, or is like it ({@code %} any text). */
    public record Condition(String property, boolean like, String value) {}

    /**
     * The unit of each feature's quantity: the target's own, except for a share, whose features bring metres
     * ({@code m}) or square metres ({@code m2}).
     */
    public String featureUnit(Unit targetUnit) {
        if (shareOf == ShareOf.NONE) return targetUnit.id();
        return quantity == Quantity.LENGTH ? "m" : quantity == Quantity.AREA ? "m2" : Unit.COUNT.id();
    }

    public Measure {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(quantity, "quantity");
        where = List.copyOf(where);
        statuses = List.copyOf(statuses);
        if (shareOf == null) shareOf = ShareOf.NONE;
        if (countedFrom == null) countedFrom = COMPLETED;
    }
}
