package org.sinkatlas.sink.layers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sinkatlas.layers.filter.Filter;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.SinkFields;
import org.sinkatlas.layers.store.AreaSum;
import org.sinkatlas.layers.store.AreaSumQuery;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.sink.calc.LandCoverMix;
import org.sinkatlas.sink.calc.ScenarioPath;
import org.sinkatlas.sink.calc.SinkCalculator;
import org.sinkatlas.sink.calc.SinkEstimate;
import org.sinkatlas.sink.calc.StratumAreas;

/**
 * Sink totals of a sink layer by district, key zone, sink project or land cover, in a year or as the plan's
 * path over years, with any released standard. The store sums the features' stored areas by group, class and
 * land-use history (in the database where the engine can); the calculator then turns each group's strata
 * into figures whose ranges come from the Monte Carlo draws. A group's headline is the sum of its features'
 * headlines (means add up). Areas, classes and histories do not depend on the standard, so any version
 * answers without recomputing the features.
 */
public final class SinkSummaries {

    /** How features are grouped. */
    public enum By { DISTRICT, ZONE, PROJECT, LANDCOVER }

    /** One group's figures. */
    public record Group(String key, double features, SinkEstimate estimate) {}

    /** A summary in one year: the groups and their total. */
    public record Summary(By by, int year, String gwp, List<Group> groups, SinkEstimate total, long unestimated) {}

    /** One group's path of the plan against today. */
    public record GroupPath(String key, double features, ScenarioPath path) {}

    /** The plan's paths, per group and in all. */
    public record Plan(By by, List<GroupPath> groups, ScenarioPath total, long unestimated) {}

    public static final String ZONES_LAYER = "key-zones";
    public static final String PROJECTS_LAYER = "sink-projects";

    private final LayerStore store;

    public SinkSummaries(LayerStore store) {
        this.store = store;
    }

    /** Figures by group in {@code year}, GWP set {@code gwp} (null: the standard's default). */
    public Summary summary(String layerId, By by, SinkCalculator calc, int year, String gwp) {
        Map<String, StratumAreas[]> strata = strata(layerId, by, calc, false, 0);
        List<Group> groups = new ArrayList<>();
        StratumAreas all = new StratumAreas();
        for (Map.Entry<String, StratumAreas[]> e : strata.entrySet()) {
            StratumAreas g = e.getValue()[0];
            groups.add(new Group(e.getKey(), g.features(), calc.estimate(g, year, gwp)));
            all.add(g);
        }
        groups.sort(Comparator.comparing(Group::key, Comparator.nullsLast(Comparator.naturalOrder())));
        return new Summary(by, year, calc.gwp(gwp).id(), groups, calc.estimate(all, year, gwp), unestimated(layerId));
    }

    /**
     * The plan against today from {@code from} to {@code to}: features with a planned land cover take it in
     * {@code changeYear}, the others keep theirs.
     */
    public Plan plan(String layerId, By by, SinkCalculator calc, int from, int to, int changeYear, String gwp) {
        Map<String, StratumAreas[]> strata = strata(layerId, by, calc, true, changeYear);
        List<GroupPath> groups = new ArrayList<>();
        StratumAreas current = new StratumAreas();
        StratumAreas planned = new StratumAreas();
        for (Map.Entry<String, StratumAreas[]> e : strata.entrySet()) {
            StratumAreas[] g = e.getValue();
            groups.add(new GroupPath(e.getKey(), g[0].features(), calc.path(g[0], g[1], from, to, changeYear, gwp)));
            current.add(g[0]);
            planned.add(g[1]);
        }
        groups.sort(Comparator.comparing(GroupPath::key, Comparator.nullsLast(Comparator.naturalOrder())));
        return new Plan(by, groups, calc.path(current, planned, from, to, changeYear, gwp), unestimated(layerId));
    }

    /** Every feature's strata summed: the layer's total, for sensitivities and comparisons. */
    public StratumAreas total(String layerId, SinkCalculator calc) {
        StratumAreas all = new StratumAreas();
        strata(layerId, By.LANDCOVER, calc, false, 0).values().forEach(g -> all.add(g[0]));
        return all;
    }

    private long unestimated(String layerId) {
        return store.count(layerId, new Filter.IsNull(SinkFields.AREA));
    }

    /** Per group: the strata of today, and with {@code planned} those of the plan from {@code changeYear}. */
    private Map<String, StratumAreas[]> strata(String layerId, By by, SinkCalculator calc, boolean planned, int changeYear) {
        LayerInfo layer = store.layer(layerId).orElseThrow(() -> new IllegalArgumentException("no layer " + layerId));
        List<String> stratum = new ArrayList<>();
        boolean history = layer.property(SinkFields.LANDUSE_SINCE).isPresent() && layer.property(SinkFields.PREVIOUS).isPresent();
        if (history) stratum.addAll(List.of(SinkFields.LANDUSE_SINCE, SinkFields.PREVIOUS));
        boolean withPlan = planned && layer.property(SinkFields.PLANNED).isPresent();
        if (withPlan) stratum.add(SinkFields.PLANNED);
        AreaSumQuery q = switch (by) {
            case DISTRICT -> query("district", null, stratum);
            case ZONE -> query(null, ZONES_LAYER, stratum);
            case PROJECT -> query(null, PROJECTS_LAYER, stratum);
            case LANDCOVER -> query(null, null, stratum);
        };
        Map<String, StratumAreas[]> groups = new LinkedHashMap<>();
        for (AreaSum s : store.sumAreas(layerId, q)) {
            if (s.areaM2() <= 0) continue;
            String key = by == By.LANDCOVER ? s.cls() : s.group() == null ? null : s.group().toString();
            StratumAreas[] g = groups.computeIfAbsent(key, k -> new StratumAreas[] {new StratumAreas(), new StratumAreas()});
            Integer since = history ? FeatureSinkInput.year(s.stratum().get(0)) : null;
            String previous = history ? s.stratum().get(1) : null;
            String plannedCode = withPlan ? s.stratum().get(stratum.size() - 1) : null;
            LandCoverMix cls = LandCoverMix.of(s.cls());
            LandCoverMix plan = plannedCode == null ? null : LandCoverMix.of(plannedCode);
            add(g[0], s, calc, cls, since, previous, null, 0);
            if (planned) add(g[1], s, calc, cls, since, previous, plan, changeYear);
        }
        return groups;
    }

    private static AreaSumQuery query(String groupProperty, String zones, List<String> stratum) {
        return new AreaSumQuery(Filter.ALL, groupProperty, zones, zones == null ? null : "name", SinkFields.LANDCOVER,
                SinkFields.FRACTIONS, SinkFields.AREA, SinkFields.TREE_CROWN, stratum);
    }

    /**
     * Adds a summed class area to a group: features that give a crown share count with its area-weighted mean
     * (the split is linear in it), the others with the standard's default split.
     */
    private static void add(StratumAreas group, AreaSum s, SinkCalculator calc, LandCoverMix cls, Integer since, String previous,
            LandCoverMix planned, int changeYear) {
        double known = s.weightKnownM2();
        StratumAreas areas = new StratumAreas();
        if (known > 0) areas.add(calc.areas(cls, known, s.weightedM2() / known, since, previous, planned, changeYear));
        if (s.areaM2() - known > 0) areas.add(calc.areas(cls, s.areaM2() - known, null, since, previous, planned, changeYear));
        areas.setFeatures(s.features());
        group.add(areas);
    }
}
