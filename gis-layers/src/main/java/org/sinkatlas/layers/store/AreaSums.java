package org.sinkatlas.layers.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.sinkatlas.layers.geom.EllipsoidMeasure;
import org.sinkatlas.layers.model.Feature;

/**
 * {@link LayerStore#sumAreas} by streaming features through Java: the way for every engine, which an
 * engine may replace by its own query giving the same numbers.
 */
public final class AreaSums {

    private AreaSums() {}

    public static List<AreaSum> compute(LayerStore store, String layerId, AreaSumQuery q) {
        List<Zone> zones = q.zonesLayer() == null ? null : zones(store, q);
        STRtree index = null;
        if (zones != null) {
            index = new STRtree();
            for (Zone z : zones) index.insert(z.geometry.getEnvelopeInternal(), z);
        }
        Map<List<Object>, double[]> sums = new LinkedHashMap<>();
        try (StoreCursor<Feature> features = store.query(layerId, FeatureQuery.of(q.filter()))) {
            while (features.hasNext()) {
                Feature f = features.next();
                Object areaValue = f.property(q.areaProperty());
                if (!(areaValue instanceof Number n)) continue;
                double area = n.doubleValue();
                Map<String, Double> split = split(f, q);
                Object w = q.weightProperty() == null ? null : f.property(q.weightProperty());
                List<String> stratum = new ArrayList<>(q.stratumProperties().size());
                for (String p : q.stratumProperties()) stratum.add(f.property(p) == null ? null : f.property(p).toString());
                if (zones == null) {
                    Object group = q.groupProperty() == null ? null : f.property(q.groupProperty());
                    add(sums, group, stratum, split, area, w);
                    continue;
                }
                for (Object o : index.query(f.geometry().getEnvelopeInternal())) {
                    Zone z = (Zone) o;
                    double share = z.shareOf(f.geometry());
                    if (share > 0) add(sums, z.key, stratum, split, area * share, w);
                }
            }
        }
        List<AreaSum> out = new ArrayList<>(sums.size());
        sums.forEach((k, v) -> out.add(new AreaSum(k.get(0), (String) k.get(1), v[0], v[1], v[2], v[3],
                k.subList(2, k.size()).stream().map(x -> (String) x).toList())));
        return out;
    }

    private static void add(Map<List<Object>, double[]> sums, Object group, List<String> stratum, Map<String, Double> split,
            double area, Object weight) {
        for (Map.Entry<String, Double> e : split.entrySet()) {
            double a = area * e.getValue();
            List<Object> key = new ArrayList<>(2 + stratum.size());
            key.add(group);
            key.add(e.getKey());
            key.addAll(stratum);
            double[] s = sums.computeIfAbsent(key, k -> new double[4]);
            s[0] += a;
            if (weight instanceof Number w) {
                s[1] += a * w.doubleValue();
                s[2] += a;
            }
            s[3] += e.getValue();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Double> split(Feature f, AreaSumQuery q) {
        Object fractions = q.fractionsProperty() == null ? null : f.property(q.fractionsProperty());
        if (fractions instanceof Map<?, ?> m && !m.isEmpty()) {
            Map<String, Double> out = new HashMap<>();
            ((Map<String, Object>) m).forEach((k, v) -> out.put(k, ((Number) v).doubleValue()));
            return out;
        }
        Object cls = f.property(q.classProperty());
        return Map.of(Objects.toString(cls, ""), 1.0);
    }

    private static List<Zone> zones(LayerStore store, AreaSumQuery q) {
        List<Zone> zones = new ArrayList<>();
        try (StoreCursor<Feature> c = store.query(q.zonesLayer(), FeatureQuery.all())) {
            c.forEachRemaining(z -> zones.add(new Zone(z.property(q.zoneKey()), z.geometry())));
        }
        return zones;
    }

    /** A zone: its key and geometry, and the share of a feature's area inside it. */
    private static final class Zone {
        final Object key;
        final Geometry geometry;
        final PreparedGeometry prepared;

        Zone(Object key, Geometry geometry) {
            this.key = key;
            this.geometry = geometry;
            this.prepared = PreparedGeometryFactory.prepare(geometry);
        }

        double shareOf(Geometry g) {
            if (!prepared.intersects(g)) return 0;
            if (prepared.covers(g)) return 1;
            double whole = EllipsoidMeasure.areaM2(g);
            return whole == 0 ? 0 : EllipsoidMeasure.areaM2(geometry.intersection(g)) / whole;
        }
    }
}
