package org.sinkatlas.sink.calc;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sinkatlas.sink.standard.Biomass;
import org.sinkatlas.sink.standard.DeadMatter;
import org.sinkatlas.sink.standard.Flux;
import org.sinkatlas.sink.standard.LandType;
import org.sinkatlas.sink.standard.SinkStandard;
import org.sinkatlas.sink.standard.Soil;

/**
 * The IPCC AFOLU method on one basis (2027.1 on). A year's CO2 removal is the change of the hectare's
 * stock over the year, pool by pool, times 44/12; nothing else counts CO2, so nothing is counted twice:
 * <ul>
 * <li>Biomass, gain-loss: a woody land type starts from nothing in the year its use begins (the previous
 * use's biomass is lost in that year) and gains its growth by age band until its ceiling, then stops; a
 * non-woody one holds its steady stock from the year its use begins (Tier 1).
 * <li>Soil organic carbon: the zone's reference stock times the land type's factors (FLU × FMG × FI),
 * reached linearly over the transition period from what the soil held at the end of the year before the
 * change. Soil that is not counted (open water) keeps its carbon with no flux.
 * <li>Dead organic matter: builds up linearly over its transition period towards the land type's litter
 * stock, and is lost at once when the land type holds less.
 * </ul>
 * Methane and nitrous oxide are those of the land type in force in the year, every one netted.
 */
final class StockChangeAccounting implements Accounting {

    private final CoefficientDraws draws;
    private final double co2PerC;
    private final double soilYears;
    private final double deadYears;
    private final double[] carbonFraction;
    private final double[] socRef;
    private final Map<LandType, TypeDraws> types = new ConcurrentHashMap<>();

    StockChangeAccounting(SinkStandard standard, CoefficientDraws draws) {
        this.draws = draws;
        this.co2PerC = standard.parameter("co2_per_c");
        this.soilYears = standard.parameter("soil_transition_years");
        this.deadYears = standard.parameter("dead_transition_years");
        this.carbonFraction = draws.of(standard.carbonFraction());
        this.socRef = draws.of(standard.socReference());
    }

    /** A land type's coefficient draws, looked up once. Null arrays for figures the type does not have. */
    private final class TypeDraws {
        final boolean woody;
        final boolean steady;
        final boolean dryMatter;
        final double[] growth;
        final double[] growthOld;
        final int youngYears;
        final double[] ceiling;
        final double[] rootShoot;
        final double[] steadyStock;
        final boolean soilCounted;
        final double[] landUse;
        final double[] management;
        final double[] input;
        final double[] litter;
        final double[][] methaneRates;
        final double[][] nitrousRates;
        final Rice[] rice;

        TypeDraws(LandType t) {
            Biomass b = t.biomass();
            woody = b instanceof Biomass.Growing;
            steady = b instanceof Biomass.Steady;
            if (b instanceof Biomass.Growing g) {
                growth = draws.of(g.growth());
                growthOld = g.growthOld() == null ? growth : draws.of(g.growthOld());
                youngYears = g.youngYears();
                ceiling = draws.of(g.ceiling());
                rootShoot = draws.of(g.rootShoot());
                dryMatter = g.dryMatter();
                steadyStock = null;
            } else if (b instanceof Biomass.Steady s) {
                steadyStock = draws.of(s.aboveGround());
                rootShoot = draws.of(s.rootShoot());
                dryMatter = s.dryMatter();
                growth = growthOld = ceiling = null;
                youngYears = 0;
            } else {
                growth = growthOld = ceiling = rootShoot = steadyStock = null;
                youngYears = 0;
                dryMatter = false;
            }
            if (t.soil() instanceof Soil.Factors f) {
                soilCounted = true;
                landUse = draws.of(f.landUse());
                management = draws.of(f.management());
                input = draws.of(f.input());
            } else {
                soilCounted = false;
                landUse = management = input = null;
            }
            litter = t.dead() instanceof DeadMatter.Litter l ? draws.of(l.stock()) : null;
            List<double[]> ch4 = new java.util.ArrayList<>();
            List<double[]> n2o = new java.util.ArrayList<>();
            List<Rice> rices = new java.util.ArrayList<>();
            for (Flux f : t.fluxes()) {
                if (f instanceof Flux.Rate r) (r.gas() == Flux.Gas.N2O ? n2o : ch4).add(draws.of(r.rate()));
                else if (f instanceof Flux.RiceMethane m) rices.add(new Rice(m));
            }
            methaneRates = ch4.toArray(double[][]::new);
            nitrousRates = n2o.toArray(double[][]::new);
            rice = rices.toArray(Rice[]::new);
        }

        /** Above-ground carbon (tC/ha) at the end of the {@code age}-th year of the land use. */
        double aboveGround(int age, int i) {
            double cf = dryMatter ? carbonFraction[i] : 1;
            if (steady) return steadyStock[i] * cf;
            if (!woody || age <= 0) return 0;
            double grown = growth[i] * Math.min(age, youngYears) + growthOld[i] * Math.max(0, age - youngYears);
            return Math.min(ceiling[i], grown) * cf;
        }

