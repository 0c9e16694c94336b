package org.sinkatlas.layers.store;

import java.util.List;
import org.sinkatlas.layers.filter.Filter;

/**
 * Which areas to sum in {@link LayerStore#sumAreas}: the features a filter selects, each with the area in
 * its {@code areaProperty} (measured once, when the feature was estimated, so that every engine sums the
 * same numbers), split between classes by a fractions property (a JSON object of class → fraction) or, when
 * that is null, given wholly to the class in {@code classProperty}; grouped by a property's value, or by the
 * features of another layer they intersect (each feature counted by the share of its area inside), and
 * within a group by the values of the stratum properties (as text).
 *
 * @param groupProperty      property whose value is the group, or null
 * @param zonesLayer         layer whose features are the groups (keyed by {@code zoneKey}), or null
 * @param weightProperty     a per-feature number to average by area within each class (e.g. a tree-crown
 *                           fraction), or null
 * @param stratumProperties  further properties whose values split each group and class (e.g. the year a land
 *                           use began), possibly none
 */
public record AreaSumQuery(Filter filter, String groupProperty, String zonesLayer, String zoneKey, String classProperty,
        String fractionsProperty, String areaProperty, String weightProperty, List<String> stratumProperties) {

    public AreaSumQuery {
        if (filter == null) filter = Filter.ALL;
        stratumProperties = stratumProperties == null ? List.of() : List.copyOf(stratumProperties);
        if (groupProperty != null && zonesLayer != null) {
            throw new IllegalArgumentException("group by a property or by zones, not both");
        }
        if (zonesLayer != null && zoneKey == null) throw new IllegalArgumentException("zones need a key property");
    }

    public AreaSumQuery(Filter filter, String groupProperty, String zonesLayer, String zoneKey, String classProperty,
            String fractionsProperty, String areaProperty, String weightProperty) {
        this(filter, groupProperty, zonesLayer, zoneKey, classProperty, fractionsProperty, areaProperty, weightProperty, List.of());
    }
}
