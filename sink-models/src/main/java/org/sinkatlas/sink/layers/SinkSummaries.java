package org.sinkatlas.sink.layers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sinkatlas.layers.filter.Filter;
import org.sinkatlas.layers.model.SinkFields;
import org.sinkatlas.layers.store.AreaSum;
import org.sinkatlas.layers.store.AreaSumQuery;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.sink.calc.LandCoverMix;
import org.sinkatlas.sink.calc.SinkCalculator;
import org.sinkatlas.sink.calc.SinkEstimate;
import org.sinkatlas.sink.calc.UnitAreas;

/**
 * Sink totals of a sink layer by district, key zone, sink project or land cover, for the current land
 * cover or the planned one, with any released standard. The store sums the features' stored areas by
 * group and class (in the database where the engine can); the calculator then turns each group's class
 * areas into an estimate whose range comes from the Monte Carlo draws. Areas and classes do not depend on
 * the standard, so any version answers without recomputing the features.
 */
public final class SinkSummaries {

    /** How features are grouped. */
    public enum By { DISTRICT, ZONE, PROJECT, LANDCOVER }

    /** One group's figures. */
    public record Group(String key, double features, SinkEstimate estimate) {}

    /** A summary: the groups, their total, and the scenario's change when asked for the plan. */
    public record Summary(By by, boolean planned, List<Group> groups, SinkEstimate total, SinkEstimate.Scenario change,
            long unestimated) {}

    public static final String ZONES_LAYER = "key-zones";
    public static final String PROJECTS_LAYER = "sink-projects";

    private final LayerStore store;

    public SinkSummaries(LayerStore store) {
        this.store = store;
    }

    /**
     * @param planned use each feature's planned land cover where it has one (the plan scenario)
     */
    public Summary summary(String layerId, By by, boolean planned, SinkCalculator calc) {
        Map<String, UnitAreas> current = unitAreas(layerId, by, false, calc);
        Map<String, UnitAreas> target = planned ? unitAreas(layerId, by, true, calc) : current;
        List<Group> groups = new ArrayList<>();
        UnitAreas all = new UnitAreas(calc.units());
        UnitAreas allCurrent = new UnitAreas(calc.units());
        for (Map.Entry<String, UnitAreas> e : target.entrySet()) {
            groups.add(new Group(e.getKey(), e.getValue().features(), calc.estimate(e.getValue())));
            all.add(e.getValue());
        }
        current.values().forEach(allCurrent::add);
        groups.sort(Comparator.comparing(Group::key, Comparator.nullsLast(Comparator.naturalOrder())));
        long unestimated = store.count(layerId, new Filter.IsNull(SinkFields.AREA));
        return new Summary(by, planned, groups, calc.estimate(all), planned ? calc.scenario(allCurrent, all) : null,
                unestimated);
    }

    private Map<String, UnitAreas> unitAreas(String layerId, By by, boolean planned, SinkCalculator calc) {
        Map<String, UnitAreas> groups = new LinkedHashMap<>();
        if (!planned) {
            add(groups, sums(layerId, by, Filter.ALL, SinkFields.LANDCOVER, SinkFields.FRACTIONS), by, calc);
            return groups;
        }
        // The plan replaces a feature's whole land cover where it has a planned class.
        add(groups, sums(layerId, by, new Filter.Not(new Filter.IsNull(SinkFields.PLANNED)), SinkFields.PLANNED, null), by, calc);
        add(groups, sums(layerId, by, new Filter.IsNull(SinkFields.PLANNED), SinkFields.LANDCOVER, SinkFields.FRACTIONS), by,
                calc);
        return groups;
    }

    private List<AreaSum> sums(String layerId, By by, Filter filter, String classProperty, String fractions) {
        AreaSumQuery q = switch (by) {
            case DISTRICT -> new AreaSumQuery(filter, "district", null, null, classProperty, fractions, SinkFields.AREA,
                    SinkFields.TREE_CROWN);
            case ZONE -> new AreaSumQuery(filter, null, ZONES_LAYER, "name", classProperty, fractions, SinkFields.AREA,
                    SinkFields.TREE_CROWN);
            case PROJECT -> new AreaSumQuery(filter, null, PROJECTS_LAYER, "name", classProperty, fractions, SinkFields.AREA,
                    SinkFields.TREE_CROWN);
            case LANDCOVER -> new AreaSumQuery(filter, null, null, null, classProperty, fractions, SinkFields.AREA,
                    SinkFields.TREE_CROWN);
        };
        return store.sumAreas(layerId, q);
    }

    private static void add(Map<String, UnitAreas> groups, List<AreaSum> sums, By by, SinkCalculator calc) {
        for (AreaSum s : sums) {
            if (s.areaM2() <= 0) continue;
            String key = by == By.LANDCOVER ? s.cls() : s.group() == null ? null : s.group().toString();
            UnitAreas group = groups.computeIfAbsent(key, k -> new UnitAreas(calc.units()));
            // Features that give a crown share count with its area-weighted mean (the split is linear in it);
            // the others with the standard's default split.
            double known = s.weightKnownM2();
            UnitAreas areas = known > 0 ? calc.areas(LandCoverMix.of(s.cls()), known, s.weightedM2() / known)
                    : new UnitAreas(calc.units());
            if (s.areaM2() - known > 0) areas.add(calc.areas(LandCoverMix.of(s.cls()), s.areaM2() - known, null));
            areas.setFeatures(s.features());
            group.add(areas);
        }
    }
}
