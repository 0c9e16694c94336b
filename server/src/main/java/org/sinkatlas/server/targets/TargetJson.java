package org.sinkatlas.server.targets;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.sinkatlas.layers.model.Localized;
import org.sinkatlas.server.http.Json;
import org.sinkatlas.server.http.Urls;
import org.sinkatlas.sink.targets.Contribution;
import org.sinkatlas.sink.targets.DatedValue;
import org.sinkatlas.sink.targets.Measure;
import org.sinkatlas.sink.targets.Milestone;
import org.sinkatlas.sink.targets.PartProgress;
import org.sinkatlas.sink.targets.Scope;
import org.sinkatlas.sink.targets.Standing;
import org.sinkatlas.sink.targets.Target;
import org.sinkatlas.sink.targets.TargetProgress;
import org.sinkatlas.sink.targets.TargetReport;
import org.sinkatlas.sink.targets.YearPoint;

/** Targets and their progress as JSON: every text for people in both languages, figures rounded for reading. */
final class TargetJson {

    /** Decimals of the figures written. */
    static final int DECIMALS = 4;
    /** The most features the web map highlights from its {@code ids} parameter. */
    static final int MAX_IDS_IN_MAP_LINK = 200;

    private TargetJson() {}

    /** A target as the list shows it: where it stands, its history and its parts. */
    static ObjectNode summary(TargetProgress p, String base) {
        Target t = p.target();
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("id", t.id());
        o.set("title", Json.localized(t.title()));
        o.put("clause", t.clause());
        o.put("kind", t.isSpatial() ? "measured" : "reported");
        o.set("scope", scope(t.scope(), p.scopeLabel()));
        o.set("unit", unit(t));
        o.put("direction", t.direction().name().toLowerCase(Locale.ROOT));
        o.put("trajectory", t.trajectory().name().toLowerCase(Locale.ROOT));
        o.set("target", milestone(t.finalMilestone()));
        standing(o, p.standing());
        o.set("start", dated(p.start()));
        o.set("history", history(p.history()));
        if (!p.parts().isEmpty()) {
            o.put("parts_rule", t.parts().rule().name().toLowerCase(Locale.ROOT));
            ArrayNode parts = o.putArray("parts");
            for (PartProgress pp : p.parts()) {
                ObjectNode part = parts.addObject();
                part.put("id", pp.part().id());
                part.set("scope", scope(pp.part().scope(), pp.scopeLabel()));
                part.put("target", round(pp.part().value()));
                standing(part, pp.standing());
                part.set("history", history(pp.history()));
            }
        }
        if (t.isSpatial()) o.put("features_counted", p.countedIds().size());
        else o.put("report_count", p.reports().size());
        if (p.problem() != null) o.set("problem", Json.localized(p.problem()));
        else o.putNull("problem");
        ArrayNode links = o.putArray("links");
        String href = base + "/targets/" + t.id();
        String asOf = "?asOf=" + p.asOf();
        links.addObject().put("rel", "self").put("type", "application/json").put("href", href + asOf);
        links.addObject().put("rel", "alternate").put("type", "text/html").put("href", href + asOf + "&f=html");
        links.addObject().put("rel", "alternate").put("type", "text/csv").put("href", href + asOf + "&f=csv");
        if (t.isSpatial()) {
            links.addObject().put("rel", "items").put("type", "application/json").put("href", href + "/features" + asOf);
        } else {
            links.addObject().put("rel", "reports").put("type", "application/json").put("href", href + "/reports");
        }
        return o;
    }

    /** A target with its definition, the features in its scope (or its reports) and the map hook. */
    static ObjectNode detail(TargetProgress p, String base) {
        Target t = p.target();
        ObjectNode o = summary(p, base);
        o.put("plan_text", t.planText());
        o.set("method", Json.localized(t.method()));
        if (t.note() != null) o.set("note", Json.localized(t.note()));
        ObjectNode baseline = o.putObject("baseline").put("year", t.baseline().year());
        if (t.baseline().value() != null) baseline.put("value", t.baseline().value());
        else baseline.put("value", t.isSpatial() ? "measured" : "first report");
        ArrayNode milestones = o.putArray("milestones");
        for (Milestone m : t.milestones()) milestones.add(milestone(m));
        if (t.isSpatial()) {
            o.set("measure", measure(t.measure()));
            o.put("features_unit", t.measure().featureUnit(t.unit()));
            o.set("features", features(p, base));
            o.set("map", map(p, base));
        } else {
            o.putObject("range").put("min", t.reported().min()).put("max", t.reported().max());
            o.set("reports", reports(p.reports()));
        }
        return o;
    }

