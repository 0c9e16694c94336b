package org.sinkatlas.layers.store;

import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.sinkatlas.layers.geom.GeometryValidator;
import org.sinkatlas.layers.model.FeatureDraft;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.PropertyDef;

/** The checks every store engine applies to a feature before it is written. */
public final class FeatureChecks {

    private FeatureChecks() {}

    /**
     * Returns the draft as it will be stored: geometry fitted to the layer's kind and valid, every
     * declared property present (null when absent) and of its declared type, in declaration order.
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
        for (PropertyDef p : layer.properties()) ordered.put(p.name(), typed.get(p.name()));
        return new FeatureDraft(g, ordered);
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
