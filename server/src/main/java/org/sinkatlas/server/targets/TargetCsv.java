package org.sinkatlas.server.targets;

import java.util.ArrayList;
import java.util.List;
import org.sinkatlas.server.http.Csv;
import org.sinkatlas.sink.targets.Contribution;
import org.sinkatlas.sink.targets.PartProgress;
import org.sinkatlas.sink.targets.Standing;
import org.sinkatlas.sink.targets.Target;
import org.sinkatlas.sink.targets.TargetProgress;
import org.sinkatlas.sink.targets.TargetReport;
import org.sinkatlas.sink.targets.YearPoint;

/** Targets as CSV tables: the list with where each stands, one target's history by year, its features, its reports. */
final class TargetCsv {

    private static final int D = TargetJson.DECIMALS;

    private TargetCsv() {}

    static String list(List<TargetProgress> all) {
        Csv csv = new Csv().row("id", "title_zh", "title_en", "clause", "kind", "scope_zh", "scope_en", "unit", "as_of",
                "value", "value_date", "due_by", "due_value", "percent", "expected", "target_by", "target_value", "status",
                "status_zh", "status_en");
        for (TargetProgress p : all) {
            Target t = p.target();
            Standing s = p.standing();
            csv.row(t.id(), t.title().zh(), t.title().en(), t.clause(), t.isSpatial() ? "measured" : "reported",
                    p.scopeLabel() == null ? "" : p.scopeLabel().zh(), p.scopeLabel() == null ? "" : p.scopeLabel().en(),
                    t.unit().id(), p.asOf().toString(), Csv.num(s.value(), D),
                    s.valueDate() == null ? "" : s.valueDate().toString(), s.due().by().toString(), Csv.num(s.due().value(), D),
                    Csv.num(s.percent(), 2), Csv.num(s.expected(), D), t.finalMilestone().by().toString(),
                    Csv.num(t.finalMilestone().value(), D), s.status().slug(), s.status().label().zh(), s.status().label().en());
        }
        return csv.toString();
    }

    /** One row a year; a column per part after the whole. */
    static String history(TargetProgress p) {
        List<String> header = new ArrayList<>(List.of("target", "year", "date", "value", "expected"));
        for (PartProgress part : p.parts()) {
            header.add(part.part().id() + "_value");
            header.add(part.part().id() + "_expected");
        }
        Csv csv = new Csv().row(header);
        for (int i = 0; i < p.history().size(); i++) {
            YearPoint y = p.history().get(i);
            List<String> row = new ArrayList<>(List.of(p.target().id(), Integer.toString(y.year()), y.date().toString(),
                    Csv.num(y.value(), D), Csv.num(y.expected(), D)));
            for (PartProgress part : p.parts()) {
                YearPoint py = part.history().get(i);
                row.add(Csv.num(py.value(), D));
                row.add(Csv.num(py.expected(), D));
            }
            csv.row(row);
        }
        return csv.toString();
    }

    static String features(TargetProgress p, String base) {
        String layer = p.target().measure().layer();
        Csv csv = new Csv().row("collection", "id", "name", "status", "date", "quantity", "unit", "counts", "counted", "href");
        for (Contribution c : p.features()) {
            double q = c.feature().quantity();
            csv.row(layer, Long.toString(c.feature().id()), c.feature().name(), c.feature().status(),
                    c.feature().date() == null ? "" : c.feature().date().toString(), Double.isNaN(q) ? "" : Csv.num(q, D),
                    p.target().measure().featureUnit(p.target().unit()),
                    Boolean.toString(c.counts()), c.counted().slug(), base + "/collections/" + layer + "/items/"
                            + c.feature().id());
        }
        return csv.toString();
    }

    static String reports(List<TargetReport> reports) {
        Csv csv = new Csv().row("id", "target", "value", "date", "source", "note", "corrects", "corrected_by", "stands",
                "synthetic", "author", "posted");
        for (TargetReport r : reports) {
            csv.row(Long.toString(r.id()), r.target(), Csv.num(r.value(), D), r.date().toString(), r.source(), r.note(),
                    r.corrects() == null ? "" : r.corrects().toString(), r.correctedBy() == null ? "" : r.correctedBy().toString(),
                    Boolean.toString(r.stands()), Boolean.toString(r.synthetic()), r.author(), r.at().toString());
        }
        return csv.toString();
    }
}
