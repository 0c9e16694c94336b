package org.sinkatlas.sink.targets;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Puntal;
import org.sinkatlas.layers.filter.ComparisonOp;
import org.sinkatlas.layers.filter.Filter;
import org.sinkatlas.layers.geom.EllipsoidMeasure;
import org.sinkatlas.layers.model.Feature;
import org.sinkatlas.layers.model.GeometryKind;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.Localized;
import org.sinkatlas.layers.model.PropertyDef;
import org.sinkatlas.layers.model.PropertyType;
import org.sinkatlas.layers.store.FeatureQuery;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.StoreCursor;

/**
 * Reads a spatial target's features from its layer through {@link LayerStore} and gives each its quantity
 * inside the scope: lines and polygons are clipped to the scope's boundary with JTS and measured in metres on
 * the ellipsoid ({@link EllipsoidMeasure}); points, and polygons that are counted or summed, belong to the
 * scope their interior point lies in, so that a feature on a border counts once. The store is asked only for
 * the features whose box meets the scope's; the exact test is made here, the same for every engine.
 */
final class LayerMeasure {

    private LayerMeasure() {}

    /** @throws UnmeasurableException when the layer, or a property the measure names, is missing */
    static Measured measure(LayerStore store, Measure m, ScopeArea scope, LocalDate baselineEnd) {
        LayerInfo layer = store.layer(m.layer()).orElseThrow(() -> new UnmeasurableException(
                Localized.of("数据中没有图层 " + m.layer(), "the store has no layer " + m.layer())));
        check(layer, m);
        List<Filter> filters = new ArrayList<>();
        for (Measure.Condition c : m.where()) {
            filters.add(c.like() ? new Filter.Like(c.property(), c.value(), false)
                    : new Filter.Compare(c.property(), ComparisonOp.EQ, c.value()));
        }
        filters.add(Filter.bbox(scope.geometry().getEnvelopeInternal()));
        List<FeatureQuantity> features = new ArrayList<>();
        double all = 0;
        try (StoreCursor<Feature> c = store.query(layer.id(), FeatureQuery.of(Filter.and(filters.toArray(Filter[]::new))))) {
            while (c.hasNext()) {
                Feature f = c.next();
                Double q = quantity(f, m, scope);
                if (q == null) continue;
                Object name = f.property("name");
                Object status = f.property(Measure.STATUS);
                features.add(new FeatureQuantity(f.id(), name == null ? null : name.toString(),
                        status == null ? null : status.toString(), date(f.property(m.countedFrom())), q));
                if (!q.isNaN()) all += q;
            }
        }
        double denominator = switch (m.shareOf()) {
            case NONE -> 0;
            case SCOPE_AREA -> scope.areaM2();
            case ALL_FEATURES -> all;
        };
        return new Measured(m, baselineEnd, features, denominator);
    }

    /** The feature's quantity in the scope, NaN when a summed property is empty, null when it is not in the scope. */
    private static Double quantity(Feature f, Measure m, ScopeArea scope) {
        Geometry g = f.geometry();
        if (g == null || g.isEmpty()) return null;
        switch (m.quantity()) {
            case LENGTH, AREA: {
                Geometry inside;
                if (scope.prepared().covers(g)) inside = g;
                else if (!scope.prepared().intersects(g)) return null;
                else inside = g.intersection(scope.geometry());
                if (m.quantity() == Measure.Quantity.LENGTH) {
                    double metres = EllipsoidMeasure.lengthM(inside);
                    return metres > 0 ? (m.shareOf() == Measure.ShareOf.NONE ? metres / 1000 : metres) : null;
                }
                double m2 = EllipsoidMeasure.areaM2(inside);
                return m2 > 0 ? m2 : null;
            }
            default: {
                Geometry point = g instanceof Puntal && g.getNumGeometries() == 1 ? g : g.getInteriorPoint();
                if (!scope.prepared().covers(point)) return null;
                if (m.quantity() == Measure.Quantity.COUNT) return 1.0;
                Object v = f.property(m.property());
                return v instanceof Number n ? n.doubleValue() : Double.NaN;
            }
        }
    }

    private static LocalDate date(Object v) {
        if (v instanceof LocalDate d) return d;
        if (v instanceof Instant i) return LocalDate.ofInstant(i, TargetCatalog.PLAN_TIME);
        return null;
    }

    /** The layer has what the measure names, with fitting types. */
    private static void check(LayerInfo layer, Measure m) {
        GeometryKind kind = layer.geometryKind();
        boolean lines = kind == GeometryKind.LINESTRING || kind == GeometryKind.MULTILINESTRING || kind == GeometryKind.GEOMETRY;
        boolean polygons = kind == GeometryKind.POLYGON || kind == GeometryKind.MULTIPOLYGON || kind == GeometryKind.GEOMETRY;
        boolean length = m.quantity() == Measure.Quantity.LENGTH;
        if (length && !lines || m.quantity() == Measure.Quantity.AREA && !polygons) {
            throw unmeasurable(layer, "的几何类型为 " + kind.geoJsonName() + "，无法量算" + (length ? "长度" : "面积"),
                    "holds " + kind.geoJsonName() + " features, which have no " + (length ? "length" : "area"));
        }
        for (Measure.Condition c : m.where()) require(layer, c.property(), PropertyType.STRING);
        require(layer, Measure.STATUS, PropertyType.STRING);
        PropertyDef date = require(layer, m.countedFrom(), null);
        if (!date.type().isTemporal()) {
            throw unmeasurable(layer, "的属性 " + date.name() + " 不是日期", "has a property " + date.name() + " that is not a date");
        }
        if (m.property() != null) {
            PropertyDef p = require(layer, m.property(), null);
            if (p.type() != PropertyType.REAL && p.type() != PropertyType.INTEGER) {
                throw unmeasurable(layer, "的属性 " + p.name() + " 不是数值", "has a property " + p.name() + " that is not a number");
            }
        }
    }

    private static PropertyDef require(LayerInfo layer, String name, PropertyType type) {
        PropertyDef p = layer.property(name).orElseThrow(() -> unmeasurable(layer, "缺少属性 " + name, "has no property " + name));
        if (type != null && p.type() != type) {
            throw unmeasurable(layer, "的属性 " + name + " 类型不符", "has a property " + name + " of the wrong type");
        }
        return p;
    }

    private static UnmeasurableException unmeasurable(LayerInfo layer, String zh, String en) {
        return new UnmeasurableException(Localized.of("图层 " + layer.id() + " " + zh, "layer " + layer.id() + " " + en));
    }
}
