package org.sinkatlas.sink.layers;

import java.util.Map;
import org.sinkatlas.layers.model.Feature;
import org.sinkatlas.layers.model.SinkFields;
import org.sinkatlas.sink.calc.LandCoverMix;
import org.sinkatlas.sink.calc.SinkInput;
import org.sinkatlas.sink.calc.SinkInputException;

/**
 * Reads a feature's properties as calculator input: {@code landcover} (or {@code landcover_fractions}),
 * {@code tree_crown_fraction}, {@code width_m}, {@code area_m2}, {@code age}, {@code planned_landcover}.
 */
public final class FeatureSinkInput {

    private FeatureSinkInput() {}

    public static SinkInput of(Feature f) {
        return of(f.geometry(), f.properties());
    }

    public static SinkInput of(org.locationtech.jts.geom.Geometry geometry, Map<String, ?> p) {
        Object code = p.get(SinkFields.LANDCOVER);
        Object fractions = p.get(SinkFields.FRACTIONS);
        if (code == null && fractions == null) throw new SinkInputException("the feature has no landcover property");
        if (fractions != null && !(fractions instanceof Map)) {
            throw new SinkInputException("landcover_fractions must be an object of code → fraction");
        }
        @SuppressWarnings("unchecked")
        LandCoverMix mix = LandCoverMix.of(code == null ? null : code.toString(), (Map<String, ?>) fractions);
        Object planned = p.get(SinkFields.PLANNED);
        return new SinkInput(geometry, mix, number(p, SinkFields.TREE_CROWN), number(p, "width_m"), number(p, "area_m2"),
                p.get("age") == null ? null : number(p, "age").intValue(),
                planned == null ? null : LandCoverMix.of(planned.toString()));
    }

    private static Double number(Map<String, ?> p, String name) {
        Object v = p.get(name);
        if (v == null) return null;
        if (v instanceof Number n) return n.doubleValue();
        try {
            return Double.parseDouble(v.toString());
        } catch (NumberFormatException e) {
            throw new SinkInputException(name + " must be a number, got '" + v + "'");
        }
    }
}
