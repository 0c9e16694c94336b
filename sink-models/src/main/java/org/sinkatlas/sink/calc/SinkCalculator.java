package org.sinkatlas.sink.calc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Geometry;
import org.sinkatlas.layers.geom.EllipsoidMeasure;
import org.sinkatlas.layers.geom.LocalMetricFrame;
import org.sinkatlas.layers.model.Localized;
import org.sinkatlas.sink.standard.ClassRow;
import org.sinkatlas.sink.standard.Component;
import org.sinkatlas.sink.standard.Eligibility;
import org.sinkatlas.sink.standard.Figure;
import org.sinkatlas.sink.standard.Pools;
import org.sinkatlas.sink.standard.SinkStandard;
import org.sinkatlas.sink.standard.UncertainFigure;
import org.sinkatlas.sink.standard.UrbanGreenSplit;

/**
 * The sink calculator: (geometry, land cover, attributes, standard) → estimate. Pure and deterministic: no
 * I/O, and the Monte Carlo draws come from the standard's fixed seed, so the same input always gives the
 * same range. Safe to call from many threads.
 *
 * <p>The standard's figures apply to "units": each class row with its own figures, and the urban-green
 * components (tree crown, lawn, paved). An estimate is linear in the hectares of each unit, so the draws
 * are made once, at construction: for each unit's removal and methane coefficient, N draws, each drawn
 * once per iteration and shared by every feature of that unit (the coefficient of a class is uncertain,
 * not independent from parcel to parcel). A feature's or a group's range then comes from summing hectares
 * × draws per iteration, never from adding percentiles. A feature of a single unit needs no summing at
 * all: its percentiles are the unit's, scaled by its area. Nor does a feature of a mix already seen: a
 * mix's percentiles scale with its size, so they are kept per mix (its units and their shares, to 1e-9).
 */
public final class SinkCalculator {

    private static final String[] POOL_NAMES = {"above_ground", "below_ground", "soil", "dead"};
    private static final double AFFORESTATION_MIN_AREA_M2 = 400;

    private final SinkStandard standard;
    private final int iterations;
    private final double gwp;
    private final Map<String, Integer> rowOfCode = new HashMap<>();
    /** Unit of each row with figures of its own, -1 for urban-green rows. */
    private final int[] unitOfRow;
    private final int treeCrownUnit;
    private final int lawnUnit;
    private final int pavedUnit;
    /** A unit per urban-green split at its default shares (a fixed mix of the components), by split id. */
    private final Map<String, Integer> splitUnits = new HashMap<>();
    private final String[] unitName;
    private final double[][] pools;
    private final UncertainFigure[] removal;
    private final UncertainFigure[] methane;
    private final double[][] removalDraws;
    private final double[][] nettedMethaneDraws;
    private final double[][] otherMethaneDraws;
    private final double[][] netDraws;
    private final Quantiles[] removalQ;
    private final Quantiles[] nettedMethaneQ;
    private final Quantiles[] otherMethaneQ;
    private final Quantiles[] netQ;
    /** Per figure and unit: every draw is zero, so the unit adds nothing to that figure's range. */
    private final boolean[] noRemoval;
    private final boolean[] noNettedMethane;
    private final boolean[] noOtherMethane;
    private final ThreadLocal<double[]> scratch;
    /** Percentiles of a mix of one hectare in all, per figure (see {@link #sum}); filled as features come. */
    private final Map<MixKey, Quantiles> removalMixes = new ConcurrentHashMap<>();
    private final Map<MixKey, Quantiles> nettedMethaneMixes = new ConcurrentHashMap<>();
    private final Map<MixKey, Quantiles> otherMethaneMixes = new ConcurrentHashMap<>();
    private final Map<MixKey, Quantiles> netMixes = new ConcurrentHashMap<>();
    /** Mixes kept per figure: far more than a layer's distinct mixes usually are, little memory. */
    private static final int MAX_MIXES = 100_000;
    private static final double SHARE_STEP = 1e9;

    /** A mix of units, each with its share of the mix's hectares in steps of 1e-9 (negative for a loss). */
    private record MixKey(int[] units, long[] shares) {
        @Override
        public boolean equals(Object o) {
            return o instanceof MixKey k && java.util.Arrays.equals(units, k.units) && java.util.Arrays.equals(shares, k.shares);
        }