        double rootShoot(int i) {
            return rootShoot == null ? 0 : rootShoot[i];
        }

        /** The soil stock this type tends to, tC/ha; NaN when its soil is not counted. */
        double soilTarget(int i) {
            if (!soilCounted) return Double.NaN;
            return socRef[i] * landUse[i] * (management == null ? 1 : management[i]) * (input == null ? 1 : input[i]);
        }

        double litter(int i) {
            return litter == null ? 0 : litter[i];
        }

        double methane(int i) {
            double t = 0;
            for (double[] r : methaneRates) t += r[i];
            for (Rice r : rice) t += r.tonnesPerHectare(i);
            return t;
        }

        double nitrousOxide(int i) {
            double t = 0;
            for (double[] r : nitrousRates) t += r[i];
            return t;
        }
    }

    /** Rice methane, IPCC 2019 Refinement Eq. 5.1-5.3, in t CH4/ha for a season. */
    private final class Rice {
        final double[] baseline;
        final double[] water;
        final double[] preSeason;
        final double[][] amounts;
        final double[][] factors;
        final double exponent;
        final double[] days;

        Rice(Flux.RiceMethane m) {
            baseline = draws.of(m.baseline());
            water = draws.of(m.waterRegime());
            preSeason = draws.of(m.preSeason());
            amounts = m.amendments().stream().map(a -> draws.of(a.amount())).toArray(double[][]::new);
            factors = m.amendments().stream().map(a -> draws.of(a.factor())).toArray(double[][]::new);
            exponent = m.exponent().value();
            days = draws.of(m.seasonDays());
        }

        double tonnesPerHectare(int i) {
            double organic = 1;
            for (int k = 0; k < amounts.length; k++) organic += amounts[k][i] * factors[k][i];
            return baseline[i] * water[i] * preSeason[i] * Math.pow(organic, exponent) * days[i] / 1000;
        }
    }

    private TypeDraws type(LandType t) {
        return types.computeIfAbsent(t, TypeDraws::new);
    }

    @Override
    public void evaluate(LandUseHistory history, int year, HectareYear out) {
        List<LandUseHistory.Segment> segments = history.segments();
        int n = segments.size();
        TypeDraws[] t = new TypeDraws[n];
        int[] from = new int[n];
        for (int k = 0; k < n; k++) {
            t[k] = type(segments.get(k).type());
            from[k] = segments.get(k).from();
        }
        int now = history.activeAt(year);
        int before = history.activeAt(year - 1);
        TypeDraws active = t[now];
        double[] pools = out.meanPools;
        java.util.Arrays.fill(pools, 0);
        for (int i = 0; i < out.draws(); i++) {
            double agNow = active.aboveGround(year - from[now] + 1, i);
            double bgNow = agNow * active.rootShoot(i);
            double agBefore = t[before].aboveGround(year - 1 - from[before] + 1, i);
            double bgBefore = agBefore * t[before].rootShoot(i);
            double soilNow = soil(t, from, now, year, i);
            double soilBefore = soil(t, from, before, year - 1, i);
            double deadNow = dead(t, from, now, year, i);
            double deadBefore = dead(t, from, before, year - 1, i);
            double soilChange = Double.isNaN(soilNow) || Double.isNaN(soilBefore) ? 0 : soilNow - soilBefore;
            double change = agNow + bgNow - agBefore - bgBefore + soilChange + deadNow - deadBefore;
            double soilCounted = active.soilCounted && !Double.isNaN(soilNow) ? soilNow : 0;
            out.removals[i] = co2PerC * change;
            out.stock[i] = agNow + bgNow + soilCounted + deadNow;
            out.methane[i] = active.methane(i);
            out.nitrousOxide[i] = active.nitrousOxide(i);
            out.methaneShown[i] = 0;
            pools[0] += agNow;
            pools[1] += bgNow;
            pools[2] += soilCounted;
            pools[3] += deadNow;
        }
        for (int p = 0; p < 4; p++) pools[p] /= out.draws();
    }

    /**
     * Soil carbon at the end of a year under segment k: its target reached linearly from the soil at the end
     * of the year before it began; the first segment is at its target. NaN while no counted soil is known.
     */
    private double soil(TypeDraws[] t, int[] from, int k, int year, int i) {
        double target = t[k].soilTarget(i);
        if (k == 0) return target;
        double start = soil(t, from, k - 1, from[k] - 1, i);
        if (Double.isNaN(target)) return start;
        if (Double.isNaN(start)) return target;
        return start + (target - start) * share(year - from[k] + 1, soilYears);
    }

    /** Dead organic matter at the end of a year under segment k: built up linearly, lost at once. */
    private double dead(TypeDraws[] t, int[] from, int k, int year, int i) {
        double target = t[k].litter(i);
        if (k == 0) return target;
        double start = dead(t, from, k - 1, from[k] - 1, i);
        if (target <= start) return target;
        return start + (target - start) * share(year - from[k] + 1, deadYears);
    }

    private static double share(int yearsDone, double period) {
        return Math.max(0, Math.min(1, yearsDone / period));
    }
}
