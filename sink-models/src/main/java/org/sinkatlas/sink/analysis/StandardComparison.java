package org.sinkatlas.sink.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sinkatlas.sink.calc.SinkCalculator;
import org.sinkatlas.sink.calc.SinkEstimate;
import org.sinkatlas.sink.layers.SinkSummaries;
import org.sinkatlas.sink.standard.ClassRow;
import org.sinkatlas.sink.standard.Coefficient;
import org.sinkatlas.sink.standard.SinkStandard;

/**
 * How a layer's total and each land-cover class's share of it change from one standard version to another,
 * and the coefficients behind each class's change: those whose value differs, or that only one version has
 * (a change of method shows as figures present in one version only).
 */
public final class StandardComparison {

    /** The layer's total under each version. */
    public record Result(String from, String to, SinkEstimate totalFrom, SinkEstimate totalTo, List<ClassChange> classes) {}

    /** A class's contribution under each version, and its coefficients that differ. */
    public record ClassChange(String code, String name, double hectares, double netFrom, double netTo, double stockFrom,
            double stockTo, List<FigureChange> figures) {
        public double netChange() {
            return netTo - netFrom;
        }
    }

    /** A coefficient by its place in the standards; a value is null where a version lacks it. */
    public record FigureChange(String id, Double from, Double to, String checkedFrom, String checkedTo) {}

    private StandardComparison() {}

    public static Result of(SinkSummaries summaries, String layerId, SinkCalculator a, SinkCalculator b, String gwpA,
            String gwpB) {
        SinkSummaries.Summary sa = summaries.summary(layerId, SinkSummaries.By.LANDCOVER, a, a.standard().accountingYear(), gwpA);
        SinkSummaries.Summary sb = summaries.summary(layerId, SinkSummaries.By.LANDCOVER, b, b.standard().accountingYear(), gwpB);
        Map<String, SinkSummaries.Group> inA = new LinkedHashMap<>();
        sa.groups().forEach(g -> inA.put(g.key(), g));
        Map<String, SinkSummaries.Group> inB = new LinkedHashMap<>();
        sb.groups().forEach(g -> inB.put(g.key(), g));
        Set<String> codes = new LinkedHashSet<>(inA.keySet());
        codes.addAll(inB.keySet());
        List<ClassChange> classes = new ArrayList<>();
        for (String code : codes) {
            SinkSummaries.Group ga = inA.get(code);
            SinkSummaries.Group gb = inB.get(code);
            SinkSummaries.Group any = ga != null ? ga : gb;
            ClassRow row = b.standard().row(code);
            classes.add(new ClassChange(code, row.name().both(), any.estimate().areaM2() / 10_000,
                    ga == null ? 0 : ga.estimate().net().mean(), gb == null ? 0 : gb.estimate().net().mean(),
                    ga == null ? 0 : ga.estimate().stock().mean(), gb == null ? 0 : gb.estimate().stock().mean(),
                    figures(a.standard(), b.standard(), a.standard().row(code), row)));
        }
        classes.sort(Comparator.comparingDouble((ClassChange c) -> Math.abs(c.netChange())).reversed());
        return new Result(a.standard().key(), b.standard().key(), sa.total(), sb.total(), classes);
    }

    /** The coefficients of a class (its row's, or the urban-green components') that differ between versions. */
    private static List<FigureChange> figures(SinkStandard a, SinkStandard b, ClassRow ra, ClassRow rb) {
        Map<String, Coefficient> fa = rowFigures(a, ra);
        Map<String, Coefficient> fb = rowFigures(b, rb);
        Set<String> ids = new LinkedHashSet<>(fa.keySet());
        ids.addAll(fb.keySet());
        List<FigureChange> out = new ArrayList<>();
        for (String id : ids) {
            Coefficient x = fa.get(id);
            Coefficient y = fb.get(id);
            if (x != null && y != null && x.centralValue() == y.centralValue()) continue;
            out.add(new FigureChange(id, x == null ? null : x.centralValue(), y == null ? null : y.centralValue(),
                    x == null ? null : x.checked().name(), y == null ? null : y.checked().name()));
        }
        return out;
    }

    private static Map<String, Coefficient> rowFigures(SinkStandard s, ClassRow r) {
        Map<String, Coefficient> out = new LinkedHashMap<>();
        List<String> prefixes = r.isUrbanGreen() ? List.of("components.") : List.of("classes." + r.codes().get(0) + ".");
        for (Coefficient c : s.coefficients()) {
            for (String p : prefixes) if (c.id().startsWith(p)) out.put(c.id(), c);
        }
        return out;
    }
}