        @Override
        public int hashCode() {
            return 31 * java.util.Arrays.hashCode(units) + java.util.Arrays.hashCode(shares);
        }
    }

    public SinkCalculator(SinkStandard standard) {
        this.standard = standard;
        this.iterations = (int) standard.parameter("monte_carlo_iterations");
        this.gwp = standard.parameter("gwp_ch4");
        List<ClassRow> rows = standard.rows();
        unitOfRow = new int[rows.size()];
        List<String> names = new ArrayList<>();
        List<Pools> unitPools = new ArrayList<>();
        List<UncertainFigure> unitRemoval = new ArrayList<>();
        List<UncertainFigure> unitMethane = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            ClassRow row = rows.get(r);
            for (String code : row.codes()) rowOfCode.put(code, r);
            if (row.isUrbanGreen()) {
                unitOfRow[r] = -1;
                continue;
            }
            unitOfRow[r] = names.size();
            names.add("class " + String.join("/", row.codes()));
            unitPools.add(row.pools());
            unitRemoval.add(row.removal());
            unitMethane.add(row.methane());
        }
        int[] componentUnits = new int[3];
        String[] componentIds = {"tree_crown", "lawn", "paved"};
        for (int i = 0; i < 3; i++) {
            Component c = standard.components().get(componentIds[i]);
            componentUnits[i] = names.size();
            names.add("urban green: " + c.id());
            unitPools.add(c.pools());
            unitRemoval.add(c.removal());
            unitMethane.add(null);
        }
        treeCrownUnit = componentUnits[0];
        lawnUnit = componentUnits[1];
        pavedUnit = componentUnits[2];
        for (UrbanGreenSplit split : standard.urbanGreen().values()) {
            splitUnits.put(split.id(), names.size());
            names.add("urban green: " + split.id() + " split");
            double[] shares = {split.treeCrown(), split.lawn(), split.paved()};
            Figure[] mixed = new Figure[4];
            double low = 0;
            double central = 0;
            double high = 0;
            for (int p = 0; p < 4; p++) {
                double v = 0;
                for (int i = 0; i < 3; i++) v += shares[i] * unitPools.get(componentUnits[i]).values()[p];
                mixed[p] = new Figure(v, "tC/ha", split.source(), "share-weighted components", split.checked(), null);
            }
            for (int i = 0; i < 3; i++) {
                UncertainFigure r = unitRemoval.get(componentUnits[i]);
                low += shares[i] * r.low();
                central += shares[i] * r.central();
                high += shares[i] * r.high();
            }
            unitPools.add(new Pools(mixed[0], mixed[1], mixed[2], mixed[3]));
            unitRemoval.add(new UncertainFigure(low, central, high, unitRemoval.get(treeCrownUnit).distribution(),
                    Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false, split.source(),
                    String.format(Locale.ROOT, "tree crown %.2f, lawn %.2f, paved %.2f of the components' rates",
                            split.treeCrown(), split.lawn(), split.paved()), split.checked()));
            unitMethane.add(null);
        }
        int units = names.size();
        unitName = names.toArray(String[]::new);
        pools = new double[units][];
        removal = unitRemoval.toArray(UncertainFigure[]::new);
        methane = unitMethane.toArray(UncertainFigure[]::new);
        removalDraws = new double[units][iterations];
        nettedMethaneDraws = new double[units][iterations];
        otherMethaneDraws = new double[units][iterations];
        netDraws = new double[units][iterations];
        removalQ = new Quantiles[units];
        nettedMethaneQ = new Quantiles[units];
        otherMethaneQ = new Quantiles[units];
        netQ = new Quantiles[units];
        noRemoval = new boolean[units];
        noNettedMethane = new boolean[units];
        noOtherMethane = new boolean[units];
        long seed = (long) standard.parameter("monte_carlo_seed");
        for (int u = 0; u < units; u++) {
            pools[u] = unitPools.get(u).values();
            if (u >= pavedUnit + 1) {
                // A split unit: its draws are the components' draws, mixed at the split's shares.
                UrbanGreenSplit split = splitOf(u);
                double[] shares = {split.treeCrown(), split.lawn(), split.paved()};
                int[] parts = {treeCrownUnit, lawnUnit, pavedUnit};
                for (int i = 0; i < iterations; i++) {
                    double v = 0;
                    for (int k = 0; k < 3; k++) v += shares[k] * removalDraws[parts[k]][i];
                    removalDraws[u][i] = v;
                    netDraws[u][i] = v;
                }
                finishUnit(u);
                continue;
            }
            // One stream per unit and coefficient, so that adding a class to a new version of the standard
            // does not change the draws of the others.
            SplittableRandom r = new SplittableRandom(seed ^ (unitName[u].hashCode() * 0x9E3779B97F4A7C15L));
            SplittableRandom m = new SplittableRandom(seed ^ ((unitName[u] + "/ch4").hashCode() * 0x9E3779B97F4A7C15L));
            UncertainFigure ch4 = methane[u];
            for (int i = 0; i < iterations; i++) {
                removalDraws[u][i] = removal[u].draw(r);
                double methaneCo2e = ch4 == null ? 0 : ch4.draw(m) * gwp;
                if (ch4 != null && ch4.netted()) nettedMethaneDraws[u][i] = methaneCo2e;
                else otherMethaneDraws[u][i] = methaneCo2e;
                netDraws[u][i] = removalDraws[u][i] - nettedMethaneDraws[u][i];
            }
            finishUnit(u);
        }
        scratch = ThreadLocal.withInitial(() -> new double[iterations]);
    }

    private UrbanGreenSplit splitOf(int unit) {
        for (Map.Entry<String, Integer> e : splitUnits.entrySet()) {
            if (e.getValue() == unit) return standard.urbanGreen().get(e.getKey());
        }
        throw new IllegalStateException("unit " + unit + " is not a split");
    }

    /** Percentiles of a unit's own draws, and which of its figures are zero throughout. */
    private void finishUnit(int u) {
        UncertainFigure ch4 = methane[u];
        double centralMethane = ch4 == null ? 0 : ch4.central() * gwp;
        boolean netted = ch4 != null && ch4.netted();
        removalQ[u] = quantiles(removalDraws[u].clone(), removal[u].central());
        nettedMethaneQ[u] = quantiles(nettedMethaneDraws[u].clone(), netted ? centralMethane : 0);
        otherMethaneQ[u] = quantiles(otherMethaneDraws[u].clone(), netted ? 0 : centralMethane);
        netQ[u] = quantiles(netDraws[u].clone(), removal[u].central() - (netted ? centralMethane : 0));
        noRemoval[u] = allZero(removalDraws[u]);
        noNettedMethane[u] = allZero(nettedMethaneDraws[u]);
        noOtherMethane[u] = allZero(otherMethaneDraws[u]);
    }

    private static boolean allZero(double[] values) {
        for (double v : values) if (v != 0) return false;
        return true;
    }

    public SinkStandard standard() {
        return standard;
    }

    /** How many units (class rows with figures, and urban-green components) the standard has. */
    public int units() {
        return unitName.length;
    }

    // ------------------------------------------------------------------------------------------------
    // One feature

    /** The estimate of one feature, with the explanation when asked for. */
    public SinkEstimate estimate(SinkInput input, boolean explain) {
        List<ExplainStep> steps = explain ? new ArrayList<>() : null;
        double areaM2 = areaM2(input, steps);
        UnitAreas current = new UnitAreas(units());
        distribute(input.landcover(), areaM2, input, current, steps);
        if (steps != null && input.ageYears() != null) {
            steps.add(new ExplainStep("age", "stand age " + input.ageYears() + " years recorded; standard " + standard.key()
                    + " has no age curves, so the annual rate is constant", input.ageYears(), "yr", null, null));
        }
        SinkEstimate.Scenario scenario = null;
        if (input.planned() != null) {
            UnitAreas planned = new UnitAreas(units());
            distribute(input.planned(), areaM2, input, planned, null);
            scenario = scenario(input.planned(), current, planned);
            if (steps != null) {
                steps.add(new ExplainStep("scenario", "planned land cover " + input.planned().fractions()
                        + ": the change is planned less current, from the same draws for both", scenario.stockChangeTc(),
                        "tC (stock change)", null, null));
            }
        }
        SinkEstimate e = combine(current, input.landcover(), steps);
        if (steps != null) {
            steps.add(new ExplainStep("uncertainty", String.format(Locale.ROOT, "Monte Carlo: %d draws (seed %d) of every"
                    + " coefficient, each shared by all features of its class; P5, P50, P95 are the 5th, 50th and 95th"
                    + " percentiles of the totals", iterations, (long) standard.parameter("monte_carlo_seed")),
                    iterations, "draws", "ipcc2006-v1", "V2"));
        }
        return new SinkEstimate(e.areaM2(), e.landcover(), e.stockTc(), e.annualRemoval(), e.methane(), e.methaneNotNetted(),
                e.net(), eligibility(input, areaM2), standard.id(), standard.version(), steps == null ? List.of() : steps,
                scenario);
    }

    /** The hectares of each unit that a feature holds, for summing over groups of features. */
    public UnitAreas areas(SinkInput input) {
        UnitAreas out = new UnitAreas(units());
        distribute(input.landcover(), areaM2(input, null), input, out, null);
        return out;
    }

    /** The hectares of each unit for a feature of a known area (as a database computed it). */
    public UnitAreas areas(LandCoverMix landcover, double areaM2, Double treeCrownFraction) {
        UnitAreas out = new UnitAreas(units());
        distribute(landcover, areaM2, new SinkInput(null, landcover, treeCrownFraction, null, null, null, null), out, null);
        return out;
    }

    /** The estimate of a group from its summed unit hectares (ranges from the draws, not added percentiles). */
    public SinkEstimate estimate(UnitAreas group) {
        SinkEstimate e = combine(group, null, null);
        return new SinkEstimate(e.areaM2(), null, e.stockTc(), e.annualRemoval(), e.methane(), e.methaneNotNetted(), e.net(),
                null, standard.id(), standard.version(), List.of(), null);
    }

    /** The change from one group to another (e.g. 2020 land cover to the 2030 plan), from the same draws. */
    public SinkEstimate.Scenario scenario(UnitAreas current, UnitAreas planned) {
        return scenario(null, current, planned);
    }

    private SinkEstimate.Scenario scenario(LandCoverMix plannedMix, UnitAreas current, UnitAreas planned) {
        double[] diff = new double[units()];
        for (int u = 0; u < diff.length; u++) diff[u] = planned.ha[u] - current.ha[u];
        SinkEstimate.Stock before = stock(current);
        SinkEstimate.Stock after = stock(planned);
        double change = after.total() - before.total();
        boolean feature = plannedMix != null;
        return new SinkEstimate.Scenario(plannedMix, after, sum(planned.ha, netDraws, netQ, null, net(planned.ha),
                feature ? netMixes : null), change, change * standard.parameter("co2_per_c"),
                sum(diff, removalDraws, removalQ, noRemoval, central(diff, removal), feature ? removalMixes : null),
                sum(diff, netDraws, netQ, null, net(diff), feature ? netMixes : null));
    }

    // ------------------------------------------------------------------------------------------------

    private double areaM2(SinkInput input, List<ExplainStep> steps) {
        Geometry g = input.geometry();
        if (g == null || g.isEmpty()) throw new SinkInputException("the feature has no geometry");
        int dimension = g.getDimension();
        if (dimension == 2) {
            double a = EllipsoidMeasure.areaM2(g);
            // Below a square centimetre a polygon is a degenerate one (a sliver or a collapsed ring).
            if (!(a >= 1e-4)) throw new SinkInputException("the polygon has no area");
            if (steps != null) steps.add(new ExplainStep("area", "ellipsoidal area of the polygon (WGS 84)", a, "m2", null, null));
            return a;
        }
        if (dimension == 1) {
            double width = input.widthM() != null ? input.widthM() : standard.urbanGreen().get("greenway").widthM();
            if (!(width > 0)) throw new SinkInputException("the planted width of a line must be positive, got " + width);
            double a = EllipsoidMeasure.areaM2(LocalMetricFrame.buffer(g, width));
            if (steps != null) {
                steps.add(new ExplainStep("area", String.format(Locale.ROOT, "line buffered by %.1f m on each side%s,"
                        + " ellipsoidal area of the strip", width, input.widthM() == null ? " (the standard's greenway width)"
                        : ""), a, "m2", input.widthM() == null ? standard.urbanGreen().get("greenway").source() : null,
                        input.widthM() == null ? standard.urbanGreen().get("greenway").checked().name() : null));
            }
            return a;
        }
        Double a = input.areaM2();
        if (a == null || !(a > 0)) {
            throw new SinkInputException("a point feature needs a positive area_m2 attribute (e.g. a vertical-greening site)");
        }
        if (steps != null) steps.add(new ExplainStep("area", "area given with the point feature", a, "m2", null, null));
        return a;
    }

    private void distribute(LandCoverMix mix, double areaM2, SinkInput input, UnitAreas out, List<ExplainStep> steps) {
        out.areaM2 += areaM2;
        out.features++;
        for (Map.Entry<String, Double> e : mix.fractions().entrySet()) {
            Integer r = rowOfCode.get(e.getKey());
            if (r == null) throw new SinkInputException("land cover " + e.getKey() + " has no row in standard " + standard.key());
            ClassRow row = standard.rows().get(r);
            double ha = areaM2 * e.getValue() / 10_000;
            if (steps != null) {
                steps.add(new ExplainStep("land cover", e.getKey() + " " + row.name().both() + ", fraction " + e.getValue()
                        + (row.assessed() ? "" : " (not assessed in this standard: counted as zero)"), ha, "ha", null, null));
            }
            if (!row.isUrbanGreen()) {
                out.ha[unitOfRow[r]] += ha;
                continue;
            }
            boolean line = input.geometry() != null && input.geometry().getDimension() == 1;
            UrbanGreenSplit split = standard.urbanGreen().get(line ? "greenway" : row.urbanGreen());
            if (input.treeCrownFraction() == null) {
                out.ha[splitUnits.get(split.id())] += ha;
                if (steps != null) {
                    steps.add(new ExplainStep("urban green split", String.format(Locale.ROOT,
                            "%s: tree crown %.2f, lawn %.2f, paved %.2f (the standard's shares)", split.id(),
                            split.treeCrown(), split.lawn(), split.paved()), ha, "ha", split.source(), split.checked().name()));
                }
                continue;
            }
            {
                double crown = input.treeCrownFraction();
                if (!(crown >= 0 && crown <= 1)) throw new SinkInputException("tree_crown_fraction must be in [0, 1], got " + crown);
                split = split.withTreeCrown(crown);
            }
            out.ha[treeCrownUnit] += ha * split.treeCrown();
            out.ha[lawnUnit] += ha * split.lawn();
            out.ha[pavedUnit] += ha * split.paved();
            if (steps != null) {
                steps.add(new ExplainStep("urban green split", String.format(Locale.ROOT,
                        "%s: tree crown %.2f, lawn %.2f, paved %.2f%s", split.id(), split.treeCrown(), split.lawn(),
                        split.paved(), input.treeCrownFraction() != null ? " (crown share from the feature)" : ""), ha, "ha",
                        split.source(), split.checked().name()));
            }
        }
    }

    private SinkEstimate combine(UnitAreas a, LandCoverMix mix, List<ExplainStep> steps) {
        if (steps != null) {
            for (int u = 0; u < units(); u++) {
                if (a.ha[u] == 0) continue;
                UncertainFigure r = removal[u];
                steps.add(new ExplainStep("removal " + unitName[u], String.format(Locale.ROOT,
                        "%.3f ha × %.3f tCO2e/ha/yr (range %.3f to %.3f, %s) — %s", a.ha[u], r.central(), r.low(), r.high(),
                        r.distribution().name().toLowerCase(Locale.ROOT), r.where()), a.ha[u] * r.central(), "tCO2e/yr",
                        r.source(), r.checked().name()));
                UncertainFigure m = methane[u];
                if (m != null) {
                    steps.add(new ExplainStep("methane " + unitName[u], String.format(Locale.ROOT,
                            "%.3f ha × %.4f t CH4/ha/yr × GWP %.1f%s — %s", a.ha[u], m.central(), gwp,
                            m.netted() ? "" : ", shown but not netted (unverified)", m.where()),
                            a.ha[u] * m.central() * gwp, "tCO2e/yr", m.source(), m.checked().name()));
                }
                double[] p = pools[u];
                steps.add(new ExplainStep("stock " + unitName[u], String.format(Locale.ROOT,
                        "%.3f ha × (%.1f above + %.1f below + %.1f soil + %.1f dead) tC/ha", a.ha[u], p[0], p[1], p[2], p[3]),
                        a.ha[u] * (p[0] + p[1] + p[2] + p[3]), "tC", null, null));
            }
        }
        double methaneCentral = 0;
        double otherCentral = 0;
        for (int u = 0; u < units(); u++) {
            if (methane[u] == null || a.ha[u] == 0) continue;
            if (methane[u].netted()) methaneCentral += a.ha[u] * methane[u].central() * gwp;
            else otherCentral += a.ha[u] * methane[u].central() * gwp;
        }
        // One feature's mix recurs in others; a group's hardly does.
        boolean feature = mix != null;
        Quantiles removalRange = sum(a.ha, removalDraws, removalQ, noRemoval, central(a.ha, removal),
                feature ? removalMixes : null);
        Quantiles methaneRange = sum(a.ha, nettedMethaneDraws, nettedMethaneQ, noNettedMethane, methaneCentral,
                feature ? nettedMethaneMixes : null);
        // Without netted methane the net is the removal: no second pass over the draws.
        Quantiles netRange = allZeroWhereHeld(a.ha, noNettedMethane)
                ? new Quantiles(removalRange.p5(), removalRange.p50(), removalRange.p95(), net(a.ha))
                : sum(a.ha, netDraws, netQ, null, net(a.ha), feature ? netMixes : null);
        return new SinkEstimate(a.areaM2, mix, stock(a), removalRange, methaneRange,
                sum(a.ha, otherMethaneDraws, otherMethaneQ, noOtherMethane, otherCentral, feature ? otherMethaneMixes : null),
                netRange, null,
                standard.id(), standard.version(), List.of(), null);
    }

    private SinkEstimate.Stock stock(UnitAreas a) {
        double[] byPool = new double[4];
        for (int u = 0; u < units(); u++) {
            if (a.ha[u] == 0) continue;
            for (int p = 0; p < 4; p++) byPool[p] += a.ha[u] * pools[u][p];
        }
        return new SinkEstimate.Stock(byPool[0] + byPool[1] + byPool[2] + byPool[3], byPool[0], byPool[1], byPool[2],
                byPool[3]);
    }

    private static double central(double[] ha, UncertainFigure[] figures) {
        double s = 0;
        for (int u = 0; u < ha.length; u++) if (ha[u] != 0) s += ha[u] * figures[u].central();
        return s;
    }

    private double net(double[] ha) {
        double s = 0;
        for (int u = 0; u < ha.length; u++) {
            if (ha[u] == 0) continue;
            s += ha[u] * removal[u].central();
            if (methane[u] != null && methane[u].netted()) s -= ha[u] * methane[u].central() * gwp;
        }
        return s;
    }

    /** Whether every unit that holds hectares has only zero draws for a figure. */
    private static boolean allZeroWhereHeld(double[] ha, boolean[] zero) {
        for (int u = 0; u < ha.length; u++) if (ha[u] != 0 && !zero[u]) return false;
        return true;
    }

    /**
     * Percentiles of Σ ha[u] × draws[u][i] over the iterations. Units whose draws are all zero for this
     * figure ({@code zero}, may be null) add nothing; one unit left needs only its own percentiles, scaled.
     * Several: the percentiles of the mix at one hectare in all are looked up in {@code mixes} (when given) or
     * computed once, then scaled by the hectares, as Σ (s·w[u]) d[u][i] = s Σ w[u] d[u][i].
     */
    private Quantiles sum(double[] ha, double[][] draws, Quantiles[] single, boolean[] zero, double centralValue,
            Map<MixKey, Quantiles> mixes) {
        int only = -1;
        int nonZero = 0;
        double size = 0;
        for (int u = 0; u < ha.length; u++) {
            if (ha[u] != 0 && (zero == null || !zero[u])) {
                only = u;
                nonZero++;
                size += Math.abs(ha[u]);
            }
        }
        if (nonZero == 0) return centralValue == 0 ? Quantiles.ZERO : new Quantiles(0, 0, 0, centralValue);
        if (nonZero == 1) {
            Quantiles q = single[only].scaled(ha[only]);
            return new Quantiles(q.p5(), q.p50(), q.p95(), centralValue);
        }
        if (mixes == null) return quantiles(weighted(ha, draws, zero), centralValue);
        int[] units = new int[nonZero];
        long[] shares = new long[nonZero];
        double[] unitMix = new double[ha.length];
        for (int u = 0, k = 0; u < ha.length; u++) {
            if (ha[u] == 0 || (zero != null && zero[u])) continue;
            units[k] = u;
            shares[k] = Math.round(ha[u] / size * SHARE_STEP);
            unitMix[u] = shares[k++] / SHARE_STEP;
        }
        MixKey key = new MixKey(units, shares);
        Quantiles perHectare = mixes.get(key);
        if (perHectare == null) {
            perHectare = quantiles(weighted(unitMix, draws, zero), 0);
            if (mixes.size() < MAX_MIXES) mixes.put(key, perHectare);
        }
        Quantiles q = perHectare.scaled(size);
        return new Quantiles(q.p5(), q.p50(), q.p95(), centralValue);
    }

    /** Σ ha[u] × draws[u][i] for each iteration, into this thread's scratch array. */
    private double[] weighted(double[] ha, double[][] draws, boolean[] zero) {
        double[] values = scratch.get();
        java.util.Arrays.fill(values, 0);
        for (int u = 0; u < ha.length; u++) {
            double w = ha[u];
            if (w == 0 || (zero != null && zero[u])) continue;
            double[] d = draws[u];
            for (int i = 0; i < values.length; i++) values[i] += w * d[i];
        }
        return values;
    }

    /**
     * Nearest-rank 5th, 50th and 95th percentiles; reorders {@code values}. The median is selected first, so
     * the other two are searched in the half that holds each.
     */
    private static Quantiles quantiles(double[] values, double centralValue) {
        int n = values.length;
        int k50 = (int) Math.ceil(0.50 * n) - 1;
        double p50 = select(values, 0, n - 1, k50);
        double p5 = select(values, 0, k50, (int) Math.ceil(0.05 * n) - 1);
        double p95 = select(values, k50, n - 1, (int) Math.ceil(0.95 * n) - 1);
        return new Quantiles(p5, p50, p95, centralValue);
    }

    /**
     * The k-th smallest value of {@code a[lo..hi]} (quickselect with a middle pivot), leaving smaller values
     * before it and larger after; reorders that range.
     */
    private static double select(double[] a, int lo, int hi, int k) {
        while (lo < hi) {
            double pivot = a[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i <= j) {
                    double t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else return a[k];
        }
        return a[k];
    }

    private SinkEstimate.EligibilityNote eligibility(SinkInput input, double areaM2) {
        LandCoverMix target = input.planned() != null ? input.planned() : input.landcover();
        ClassRow row = standard.rows().get(rowOfCode.get(target.main()));
        String category = row.eligibility();
        List<Localized> checks = new ArrayList<>();
        if (category.equals("ccer-afforestation")) {
            boolean bigEnough = areaM2 >= AFFORESTATION_MIN_AREA_M2;
            long m2 = Math.round(areaM2);
            checks.add(Localized.of("面积 " + m2 + " 平方米" + (bigEnough ? "≥" : "<") + "400平方米",
                    "area " + m2 + " m² " + (bigEnough ? "≥" : "<") + " 400 m²"));
            boolean fromNonForest = input.planned() != null && !input.landcover().main().startsWith("03");
            checks.add(fromNonForest ? Localized.of("由非林地规划造林", "planned afforestation of non-forest land")
                    : Localized.of("现状已为林地：须证明造林前连续3年以上为非林地", "already forest: the land must have been"
                            + " non-forest for 3 years before planting"));
            if (!bigEnough) category = "ecological-accounting";
        }
        Eligibility e = standard.eligibility().get(category);
        return new SinkEstimate.EligibilityNote(category, e.text(), checks);
    }

    /** Names of the pools in the order of {@link SinkEstimate.Stock}. */
    public static List<String> poolNames() {
        return List.of(POOL_NAMES);
    }
}
