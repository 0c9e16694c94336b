package org.sinkatlas.sink.standard;

/**
 * How a land type's soil organic carbon (0-30 cm) is accounted.
 * <ul>
 * <li>{@link None}: not counted (sediments of open water): the soil keeps what it had, with no flux.
 * <li>{@link Fixed}: a stock per hectare of its own (the 2026.1 standard).
 * <li>{@link Factors}: the zone's one reference stock SOCref × FLU × FMG × FI (IPCC Tier 1), reached
 * linearly over the standard's transition period after a change of use.
 * </ul>
 */
public sealed interface Soil {

    record None() implements Soil {}

    record Fixed(Figure stock) implements Soil {}

    /** @param management FMG, or null for 1; @param input FI, or null for 1 */
    record Factors(UncertainFigure landUse, UncertainFigure management, UncertainFigure input) implements Soil {}
}
