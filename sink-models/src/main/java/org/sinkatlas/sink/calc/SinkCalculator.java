package org.sinkatlas.sink.calc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sinkatlas.sink.standard.GwpSet;
import org.sinkatlas.sink.standard.SinkStandard;

/**
 * The sink calculator: (geometry, land cover and its history, standard, year, GWP set) → estimate. Pure and
 * deterministic: no I/O, and the Monte Carlo draws come from the standard's fixed seed, so the same input
 * always gives the same answer. Safe to call from many threads.
 *
 * <p>A feature's hectares are allotted to strata, land-use histories ({@link AreaAllocation}); the standard's
 * method ({@link Accounting}) gives each stratum's year per hectare for every draw ({@link HectareYear}, kept
 * in a cache); the feature's or group's figures are the hectare-weighted sums, draw by draw ({@link
 * DrawSums}). A feature of one stratum needs no summing: its figures are the stratum's per hectare, scaled.
 * Nor does a mix already seen: its figures per hectare scale with its size.
 */
public final class SinkCalculator {

    /** Years an estimate may be asked for. */
    public static final int FIRST_YEAR = 1950;
    public static final int LAST_YEAR = 2100;
    private static final long CACHE_BYTES = 256L << 20;
    private static final int MAX_MIXES = 100_000;

    private final SinkStandard standard;
    private final CoefficientDraws draws;
    private final Accounting accounting;
    private final Accounting centralAccounting;
    private final AreaAllocation allocation;
    private final CcerScreening screening;
    private final Explanation explanation;
    private final Cache<StratumYear, HectareYear> years;
    private final Map<StratumYearGwp, DrawSums.Figures> perHectare = new ConcurrentHashMap<>();
    private final Map<MixKey, DrawSums.Figures> mixes = new ConcurrentHashMap<>();
    private final ThreadLocal<DrawSums> sums;
    private final ThreadLocal<double[]> scratch;

    private record StratumYear(LandUseHistory history, int year) {}

    private record StratumYearGwp(LandUseHistory history, int year, String gwp) {}

    /** A mix of strata, each with its share of the mix's hectares in steps of 1e-9, in a year. */
    private record MixKey(List<LandUseHistory> strata, long[] shares, int year, String gwp) {
        @Override
        public boolean equals(Object o) {
            return o instanceof MixKey k && k.year == year && k.gwp.equals(gwp) && k.strata.equals(strata)
                    && java.util.Arrays.equals(shares, k.shares);
        }

        @Override
        public int hashCode() {
            return (strata.hashCode() * 31 + java.util.Arrays.hashCode(shares)) * 31 + year;
        }
    }

    /** A calculator for one standard; it keeps no state between estimates, so one instance serves all threads. */
    public SinkCalculator(SinkStandard standard) {
        this.standard = standard;
        this.draws = CoefficientDraws.of(standard);
        this.accounting = Accounting.of(standard, draws);
        this.centralAccounting = Accounting.of(standard, CoefficientDraws.central());
        this.allocation = new AreaAllocation(standard);
        this.screening = new CcerScreening(standard, allocation);
        this.explanation = new Explanation(standard, centralAccounting, allocation);
        this.years = Caffeine.newBuilder().maximumWeight(CACHE_BYTES)
                .weigher((StratumYear k, HectareYear v) -> v.weight()).build();
        int n = draws.iterations();
        this.sums = ThreadLocal.withInitial(() -> new DrawSums(n));
        this.scratch = ThreadLocal.withInitial(() -> new double[n]);
    }

    /** The standard whose coefficients every estimate of this calculator uses. */
    public SinkStandard standard() {
        return standard;
    }

    /** The coefficient draws, for the sensitivity list. */
    public CoefficientDraws draws() {
        return draws;
    }

    /** The GWP set of a name (null: the standard's default). @throws SinkInputException for another name */
    public GwpSet gwp(String name) {
        return standard.gwp(name).orElseThrow(() -> new SinkInputException("standard " + standard.key() + " has no GWP set '"
                + name + "'; it has " + String.join(", ", standard.gwpSets().keySet())));
    }

