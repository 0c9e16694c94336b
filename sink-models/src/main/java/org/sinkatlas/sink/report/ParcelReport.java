package org.sinkatlas.sink.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTWriter;
import org.sinkatlas.sink.calc.LandUseHistory;
import org.sinkatlas.sink.calc.SinkCalculator;
import org.sinkatlas.sink.calc.SinkEstimate;
import org.sinkatlas.sink.calc.SinkInput;
import org.sinkatlas.sink.layers.FeatureSinkInput;
import org.sinkatlas.sink.standard.Coefficient;
import org.sinkatlas.sink.standard.LandType;
import org.sinkatlas.sink.standard.SinkStandard;
import org.sinkatlas.sink.standard.Source;

/**
 * Everything needed to reproduce one parcel's estimate: its inputs and their SHA-256, the standard, GWP set,
 * year, seed and draw count, every coefficient used with its source and status, each step of the arithmetic,
 * the result with its range, and the eligibility screen. The same input gives the same report, field for
 * field; nothing in it depends on when or where it was made.
 *
 * @param inputs      the inputs as text, by name, in name order (what the hash covers)
 * @param inputHash   SHA-256 of the inputs, hex
 */
public record ParcelReport(Map<String, String> inputs, String inputHash, SinkStandard standard, String gwp, int year,
        int draws, long seed, List<UsedCoefficient> coefficients, SinkEstimate estimate) {

    /** A coefficient the estimate used, with the document it comes from. */
    public record UsedCoefficient(Coefficient coefficient, Source source) {}

    /** The properties that feed an estimate; everything else a feature holds is left out of the inputs. */
    private static final Set<String> READ = Set.of("landcover", "landcover_fractions", "tree_crown_fraction", "width_m",
            "area_m2", "planned_landcover", "landuse_since", "previous_landcover", "basic_farmland", "economic_forest",
            "public_welfare_forest", "farming_displaced");

    public static ParcelReport of(SinkCalculator calc, Geometry geometry, Map<String, ?> properties, int year, String gwp) {
        SinkInput input = FeatureSinkInput.of(geometry, properties);
        SinkEstimate e = calc.estimate(input, year, gwp, true);
        SinkStandard s = calc.standard();
        Map<String, String> inputs = new TreeMap<>();
        // Coordinates to 1e-9 degrees (about 0.1 mm): the same stored geometry always prints the same.
        WKTWriter wkt = new WKTWriter();
        wkt.setPrecisionModel(new org.locationtech.jts.geom.PrecisionModel(1e9));
        inputs.put("geometry", wkt.write(geometry));
        properties.forEach((k, v) -> {
            if (READ.contains(k) && v != null) inputs.put(k, canonical(v));
        });
        inputs.put("standard", s.key());
        inputs.put("gwp", e.gwp());
        inputs.put("year", String.valueOf(year));
        return new ParcelReport(inputs, sha256(inputs), s, e.gwp(), year, e.draws(), (long) s.parameter("monte_carlo_seed"),
                used(calc, input, e.gwp()), e);
    }

    private static String canonical(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, String> sorted = new TreeMap<>();
            m.forEach((k, x) -> sorted.put(String.valueOf(k), canonical(x)));
            return sorted.toString();
        }
        if (v instanceof Double d) return d == Math.rint(d) ? String.valueOf(d.longValue()) : String.format(Locale.ROOT, "%s", d);
        return v.toString();
    }

    private static String sha256(Map<String, String> inputs) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            inputs.forEach((k, v) -> md.update((k + "=" + v + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The global coefficients of the method and GWP set, then those of every land type in the parcel's strata. */
    private static List<UsedCoefficient> used(SinkCalculator calc, SinkInput input, String gwp) {
        SinkStandard s = calc.standard();
        Set<String> prefixes = new LinkedHashSet<>();
        Set<LandType> types = new LinkedHashSet<>();
        for (LandUseHistory h : calc.areas(input).hectares().keySet()) h.segments().forEach(seg -> types.add(seg.type()));
        for (LandType t : types) {
            for (Map.Entry<String, LandType> c : s.components().entrySet()) if (c.getValue().equals(t)) prefixes.add("components." + c.getKey() + ".");
            s.rows().stream().filter(r -> t.equals(r.type())).forEach(r -> prefixes.add("classes." + r.codes().get(0) + "."));
        }
        Map<String, Coefficient> chosen = new LinkedHashMap<>();
        for (Coefficient c : s.coefficients()) {
            boolean global = c.id().startsWith("parameters.") || c.id().equals("carbon_fraction") || c.id().startsWith("soil_reference.")
                    || c.id().startsWith("gwp." + gwp + ".");
            if (global || prefixes.stream().anyMatch(c.id()::startsWith)) chosen.put(c.id(), c);
        }
        List<UsedCoefficient> out = new ArrayList<>();
        chosen.values().forEach(c -> out.add(new UsedCoefficient(c, s.sources().get(c.source()))));
        return out;
    }
}
