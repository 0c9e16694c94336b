package org.sinkatlas.sink.layers;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.sinkatlas.layers.model.Feature;
import org.sinkatlas.layers.model.SinkFields;
import org.sinkatlas.sink.calc.LandCoverMix;
import org.sinkatlas.sink.calc.SinkInput;
import org.sinkatlas.sink.calc.SinkInputException;
import org.sinkatlas.sink.standard.LandCoverCodes;

/**
 * Reads a feature's properties as calculator input: {@code landcover} (or {@code landcover_fractions}),
 * {@code tree_crown_fraction}, {@code width_m}, {@code area_m2}, {@code planned_landcover}, the land-use
 * history {@code landuse_since} (a date or a year) and {@code previous_landcover}, and the facts the CCER
 * screen asks for: {@code basic_farmland}, {@code economic_forest}, {@code public_welfare_forest},
 * {@code farming_displaced} (true or false).
 */
public final class FeatureSinkInput {

    private FeatureSinkInput() {}

    public static SinkInput of(Feature f) {
        return of(f.geometry(), f.properties());
    }

    public static SinkInput of(Geometry geometry, Map<String, ?> p) {
        Object code = p.get(SinkFields.LANDCOVER);
        Object fractions = p.get(SinkFields.FRACTIONS);
        if (code == null && fractions == null) throw new SinkInputException("the feature has no landcover property");
        if (fractions != null && !(fractions instanceof Map)) {
            throw new SinkInputException("landcover_fractions must be an object of code → fraction");
        }
        @SuppressWarnings("unchecked")
        LandCoverMix mix = LandCoverMix.of(code == null ? null : code.toString(), (Map<String, ?>) fractions);
        Object planned = p.get(SinkFields.PLANNED);
        Object previous = p.get(SinkFields.PREVIOUS);
        if (previous != null && !LandCoverCodes.isCode(previous.toString().trim())) {
            throw new SinkInputException("unknown previous_landcover '" + previous + "': not a GB/T 21010-2017 code such as 0101");
        }
        SinkInput.SiteFacts facts = new SinkInput.SiteFacts(flag(p, "basic_farmland"), flag(p, "economic_forest"),
                flag(p, "public_welfare_forest"), flag(p, "farming_displaced"));
        return new SinkInput(geometry, mix, number(p, SinkFields.TREE_CROWN), number(p, "width_m"), number(p, "area_m2"),
                year(p.get(SinkFields.LANDUSE_SINCE)), previous == null ? null : previous.toString().trim(),
                planned == null ? null : LandCoverMix.of(planned.toString()), facts);
    }

    /** The year of a {@code landuse_since} value: a date, an ISO date text, or a year. */
    static Integer year(Object v) {
        if (v == null) return null;
        if (v instanceof LocalDate d) return d.getYear();
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) return n.intValue();
        String t = v.toString().trim();
        try {
            if (t.matches("\\d{4}")) return Integer.parseInt(t);
            return LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t).getYear();
        } catch (DateTimeParseException e) {
            throw new SinkInputException("landuse_since must be a date (YYYY-MM-DD) or a year, got '" + v + "'");
        }
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

    private static Boolean flag(Map<String, ?> p, String name) {
        Object v = p.get(name);
        if (v == null) return null;
        if (v instanceof Boolean b) return b;
        String t = v.toString().trim().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("true") || t.equals("1") || t.equals("yes") || t.equals("是")) return true;
        if (t.equals("false") || t.equals("0") || t.equals("no") || t.equals("否")) return false;
        throw new SinkInputException(name + " must be true or false, got '" + v + "'");
    }
}
