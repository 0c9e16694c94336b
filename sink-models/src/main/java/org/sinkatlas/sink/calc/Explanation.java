package org.sinkatlas.sink.calc;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.sinkatlas.sink.standard.Biomass;
import org.sinkatlas.sink.standard.Coefficient;
import org.sinkatlas.sink.standard.DeadMatter;
import org.sinkatlas.sink.standard.Flux;
import org.sinkatlas.sink.standard.GwpSet;
import org.sinkatlas.sink.standard.LandType;
import org.sinkatlas.sink.standard.SinkStandard;
import org.sinkatlas.sink.standard.Soil;

/**
 * The steps of an estimate in words and numbers: for each stratum its history, the arithmetic of its
 * pools and fluxes with the coefficients' central values (each named with its source and check), then the
 * per-hectare means of the Monte Carlo draws times the stratum's hectares, which add up to the headline.
 */
final class Explanation {

    private final SinkStandard standard;
    private final Accounting central;
    private final AreaAllocation allocation;

    Explanation(SinkStandard standard, Accounting central, AreaAllocation allocation) {
        this.standard = standard;
        this.central = central;
        this.allocation = allocation;
    }

    /** @param hectareYears a stratum's year per hectare, for every draw */
    void add(StratumAreas areas, int year, GwpSet gwp, CoefficientDraws draws, SinkEstimate result, List<ExplainStep> steps,
            BiFunction<LandUseHistory, Integer, HectareYear> hectareYears) {
        steps.add(new ExplainStep("method", standard.method() == SinkStandard.Method.STOCK_CHANGE
                ? "stock change (IPCC AFOLU): the year's CO2 removal is the change of the pools over the year × "
                        + fmt(standard.parameter("co2_per_c")) + " tCO2/tC; methane and nitrous oxide netted"
                : "constant rates (2026.1): fixed stocks and a constant removal rate per land type", year, "year", null, null));
        for (Map.Entry<LandUseHistory, Double> e : areas.hectares().entrySet()) {
            LandUseHistory h = e.getKey();
            double ha = e.getValue();
            steps.add(new ExplainStep("history", h + (h.segments().size() == 1 && h.segments().get(0).from()
                    == allocation.establishmentYear() ? " (no change recorded: taken as established in "
                    + allocation.establishmentYear() + ")" : ""), ha, "ha", null, null));
            LandType t = h.segments().get(h.activeAt(year)).type();
            HectareYear now = new HectareYear(1);
            HectareYear before = new HectareYear(1);
            central.evaluate(h, year, now);
            central.evaluate(h, year - 1, before);
            if (standard.method() == SinkStandard.Method.STOCK_CHANGE) stockChange(t, now, before, year, steps);
            else constantRates(t, steps);
            double ch4 = gwp.ch4().value();
            double n2o = gwp.n2oValue();
            steps.add(new ExplainStep("per hectare, central coefficients", String.format(Locale.ROOT,
                    "removals %s tCO2 − (methane %s t × GWP %s + nitrous oxide %s t × GWP %s) = %s tCO2e",
                    fmt(now.removals[0]), fmt(now.methane[0]), fmt(ch4), fmt(now.nitrousOxide[0]), fmt(n2o),
                    fmt(now.removals[0] - now.methane[0] * ch4 - now.nitrousOxide[0] * n2o)),
                    now.removals[0] - now.methane[0] * ch4 - now.nitrousOxide[0] * n2o, "tCO2e/ha/yr", null, null));
            DrawSums one = new DrawSums(draws.iterations());
            one.add(hectareYears.apply(h, year), ha);
            DrawSums.Figures f = one.figures(gwp, new double[draws.iterations()]);
            steps.add(new ExplainStep("stratum total", String.format(Locale.ROOT, "%s ha × the per-hectare means of %d draws:"
                    + " removals %s − emissions %s = net %s tCO2e/yr; stock %s tC", fmt(ha), draws.iterations(),
                    fmt(f.removals().mean()), fmt(f.emissions().mean()), fmt(f.net().mean()), fmt(f.stock().mean())),
                    f.net().mean(), "tCO2e/yr", null, null));
        }
        steps.add(new ExplainStep("headline", String.format(Locale.ROOT, "net = removals %s − emissions %s = %s tCO2e/yr:"
                + " the mean of %d Monte Carlo draws (seed %d) of every coefficient, each shared by all parcels of its land type;"
                + " 5th–95th percentile %s to %s; GWP set %s", fmt(result.removals().mean()), fmt(result.emissions().mean()),
                fmt(result.net().mean()), draws.iterations(), draws.seed(), fmt(result.net().p5()), fmt(result.net().p95()),
                gwp.id()), result.net().mean(), "tCO2e/yr", "ipcc2006-v1", null));
    }