    static ArrayNode features(TargetProgress p, String base) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        String layer = p.target().measure().layer();
        for (Contribution c : p.features()) {
            ObjectNode f = out.addObject();
            f.put("collection", layer);
            f.put("id", c.feature().id());
            f.put("name", c.feature().name());
            f.put("status", c.feature().status());
            f.put("date", c.feature().date() == null ? null : c.feature().date().toString());
            if (Double.isNaN(c.feature().quantity())) f.putNull("quantity");
            else f.put("quantity", round(c.feature().quantity()));
            f.put("counts", c.counts());
            f.put("counted", c.counted().slug());
            f.set("counted_label", Json.localized(c.counted().label()));
            f.put("href", base + "/collections/" + layer + "/items/" + c.feature().id());
        }
        return out;
    }

    /**
     * The web map's link for a target: {@code /viewer?layer=L&ids=1,2,3}, the map highlighting the features that
     * count; with more than the map highlights at once, {@code /viewer?layer=L} (the features route lists them).
     */
    static ObjectNode map(TargetProgress p, String base) {
        String layer = p.target().measure().layer();
        List<Long> ids = p.countedIds();
        StringBuilder href = new StringBuilder(base).append("/viewer?layer=").append(Urls.encode(layer));
        if (!ids.isEmpty() && ids.size() <= MAX_IDS_IN_MAP_LINK) {
            href.append("&ids=").append(ids.stream().map(String::valueOf).collect(Collectors.joining(",")));
        }
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("layer", layer);
        o.put("href", href.toString());
        o.put("highlighted", !ids.isEmpty() && ids.size() <= MAX_IDS_IN_MAP_LINK);
        o.put("features", base + "/targets/" + p.target().id() + "/features?asOf=" + p.asOf());
        return o;
    }

    static ArrayNode reports(List<TargetReport> reports) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (TargetReport r : reports) out.add(report(r));
        return out;
    }

    static ObjectNode report(TargetReport r) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("id", r.id());
        o.put("target", r.target());
        o.put("value", r.value());
        o.put("date", r.date().toString());
        o.put("source", r.source());
        o.put("note", r.note());
        if (r.corrects() != null) o.put("corrects", r.corrects());
        else o.putNull("corrects");
        if (r.correctedBy() != null) o.put("corrected_by", r.correctedBy());
        else o.putNull("corrected_by");
        o.put("stands", r.stands());
        o.put("synthetic", r.synthetic());
        o.put("author", r.author());
        o.put("posted", r.at().toString());
        return o;
    }

    // ------------------------------------------------------------------------------------------------

    private static void standing(ObjectNode o, Standing s) {
        putNumber(o, "value", s.value());
        o.put("value_date", s.valueDate() == null ? null : s.valueDate().toString());
        o.set("due", milestone(s.due()));
        putNumber(o, "percent", s.percent() == null ? null : Json.round(s.percent(), 2));
        putNumber(o, "expected", s.expected());
        o.put("status", s.status().slug());
        o.set("status_label", Json.localized(s.status().label()));
    }

    private static ArrayNode history(List<YearPoint> history) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (YearPoint y : history) {
            ObjectNode o = out.addObject();
            o.put("year", y.year());
            o.put("date", y.date().toString());
            putNumber(o, "value", y.value());
            putNumber(o, "expected", y.expected());
        }
        return out;
    }

    private static ObjectNode scope(Scope s, Localized label) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("kind", s.kind().slug());
        o.put("name", s.name());
        if (label != null) o.set("label", Json.localized(label));
        return o;
    }

    private static ObjectNode unit(Target t) {
        return Json.MAPPER.createObjectNode().put("id", t.unit().id()).put("zh", t.unit().label().zh())
                .put("en", t.unit().label().en());
    }

    private static ObjectNode milestone(Milestone m) {
        return Json.MAPPER.createObjectNode().put("by", m.by().toString()).put("value", m.value());
    }

    private static ObjectNode dated(DatedValue v) {
        if (v == null) return null;
        return Json.MAPPER.createObjectNode().put("date", v.date().toString()).put("value", round(v.value()));
    }

    private static ObjectNode measure(Measure m) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("layer", m.layer());
        o.put("quantity", m.quantity().name().toLowerCase(Locale.ROOT));
        if (m.property() != null) o.put("property", m.property());
        ObjectNode where = o.putObject("where");
        for (Measure.Condition c : m.where()) {
            if (c.like()) where.putObject(c.property()).put("like", c.value());
            else where.put(c.property(), c.value());
        }
        o.put("share_of", m.shareOf().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        o.put("counted_from", m.countedFrom());
        ArrayNode statuses = o.putArray("statuses");
        m.statuses().forEach(statuses::add);
        o.put("since_baseline", m.sinceBaseline());
        return o;
    }

    private static void putNumber(ObjectNode o, String name, Double v) {
        if (v == null) o.putNull(name);
        else o.put(name, round(v));
    }

    private static double round(double v) {
        return Json.round(v, DECIMALS);
    }
}