    /** @throws SinkInputException for a year outside {@link #FIRST_YEAR}..{@link #LAST_YEAR} */
    public static int checkYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new SinkInputException("year must be between " + FIRST_YEAR + " and " + LAST_YEAR + ", got " + year);
        }
        return year;
    }

    // ------------------------------------------------------------------------------------------------
    // One feature

    /**
     * The estimate of one feature in a year, with the eligibility screen, and the explanation when asked for.
     *
     * @param gwp a GWP set's name, or null for the standard's default
     */
    public SinkEstimate estimate(SinkInput input, int year, String gwp, boolean explain) {
        checkYear(year);
        GwpSet set = gwp(gwp);
        List<ExplainStep> steps = explain ? new ArrayList<>() : null;
        StratumAreas areas = new StratumAreas();
        double areaM2 = allocation.areaM2(input, steps);
        allocation.allocate(input.landcover(), areaM2, input.treeCrownFraction(), isLine(input), input.landuseSince(),
                input.previous(), null, 0, areas, steps);
        SinkEstimate e = estimate(areas, year, set, true);
        if (steps != null) explanation.add(areas, year, set, draws, e, steps, this::hectareYear);
        return e.of(input.landcover(), screening.screen(input, areaM2), steps == null ? List.of() : steps);
    }

    /** The hectares of each stratum a feature holds, for summing over groups of features. */
    public StratumAreas areas(SinkInput input) {
        StratumAreas out = new StratumAreas();
        allocation.allocate(input.landcover(), allocation.areaM2(input, null), input.treeCrownFraction(), isLine(input),
                input.landuseSince(), input.previous(), null, 0, out, null);
        return out;
    }

    /** The hectares of each stratum of a feature whose planned land cover takes over in {@code changeYear}. */
    public StratumAreas plannedAreas(SinkInput input, int changeYear) {
        StratumAreas out = new StratumAreas();
        allocation.allocate(input.landcover(), allocation.areaM2(input, null), input.treeCrownFraction(), isLine(input),
                input.landuseSince(), input.previous(), input.planned(), changeYear, out, null);
        return out;
    }

    /**
     * The hectares of each stratum for an area of a known size (as a database summed it).
     *
     * @param planned the planned land cover from {@code changeYear}, or null
     */
    public StratumAreas areas(LandCoverMix landcover, double areaM2, Double treeCrownFraction, Integer landuseSince,
            String previous, LandCoverMix planned, int changeYear) {
        StratumAreas out = new StratumAreas();
        allocation.allocate(landcover, areaM2, treeCrownFraction, false, landuseSince, previous, planned, changeYear, out, null);
        return out;
    }

    private static boolean isLine(SinkInput input) {
        return input.geometry() != null && input.geometry().getDimension() == 1;
    }

    // ------------------------------------------------------------------------------------------------
    // Groups

    /** The estimate of a group from its summed strata (ranges from the draws, not added percentiles). */
    public SinkEstimate estimate(StratumAreas group, int year, String gwp) {
        return estimate(group, checkYear(year), gwp(gwp), false);
    }

    private SinkEstimate estimate(StratumAreas group, int year, GwpSet gwp, boolean feature) {
        DrawSums.Figures f = figures(group, year, gwp, feature);
        return new SinkEstimate(group.areaM2, null, year, gwp.id(), f.stock(), f.pools(), f.removals(), f.methane(),
                f.nitrousOxide(), f.emissions(), f.net(), f.methaneShown(), null, standard.id(), standard.version(),
                draws.iterations(), List.of());
    }

    /** The net of each draw of a group in a year (tCO2e), for the sensitivity of a total to each coefficient. */
    public double[] netDraws(StratumAreas group, int year, String gwp) {
        DrawSums s = sum(group, year);
        return s.net(gwp(gwp), new double[draws.iterations()]);
    }

    /**
     * The plan against today from {@code from} to {@code to}: each year's net of both, the difference and its
     * sum since {@code from}, from the same draws.
     */
    public ScenarioPath path(StratumAreas current, StratumAreas planned, int from, int to, int changeYear, String gwp) {
        checkYear(from);
        checkYear(to);
        if (to < from) throw new SinkInputException("the path's last year " + to + " is before its first " + from);
        GwpSet set = gwp(gwp);
        int n = draws.iterations();
        double[] cumulative = new double[n];
        double[] a = new double[n];
        double[] b = new double[n];
        double[] work = new double[n];
        List<ScenarioPath.Year> rows = new ArrayList<>();
        DrawSums s = new DrawSums(n);
        for (int y = from; y <= to; y++) {
            sumInto(s, current, y);
            s.net(set, a);
            double currentStock = mean(s.stock);
            sumInto(s, planned, y);
            s.net(set, b);
            double plannedStock = mean(s.stock);
            Spread currentNet = Spread.of(copy(a, work));
            Spread plannedNet = Spread.of(copy(b, work));
            for (int i = 0; i < n; i++) {
                work[i] = b[i] - a[i];
                cumulative[i] += work[i];
            }
            Spread difference = Spread.of(work);
            Spread sum = Spread.of(copy(cumulative, work));
            rows.add(new ScenarioPath.Year(y, currentNet, plannedNet, difference, sum, currentStock, plannedStock));
        }
        return new ScenarioPath(from, to, changeYear, set.id(), rows);
    }

    private static double[] copy(double[] from, double[] into) {
        System.arraycopy(from, 0, into, 0, from.length);
        return into;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    // ------------------------------------------------------------------------------------------------

    /** A stratum's year per hectare, for every draw (cached: the same year of the same history recurs). */
    HectareYear hectareYear(LandUseHistory h, int year) {
        return years.get(new StratumYear(h, year), k -> {
            HectareYear out = new HectareYear(draws.iterations());
            accounting.evaluate(h, year, out);
            return out;
        });
    }

    private DrawSums sum(StratumAreas group, int year) {
        DrawSums s = sums.get();
        sumInto(s, group, year);
        return s;
    }

    private void sumInto(DrawSums s, StratumAreas group, int year) {
        s.clear();
        group.ha.forEach((h, ha) -> s.add(hectareYear(h, year), ha));
    }

    private DrawSums.Figures figures(StratumAreas group, int year, GwpSet gwp, boolean feature) {
        if (group.ha.isEmpty()) return DrawSums.Figures.of(Spread.ZERO, new SinkEstimate.Pools(0, 0, 0, 0), Spread.ZERO,
                Spread.ZERO, Spread.ZERO, Spread.ZERO, Spread.ZERO, Spread.ZERO);
        if (group.ha.size() == 1) {
            Map.Entry<LandUseHistory, Double> only = group.ha.entrySet().iterator().next();
            DrawSums.Figures one = perHectare.computeIfAbsent(new StratumYearGwp(only.getKey(), year, gwp.id()), k -> {
                DrawSums s = new DrawSums(draws.iterations());
                s.add(hectareYear(k.history(), year), 1);
                return s.figures(gwp, scratch.get());
            });
            return one.scaled(only.getValue());
        }
        if (!feature) return sum(group, year).figures(gwp, scratch.get());
        // One feature's mix recurs in others; a group's hardly does.
        double size = 0;
        for (double ha : group.ha.values()) size += Math.abs(ha);
        List<LandUseHistory> strata = new ArrayList<>(group.ha.keySet());
        long[] shares = new long[strata.size()];
        StratumAreas unit = new StratumAreas();
        for (int k = 0; k < strata.size(); k++) {
            shares[k] = Math.round(group.ha.get(strata.get(k)) / size * 1e9);
            unit.add(strata.get(k), shares[k] / 1e9);
        }
        MixKey key = new MixKey(strata, shares, year, gwp.id());
        DrawSums.Figures perUnit = mixes.get(key);
        if (perUnit == null) {
            perUnit = sum(unit, year).figures(gwp, scratch.get());
            if (mixes.size() < MAX_MIXES) mixes.put(key, perUnit);
        }
        return perUnit.scaled(size);
    }
}
