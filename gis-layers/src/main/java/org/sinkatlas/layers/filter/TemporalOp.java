package org.sinkatlas.layers.filter;

import java.util.List;

/**
 * CQL2's temporal functions (after the W3C/OGC Time Ontology), each defined by comparisons of the two
 * spans' ends: {@code S1}, {@code E1} the start and end of the first span, {@code S2}, {@code E2} of the
 * second. An instant's start is its end. All comparisons must hold, except for {@link #DISJOINT}, where
 * one is enough. The functions marked intervals-only refuse an instant operand, as CQL2 requires.
 */
public enum TemporalOp {
    AFTER(true, false, c(Side.S1, ComparisonOp.GT, Side.E2)),
    BEFORE(true, false, c(Side.E1, ComparisonOp.LT, Side.S2)),
    DISJOINT(true, true, c(Side.E1, ComparisonOp.LT, Side.S2), c(Side.S1, ComparisonOp.GT, Side.E2)),
    EQUALS(true, false, c(Side.S1, ComparisonOp.EQ, Side.S2), c(Side.E1, ComparisonOp.EQ, Side.E2)),
    INTERSECTS(true, false, c(Side.S1, ComparisonOp.LE, Side.E2), c(Side.E1, ComparisonOp.GE, Side.S2)),
    CONTAINS(false, false, c(Side.S1, ComparisonOp.LT, Side.S2), c(Side.E1, ComparisonOp.GT, Side.E2)),
    DURING(false, false, c(Side.S1, ComparisonOp.GT, Side.S2), c(Side.E1, ComparisonOp.LT, Side.E2)),
    FINISHEDBY(false, false, c(Side.S1, ComparisonOp.LT, Side.S2), c(Side.E1, ComparisonOp.EQ, Side.E2)),
    FINISHES(false, false, c(Side.S1, ComparisonOp.GT, Side.S2), c(Side.E1, ComparisonOp.EQ, Side.E2)),
    MEETS(false, false, c(Side.E1, ComparisonOp.EQ, Side.S2)),
    METBY(false, false, c(Side.S1, ComparisonOp.EQ, Side.E2)),
    OVERLAPPEDBY(false, false, c(Side.S1, ComparisonOp.GT, Side.S2), c(Side.S1, ComparisonOp.LT, Side.E2),
            c(Side.E1, ComparisonOp.GT, Side.E2)),
    OVERLAPS(false, false, c(Side.S1, ComparisonOp.LT, Side.S2), c(Side.E1, ComparisonOp.GT, Side.S2),
            c(Side.E1, ComparisonOp.LT, Side.E2)),
    STARTEDBY(false, false, c(Side.S1, ComparisonOp.EQ, Side.S2), c(Side.E1, ComparisonOp.GT, Side.E2)),
    STARTS(false, false, c(Side.S1, ComparisonOp.EQ, Side.S2), c(Side.E1, ComparisonOp.LT, Side.E2));

    /** An end of one of the two spans. */
    public enum Side { S1, E1, S2, E2 }

    /** {@code left op right}, between ends of the two spans. */
    public record Condition(Side left, ComparisonOp op, Side right) {}

    private final boolean acceptsInstants;
    private final boolean anyCondition;
    private final List<Condition> conditions;

    TemporalOp(boolean acceptsInstants, boolean anyCondition, Condition... conditions) {
        this.acceptsInstants = acceptsInstants;
        this.anyCondition = anyCondition;
        this.conditions = List.of(conditions);
    }

    private static Condition c(Side left, ComparisonOp op, Side right) {
        return new Condition(left, op, right);
    }

    /** Whether an operand may be an instant (false: both must be intervals). */
    public boolean acceptsInstants() {
        return acceptsInstants;
    }

    /** Whether one condition is enough (OR) rather than all (AND). */
    public boolean anyCondition() {
        return anyCondition;
    }

    public List<Condition> conditions() {
        return conditions;
    }

    /** The CQL2 name, e.g. {@code T_DURING}. */
    public String cql2Name() {
        return "T_" + name();
    }
}
