package org.sinkatlas.sink.standard;

import java.util.List;

/** Lists the coefficients of a land type, for {@link SinkStandard#coefficients()}. */
final class Coefficients {

    private Coefficients() {}

    static void of(LandType t, List<Coefficient> out) {
        if (t.biomass() instanceof Biomass.Fixed f) add(out, f.aboveGround(), f.belowGround());
        else if (t.biomass() instanceof Biomass.Steady s) add(out, s.aboveGround(), s.rootShoot());
        else if (t.biomass() instanceof Biomass.Growing g) add(out, g.growth(), g.growthOld(), g.ceiling(), g.rootShoot());
        if (t.soil() instanceof Soil.Fixed f) add(out, f.stock());
        else if (t.soil() instanceof Soil.Factors f) add(out, f.landUse(), f.management(), f.input());
        if (t.dead() instanceof DeadMatter.Fixed f) add(out, f.stock());
        else if (t.dead() instanceof DeadMatter.Litter l) add(out, l.stock());
        for (Flux f : t.fluxes()) {
            if (f instanceof Flux.Rate r) add(out, r.rate());
            else if (f instanceof Flux.RiceMethane m) {
                add(out, m.baseline(), m.waterRegime(), m.preSeason(), m.exponent(), m.seasonDays());
                m.amendments().forEach(a -> add(out, a.amount(), a.factor()));
            }
        }
    }

    private static void add(List<Coefficient> out, Coefficient... cs) {
        for (Coefficient c : cs) if (c != null) out.add(c);
    }
}
