package org.sinkatlas.sink.targets;

/** Whether a target is met by reaching at least its value (most) or at most it (an emission growth of 0 %). */
public enum Direction {
    AT_LEAST, AT_MOST;

    /** Whether {@code value} meets {@code target} in this direction. */
    public boolean meets(double value, double target) {
        return this == AT_LEAST ? value >= target : value <= target;
    }

    /** How far {@code value} falls short of {@code wanted}: positive when short, zero or negative when not. */
    public double shortfall(double value, double wanted) {
        return this == AT_LEAST ? wanted - value : value - wanted;
    }
}
