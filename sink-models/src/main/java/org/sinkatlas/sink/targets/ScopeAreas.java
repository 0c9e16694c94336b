package org.sinkatlas.sink.targets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.sinkatlas.layers.filter.ComparisonOp;
import org.sinkatlas.layers.filter.Filter;
import org.sinkatlas.layers.geom.EllipsoidMeasure;
import org.sinkatlas.layers.model.Feature;
import org.sinkatlas.layers.model.Localized;
import org.sinkatlas.layers.store.FeatureQuery;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.StoreCursor;

/**
 * The shapes of scopes, read from the store's {@code districts} and {@code key-zones} layers by name (the whole
 * zone is the union of the districts, which takes JTS about 0.1 s) and kept until a write through the store
 * changes one of those layers. Edits made to the store by another process are seen after a restart, as with
 * the tile cache. Thread-safe.
 */
final class ScopeAreas {

    static final Localized ZONE_LABEL = Localized.of("示范区", "Demonstration Zone");

    private final LayerStore store;
    private final Map<Scope, ScopeArea> known = new ConcurrentHashMap<>();
    /** How many changes of the scope layers were heard: a shape read across one is not kept. Guarded by this. */
    private long changes;

    ScopeAreas(LayerStore store) {
        this.store = store;
        store.addChangeListener(change -> {
            if (change.layerId().equals(Scope.DISTRICTS_LAYER) || change.layerId().equals(Scope.KEY_ZONES_LAYER)) {
                synchronized (this) {
                    changes++;
                    known.clear();
                }
            }
        });
    }

    /** @throws UnmeasurableException when the scope's layer or feature is missing (nothing is kept then) */
    ScopeArea of(Scope scope) {
        ScopeArea area = known.get(scope);
        if (area != null) return area;
        long before;
        synchronized (this) {
            before = changes;
        }
        area = read(scope);
        synchronized (this) {
            // An edit that landed while the shape was read may not be in it: use it this once, keep it not.
            if (changes == before) known.put(scope, area);
        }
        return area;
    }

    /** A scope's name for people; the whole zone's without reading anything, a scope's own name when it is missing. */
    Localized label(Scope scope) {
        if (scope.kind() == Scope.Kind.ZONE) return ZONE_LABEL;
        try {
            return of(scope).label();
        } catch (UnmeasurableException e) {
            return Localized.of(scope.name(), scope.name());
        }
    }

    private ScopeArea read(Scope scope) {
        String layer = scope.layer();
        if (store.layer(layer).isEmpty()) {
            throw new UnmeasurableException(Localized.of("数据中没有图层 " + layer, "the store has no layer " + layer));
        }
        Filter filter = scope.kind() == Scope.Kind.ZONE ? Filter.ALL : new Filter.Compare("name", ComparisonOp.EQ, scope.name());
        List<Geometry> parts = new ArrayList<>();
        Localized label = ZONE_LABEL;
        try (StoreCursor<Feature> c = store.query(layer, FeatureQuery.of(filter))) {
            while (c.hasNext()) {
                Feature f = c.next();
                if (f.geometry() == null || f.geometry().isEmpty()) continue;
                parts.add(f.geometry());
                if (scope.kind() != Scope.Kind.ZONE) {
                    Object en = f.property("name_en");
                    label = Localized.of(scope.name(), en == null ? scope.name() : en.toString());
                }
            }
        }
        if (parts.isEmpty()) {
            throw new UnmeasurableException(scope.kind() == Scope.Kind.ZONE
                    ? Localized.of("图层 " + layer + " 中没有区县", "layer " + layer + " has no districts")
                    : Localized.of("图层 " + layer + " 中没有名为“" + scope.name() + "”的要素",
                            "layer " + layer + " has no feature named '" + scope.name() + "'"));
        }
        if (scope.kind() != Scope.Kind.ZONE && parts.size() > 1) {
            throw new UnmeasurableException(Localized.of("图层 " + layer + " 中有多个名为“" + scope.name() + "”的要素",
                    "layer " + layer + " has " + parts.size() + " features named '" + scope.name() + "'"));
        }
        // The districts' source shapes overlap slightly along shared borders; the union counts each place once.
        Geometry shape = parts.size() == 1 ? parts.get(0) : UnaryUnionOp.union(parts);
        return new ScopeArea(scope, label, shape, PreparedGeometryFactory.prepare(shape), EllipsoidMeasure.areaM2(shape));
    }
}
