package org.sinkatlas.layers.store;

import static org.sinkatlas.layers.model.PlainNumbers.plain;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.sinkatlas.layers.geom.GeometryValidator;
import org.sinkatlas.layers.geom.Heights;
import org.sinkatlas.layers.model.FeatureDraft;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.PropertyDef;

/** The checks every store engine applies to a feature before it is written. */
public final class FeatureChecks {

    private FeatureChecks() {}

    /**
     * Returns the draft as it will be stored: geometry fitted to the layer's kind, valid and 2D (heights of 0
     * are dropped, others refused, see {@link Heights}), every
     * declared property present (null when absent), of its declared type and within its limits, in
     * declaration order.
     *
     * @throws InvalidFeatureException naming what does not fit
     */
    public static FeatureDraft prepare(LayerInfo layer, FeatureDraft draft) {
        Geometry g = draft.geometry();
        if (g == null) throw new InvalidFeatureException("the feature has no geometry");
        try {
            g = layer.geometryKind().coerce(g);
        } catch (IllegalArgumentException e) {
            throw new InvalidFeatureException(e.getMessage());
        }
        Coordinate height = Heights.first(g);
        if (height != null) {
            throw new InvalidFeatureException("the geometry has heights (z = " + plain(height.getZ()) + " at " + plain(height.x)
                    + ", " + plain(height.y) + "); layers hold 2D geometries: drop the heights first (ogr2ogr -dim XY,"
                    + " or drop-heights when importing)");
        }
        g = Heights.dropped(g);
        GeometryValidator.check(g).ifPresent(fault -> {
            throw new InvalidGeometryException(fault);
        });
        Map<String, Object> typed;
        try {
            typed = layer.coerceProperties(draft.properties());
        } catch (IllegalArgumentException e) {
            throw new InvalidFeatureException(e.getMessage());
        }
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (PropertyDef p : layer.properties()) {
            Object value = typed.get(p.name());
            if (value != null) checkLimits(p, value);
            ordered.put(p.name(), value);
        }
        return new FeatureDraft(g, ordered);
    }

    /** @throws InvalidFeatureException naming the limit a value goes beyond */
    private static void checkLimits(PropertyDef p, Object value) {
        Integer limit = p.lengthLimit();
        if (limit != null) {
            long length = value instanceof String s ? s.codePointCount(0, s.length()) : StoreJson.write(value).length();
            if (length > limit) {
                throw new InvalidFeatureException(String.format(Locale.ROOT, "property '%s': %,d characters, more than"
                        + " its limit of %,d", p.name(), length, limit));
            }
        }
        if (value instanceof Number n) {
            double v = n.doubleValue();
            if (p.minimum() != null && v < p.minimum()) {
                throw new InvalidFeatureException("property '" + p.name() + "': " + plain(v) + " is below its minimum of "
                        + plain(p.minimum()));
            }
            if (p.maximum() != null && v > p.maximum()) {
                throw new InvalidFeatureException("property '" + p.name() + "': " + plain(v) + " is above its maximum of "
                        + plain(p.maximum()));
            }
        }
    }

    /**
     * Derived values converted to their properties' types, for {@link FeatureWriter#annotate}.
     *
     * @throws InvalidFeatureException for an unknown property or a value of the wrong type
     */
    public static Map<String, Object> coerceDerived(LayerInfo layer, Map<String, ?> derived) {
        try {
            return layer.coerceProperties(derived);
        } catch (IllegalArgumentException e) {
            throw new InvalidFeatureException(e.getMessage());
        }
    }
}
