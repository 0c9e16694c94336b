package org.sinkatlas.sink.calc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.sinkatlas.layers.geom.EllipsoidMeasure;
import org.sinkatlas.layers.geom.LocalMetricFrame;
import org.sinkatlas.sink.standard.ClassRow;
import org.sinkatlas.sink.standard.LandType;
import org.sinkatlas.sink.standard.SinkStandard;
import org.sinkatlas.sink.standard.UrbanGreenSplit;

/**
 * A feature's area, and its hectares allotted to land-use histories: each class of its land-cover mix by
 * its fraction, urban green space split into tree crown, lawn and paved parts, each with what the land was
 * before ({@code previous}, from {@code landuseSince}) and what it becomes in a scenario.
 */
final class AreaAllocation {

    private final SinkStandard standard;
    private final Map<String, ClassRow> rowOfCode = new HashMap<>();
    private final int establishmentYear;

    AreaAllocation(SinkStandard standard) {
        this.standard = standard;
        for (ClassRow r : standard.rows()) for (String code : r.codes()) rowOfCode.put(code, r);
        this.establishmentYear = standard.parameters().containsKey("default_establishment_year")
                ? (int) standard.parameter("default_establishment_year") : standard.accountingYear();
    }

    int establishmentYear() {
        return establishmentYear;
    }

    /** The area a feature stands for, m²: polygons measured, lines buffered by their width, points given. */
    double areaM2(SinkInput input, List<ExplainStep> steps) {
        Geometry g = input.geometry();
        if (g == null || g.isEmpty()) throw new SinkInputException("the feature has no geometry");
        int dimension = g.getDimension();
        if (dimension == 2) {
            double a = EllipsoidMeasure.areaM2(g);
            // Below a square centimetre a polygon is a degenerate one (a sliver or a collapsed ring).
            if (!(a >= 1e-4)) throw new SinkInputException("the polygon has no area");
            if (steps != null) steps.add(new ExplainStep("area", "ellipsoidal area of the polygon (WGS 84)", a, "m2", null, null));
            return a;
        }
        if (dimension == 1) {
            UrbanGreenSplit greenway = standard.urbanGreen().get("greenway");
            double width = input.widthM() != null ? input.widthM() : greenway.widthM();
            if (!(width > 0)) throw new SinkInputException("the planted width of a line must be positive, got " + width);
            double a = EllipsoidMeasure.areaM2(LocalMetricFrame.buffer(g, width));
            if (steps != null) {
                steps.add(new ExplainStep("area", String.format(Locale.ROOT, "line buffered by %.1f m on each side%s,"
                        + " ellipsoidal area of the strip", width, input.widthM() == null ? " (the standard's greenway width)"
                        : ""), a, "m2", input.widthM() == null ? greenway.source() : null,
                        input.widthM() == null ? greenway.checked().name() : null));
            }
            return a;
        }
        Double a = input.areaM2();
        if (a == null || !(a > 0)) {
            throw new SinkInputException("a point feature needs a positive area_m2 attribute (e.g. a vertical-greening site)");
        }
        if (steps != null) steps.add(new ExplainStep("area", "area given with the point feature", a, "m2", null, null));
        return a;
    }

    ClassRow row(String code) {
        ClassRow r = rowOfCode.get(code);
        if (r == null) throw new SinkInputException("land cover " + code + " has no row in standard " + standard.key());
        return r;
    }

    /**
     * Adds a feature's hectares to {@code out}: each class of {@code mix} with its history, and with the planned
     * land cover from {@code changeYear} when {@code planned} is given.
     */
    void allocate(LandCoverMix mix, double areaM2, Double crown, boolean line, Integer since, String previous,
            LandCoverMix planned, int changeYear, StratumAreas out, List<ExplainStep> steps) {
        out.areaM2 += areaM2;
        out.features++;
        if (crown != null && !(crown >= 0 && crown <= 1)) {
            throw new SinkInputException("tree_crown_fraction must be in [0, 1], got " + crown);
        }
        if (previous != null) row(previous);
        for (Map.Entry<String, Double> e : mix.fractions().entrySet()) {
            ClassRow row = row(e.getKey());
            double ha = areaM2 * e.getValue() / 10_000;
            if (steps != null) {
                steps.add(new ExplainStep("land cover", e.getKey() + " " + row.name().both() + ", fraction " + e.getValue()
                        + (row.assessed() ? "" : " (not assessed in this standard: counted as zero)"), ha, "ha", null, null));
            }
            List<Weighted> now = types(row, crown, line, steps);
            List<Weighted> histories = new ArrayList<>();
            if (since == null || previous == null || previous.equals(e.getKey())) {
                int from = since == null ? establishmentYear : since;
                for (Weighted w : now) histories.add(new Weighted(LandUseHistory.of(w.type, from), w.share));
            } else {
                for (Weighted before : types(row(previous), null, line, null)) {
                    for (Weighted w : now) {
                        histories.add(new Weighted(LandUseHistory.of(before.type, Math.min(establishmentYear, since))
                                .then(w.type, since), before.share * w.share));
                    }
                }
            }
            if (planned == null) {
                for (Weighted h : histories) out.add(h.history, ha * h.share);
                continue;
            }
            // The plan replaces the whole land cover, each planned class by its fraction.
            for (Map.Entry<String, Double> p : planned.fractions().entrySet()) {
                for (Weighted target : types(row(p.getKey()), null, line, null)) {
                    for (Weighted h : histories) {
                        int from = Math.max(changeYear, h.history.segments().get(h.history.segments().size() - 1).from());
                        out.add(h.history.then(target.type, from), ha * h.share * target.share * p.getValue());
                    }
                }
            }
        }
    }

    /** A land type (or a history) with the share of the hectares it takes. */
    private record Weighted(LandType type, LandUseHistory history, double share) {
        Weighted(LandType type, double share) {
            this(type, null, share);
        }

        Weighted(LandUseHistory history, double share) {
            this(null, history, share);
        }
    }

    /** The land types of a class row: its own, or the urban-green components at the split's shares. */
    private List<Weighted> types(ClassRow row, Double crown, boolean line, List<ExplainStep> steps) {
        if (!row.isUrbanGreen()) return List.of(new Weighted(row.type(), 1));
        UrbanGreenSplit split = standard.urbanGreen().get(line ? "greenway" : row.urbanGreen());
        if (crown != null) split = split.withTreeCrown(crown);
        if (steps != null) {
            steps.add(new ExplainStep("urban green split", String.format(Locale.ROOT, "%s: tree crown %.2f, lawn %.2f, paved %.2f%s",
                    split.id(), split.treeCrown(), split.lawn(), split.paved(), crown != null ? " (crown share from the feature)"
                    : " (the standard's shares)"), split.treeCrown(), "share", split.source(), split.checked().name()));
        }
        List<Weighted> out = new ArrayList<>(3);
        Map<String, LandType> c = standard.components();
        if (split.treeCrown() > 0) out.add(new Weighted(c.get("tree_crown"), split.treeCrown()));
        if (split.lawn() > 0) out.add(new Weighted(c.get("lawn"), split.lawn()));
        if (split.paved() > 0) out.add(new Weighted(c.get("paved"), split.paved()));
        return out;
    }
}