    private void stockChange(LandType t, HectareYear now, HectareYear before, int year, List<ExplainStep> steps) {
        String biomass;
        if (t.biomass() instanceof Biomass.Growing g) {
            biomass = "grows " + coef(g.growth()) + (g.growthOld() != null ? " for " + g.youngYears() + " years, then "
                    + coef(g.growthOld()) : "") + " up to its ceiling " + coef(g.ceiling())
                    + (g.rootShoot() != null ? ", below ground " + coef(g.rootShoot()) + " of above" : "")
                    + (g.dryMatter() ? ", carbon fraction " + coef(standard.carbonFraction()) : "");
        } else if (t.biomass() instanceof Biomass.Steady s) {
            biomass = "holds a steady stock " + coef(s.aboveGround())
                    + (s.rootShoot() != null ? ", below ground " + coef(s.rootShoot()) + " of above" : "")
                    + (s.dryMatter() ? ", carbon fraction " + coef(standard.carbonFraction()) : "");
        } else {
            biomass = "no living biomass counted";
        }
        double bioBefore = before.meanPools[0] + before.meanPools[1];
        double bioNow = now.meanPools[0] + now.meanPools[1];
        steps.add(new ExplainStep("biomass " + t.id(), biomass + String.format(Locale.ROOT, "; %s → %s tC/ha over %d",
                fmt(bioBefore), fmt(bioNow), year), bioNow - bioBefore, "tC/ha", null, null));
        String soil;
        if (t.soil() instanceof Soil.Factors f) {
            soil = "SOCref " + coef(standard.socReference()) + " × FLU " + coef(f.landUse())
                    + (f.management() != null ? " × FMG " + coef(f.management()) : "")
                    + (f.input() != null ? " × FI " + coef(f.input()) : "") + ", reached linearly over "
                    + fmt(standard.parameter("soil_transition_years")) + " years after a change";
        } else {
            soil = "soil not counted (kept as it was, no flux)";
        }
        steps.add(new ExplainStep("soil " + t.id(), soil + String.format(Locale.ROOT, "; %s → %s tC/ha over %d",
                fmt(before.meanPools[2]), fmt(now.meanPools[2]), year), now.meanPools[2] - before.meanPools[2], "tC/ha", null,
                null));
        String dead = t.dead() instanceof DeadMatter.Litter l ? "litter " + coef(l.stock()) + ", built up over "
                + fmt(standard.parameter("dead_transition_years")) + " years, lost at once" : "no dead organic matter counted";
        steps.add(new ExplainStep("dead organic matter " + t.id(), dead + String.format(Locale.ROOT, "; %s → %s tC/ha",
                fmt(before.meanPools[3]), fmt(now.meanPools[3])), now.meanPools[3] - before.meanPools[3], "tC/ha", null, null));
        fluxes(t, now, steps);
    }

    private void constantRates(LandType t, List<ExplainStep> steps) {
        for (Flux f : t.fluxes()) {
            if (!(f instanceof Flux.Rate r)) continue;
            String what = switch (r.gas()) {
                case CO2 -> "removal rate";
                case CH4 -> r.netted() ? "methane" : "methane shown, not netted";
                case N2O -> "nitrous oxide";
            };
            steps.add(new ExplainStep(what + " " + t.id(), coef(r.rate()), r.rate().central(), r.rate().unit() == null
                    ? (r.gas() == Flux.Gas.CO2 ? "tCO2e/ha/yr" : "t/ha/yr") : r.rate().unit(), r.rate().source(),
                    r.rate().checked().name()));
        }
    }

    private void fluxes(LandType t, HectareYear now, List<ExplainStep> steps) {
        for (Flux f : t.fluxes()) {
            if (f instanceof Flux.RiceMethane m) {
                StringBuilder organic = new StringBuilder("1");
                for (Flux.Amendment a : m.amendments()) {
                    organic.append(" + ").append(a.name()).append(' ').append(coef(a.amount())).append(" × CFOA ").append(coef(a.factor()));
                }
                steps.add(new ExplainStep("methane " + t.id(), "EFc " + coef(m.baseline()) + " × SFw " + coef(m.waterRegime())
                        + " × SFp " + coef(m.preSeason()) + " × SFo (" + organic + ")^" + fmt(m.exponent().value()) + " × "
                        + coef(m.seasonDays()) + " / 1000", now.methane[0], "t CH4/ha/yr", m.baseline().source(),
                        m.baseline().checked().name()));
            } else if (f instanceof Flux.Rate r) {
                steps.add(new ExplainStep((r.gas() == Flux.Gas.N2O ? "nitrous oxide " : "methane ") + t.id(), coef(r.rate()),
                        r.rate().central(), "t/ha/yr", r.rate().source(), r.rate().checked().name()));
            }
        }
    }

    /** A coefficient as the steps quote it: its central value, unit, status and place in the standard. */
    static String coef(Coefficient c) {
        return fmt(c.centralValue()) + (c.unit() == null ? "" : " " + c.unit()) + " [" + c.checked() + ", " + c.id() + "]";
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e7) return String.valueOf((long) v);
        return String.format(Locale.ROOT, "%.4g", v).replaceFirst("\\.?0+(e|$)", "$1");
    }
}
