package org.sinkatlas.server.sinks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.sinkatlas.server.http.Json;
import org.sinkatlas.sink.calc.ExplainStep;
import org.sinkatlas.sink.calc.Quantiles;
import org.sinkatlas.sink.calc.SinkEstimate;
import org.sinkatlas.sink.standard.ClassRow;
import org.sinkatlas.sink.standard.Component;
import org.sinkatlas.sink.standard.Eligibility;
import org.sinkatlas.sink.standard.Figure;
import org.sinkatlas.sink.standard.Pools;
import org.sinkatlas.sink.standard.SinkStandard;
import org.sinkatlas.sink.standard.Source;
import org.sinkatlas.sink.standard.UncertainFigure;
import org.sinkatlas.sink.standard.UrbanGreenSplit;

/**
 * The JSON of sink estimates and standards, in one place. Names: {@code area_m2}, {@code stock_tc} (total
 * and per pool), {@code annual_removal_tco2e}, {@code methane_tco2e}, {@code net_tco2e} (each with
 * {@code p5}, {@code p50}, {@code p95} and {@code central}), {@code eligibility}, {@code standard},
 * {@code explain}.
 */
final class SinkJson {

    private SinkJson() {}

    static ObjectNode estimate(SinkEstimate e) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("area_m2", Json.round(e.areaM2(), 2));
        if (e.landcover() != null) {
            ObjectNode lc = o.putObject("landcover");
            e.landcover().fractions().forEach(lc::put);
        }
        o.set("stock_tc", stock(e.stockTc()));
        o.set("annual_removal_tco2e", range(e.annualRemoval()));
        o.set("methane_tco2e", range(e.methane()));
        o.set("methane_not_netted_tco2e", range(e.methaneNotNetted()));
        o.set("net_tco2e", range(e.net()));
        if (e.areaM2() > 0) o.put("net_density_tco2e_per_ha", Json.round(e.net().central() / (e.areaM2() / 10_000), 4));
        if (e.eligibility() != null) {
            ObjectNode el = o.putObject("eligibility");
            el.put("category", e.eligibility().category());
            el.set("text", Json.localized(e.eligibility().text()));
            ArrayNode checks = el.putArray("checks");
            e.eligibility().checks().forEach(c -> checks.add(Json.localized(c)));
        }
        o.putObject("standard").put("id", e.standardId()).put("version", e.standardVersion());
        if (e.scenario() != null) o.set("scenario", scenario(e.scenario()));
        if (!e.explain().isEmpty()) {
            ArrayNode steps = o.putArray("explain");
            for (ExplainStep s : e.explain()) {
                ObjectNode step = steps.addObject().put("step", s.step()).put("detail", s.detail()).put("value",
                        Json.round(s.value(), 6)).put("unit", s.unit());
                if (s.source() != null) step.put("source", s.source());
                if (s.checked() != null) step.put("checked", s.checked());
            }
        }
        return o;
    }

    static ObjectNode scenario(SinkEstimate.Scenario s) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        if (s.planned() != null) {
            ObjectNode lc = o.putObject("planned_landcover");
            s.planned().fractions().forEach(lc::put);
        }
        o.set("planned_stock_tc", stock(s.plannedStockTc()));
        o.set("planned_net_tco2e", range(s.plannedNet()));
        o.put("stock_change_tc", Json.round(s.stockChangeTc(), 3));
        o.put("stock_change_tco2e", Json.round(s.stockChangeTco2e(), 3));
        o.set("annual_removal_change_tco2e", range(s.annualRemovalChange()));
        o.set("net_change_tco2e", range(s.netChange()));
        return o;
    }

    static ObjectNode stock(SinkEstimate.Stock s) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("total", Json.round(s.total(), 3));
        o.put("above_ground", Json.round(s.aboveGround(), 3));
        o.put("below_ground", Json.round(s.belowGround(), 3));
        o.put("soil", Json.round(s.soil(), 3));
        o.put("dead", Json.round(s.dead(), 3));
        return o;
    }

    static ObjectNode range(Quantiles q) {
        return Json.MAPPER.createObjectNode().put("p5", Json.round(q.p5(), 4)).put("p50", Json.round(q.p50(), 4))
                .put("p95", Json.round(q.p95(), 4)).put("central", Json.round(q.central(), 4));
    }

    // ------------------------------------------------------------------------------------------------
    // The standard

    static ObjectNode standardSummary(SinkStandard s, boolean current) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("id", s.id());
        o.put("version", s.version());
        o.put("key", s.key());
        o.put("released", s.released().toString());
        o.put("current", current);
        o.set("title", Json.localized(s.title()));
        return o;
    }

    static ObjectNode standard(SinkStandard s, boolean current) {
        ObjectNode o = standardSummary(s, current);
        o.set("summary", Json.localized(s.summary()));
        ObjectNode params = o.putObject("parameters");
        s.parameters().forEach((k, v) -> params.set(k, figure(v)));
        ObjectNode splits = o.putObject("urban_green");
        for (Map.Entry<String, UrbanGreenSplit> e : s.urbanGreen().entrySet()) {
            UrbanGreenSplit g = e.getValue();
            ObjectNode n = splits.putObject(e.getKey()).put("tree_crown", g.treeCrown()).put("lawn", g.lawn())
                    .put("paved", g.paved());
            if (g.widthM() != null) n.put("width_m", g.widthM());
            n.put("source", g.source()).put("where", g.where()).put("checked", g.checked().name());
        }
        ArrayNode components = o.putArray("components");
        for (Component c : s.components().values()) {
            ObjectNode n = components.addObject().put("id", c.id());
            n.set("name", Json.localized(c.name()));
            n.set("pools_tc_per_ha", pools(c.pools()));
            n.set("removal_tco2e_per_ha_yr", uncertain(c.removal()));
        }
        ArrayNode classes = o.putArray("classes");
        for (ClassRow r : s.rows()) {
            ObjectNode n = classes.addObject();
            ArrayNode codes = n.putArray("codes");
            r.codes().forEach(codes::add);
            n.set("name", Json.localized(r.name()));
            n.put("assessed", r.assessed());
            if (r.isUrbanGreen()) n.put("urban_green", r.urbanGreen());
            else {
                n.set("pools_tc_per_ha", pools(r.pools()));
                n.set("removal_tco2e_per_ha_yr", uncertain(r.removal()));
                if (r.methane() != null) n.set("methane_t_ch4_per_ha_yr", uncertain(r.methane()).put("netted", r.methane().netted()));
            }
            n.put("eligibility", r.eligibility());
            if (r.note() != null) n.set("note", Json.localized(r.note()));
        }
        ObjectNode eligibility = o.putObject("eligibility");
        for (Eligibility e : s.eligibility().values()) {
            ObjectNode n = eligibility.putObject(e.id());
            n.set("text", Json.localized(e.text()));
            n.put("source", e.source()).put("checked", e.checked().name());
        }
        ObjectNode sources = o.putObject("sources");
        for (Source src : s.sources().values()) {
            ObjectNode n = sources.putObject(src.id()).put("citation", src.citation()).put("checked", src.checked().name());
            if (src.url() != null) n.put("url", src.url());
        }
        return o;
    }

    private static ObjectNode pools(Pools p) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.set("above_ground", figure(p.aboveGround()));
        o.set("below_ground", figure(p.belowGround()));
        o.set("soil", figure(p.soil()));
        o.set("dead", figure(p.dead()));
        return o;
    }

    private static ObjectNode figure(Figure f) {
        ObjectNode o = Json.MAPPER.createObjectNode().put("value", f.value());
        if (f.unit() != null) o.put("unit", f.unit());
        o.put("source", f.source()).put("where", f.where()).put("checked", f.checked().name());
        if (f.note() != null) o.put("note", f.note());
        return o;
    }

    private static ObjectNode uncertain(UncertainFigure f) {
        return Json.MAPPER.createObjectNode().put("low", f.low()).put("central", f.central()).put("high", f.high())
                .put("distribution", f.distribution().name().toLowerCase(java.util.Locale.ROOT)).put("source", f.source())
                .put("where", f.where()).put("checked", f.checked().name());
    }
}
