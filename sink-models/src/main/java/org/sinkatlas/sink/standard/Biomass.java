package org.sinkatlas.sink.standard;

/**
 * How a land type's living biomass (above and below ground) is accounted.
 * <ul>
 * <li>{@link None}: no biomass counted (open water, sealed surfaces).
 * <li>{@link Fixed}: a stock per hectare that never changes (the 2026.1 standard's pools).
 * <li>{@link Steady}: non-woody vegetation at equilibrium (crops, grass, marsh): its stock is reached in the
 * year of conversion and does not change after (IPCC Tier 1 for land remaining in its use).
 * <li>{@link Growing}: woody vegetation: it starts from nothing when the land use begins and gains its
 * annual growth (by age band) until its ceiling, after which it stops gaining (gain-loss, IPCC Tier 1).
 * </ul>
 * Figures in dry matter are turned into carbon with the standard's carbon fraction.
 */
public sealed interface Biomass {

    record None() implements Biomass {}

    /** @param aboveGround tC/ha, @param belowGround tC/ha */
    record Fixed(Figure aboveGround, Figure belowGround) implements Biomass {}

    /**
     * @param aboveGround the above-ground stock, in tC/ha or t d.m./ha ({@code dryMatter})
     * @param rootShoot   below-ground to above-ground ratio, or null when the stock holds both
     */
    record Steady(UncertainFigure aboveGround, UncertainFigure rootShoot, boolean dryMatter) implements Biomass {}

    /**
     * @param growth     above-ground growth in the first {@code youngYears} years, per year (tC or t d.m. per ha)
     * @param growthOld  the growth after them, or null for the same as {@code growth}
     * @param ceiling    the most above-ground biomass a stand reaches (same unit as growth, per ha)
     * @param rootShoot  below-ground to above-ground ratio, or null when growth and ceiling hold both
     */
    record Growing(UncertainFigure growth, UncertainFigure growthOld, int youngYears, UncertainFigure ceiling,
            UncertainFigure rootShoot, boolean dryMatter) implements Biomass {}
}
