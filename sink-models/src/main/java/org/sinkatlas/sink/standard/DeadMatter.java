package org.sinkatlas.sink.standard;

/**
 * How a land type's dead organic matter (litter and dead wood) is accounted: none (Tier 1 for non-forest
 * land), a fixed stock (2026.1), or a litter stock that builds up linearly over the standard's transition
 * period after the land becomes this type and is lost at once when it stops being it (IPCC Tier 1).
 */
public sealed interface DeadMatter {

    record None() implements DeadMatter {}

    record Fixed(Figure stock) implements DeadMatter {}

    /** @param stock tC/ha at the end of the build-up */
    record Litter(UncertainFigure stock) implements DeadMatter {}
}
