package org.sinkatlas.server.sinks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import org.sinkatlas.server.http.Json;
import org.sinkatlas.sink.analysis.FigureStatus;
import org.sinkatlas.sink.analysis.Sensitivity;
import org.sinkatlas.sink.analysis.StandardComparison;
import org.sinkatlas.sink.calc.Eligibility;
import org.sinkatlas.sink.calc.ExplainStep;
import org.sinkatlas.sink.calc.ScenarioPath;
import org.sinkatlas.sink.calc.SinkEstimate;
import org.sinkatlas.sink.calc.Spread;
import org.sinkatlas.sink.report.ParcelReport;
import org.sinkatlas.sink.standard.Biomass;
import org.sinkatlas.sink.standard.Category;
import org.sinkatlas.sink.standard.ClassRow;
import org.sinkatlas.sink.standard.Coefficient;
import org.sinkatlas.sink.standard.DeadMatter;
import org.sinkatlas.sink.standard.Figure;
import org.sinkatlas.sink.standard.Flux;
import org.sinkatlas.sink.standard.GwpSet;
import org.sinkatlas.sink.standard.LandType;
import org.sinkatlas.sink.standard.SinkStandard;
import org.sinkatlas.sink.standard.Soil;
import org.sinkatlas.sink.standard.Source;
import org.sinkatlas.sink.standard.UncertainFigure;
import org.sinkatlas.sink.standard.UrbanGreenSplit;

/**
 * The JSON of sink estimates, paths, standards, reports and analyses, in one place. Every figure with a
 * range is {@code {"mean", "p5", "p95"}}: the mean of the Monte Carlo draws is the headline, named in
 * {@code headline}; every CO2e figure comes with the GWP set that made it.
 */
final class SinkJson {

    /** What every response says its headline figures are. */
    static final String HEADLINE = "mean of the Monte Carlo draws (p5, p95: their 5th and 95th percentiles)";

    private SinkJson() {}

    static ObjectNode estimate(SinkEstimate e, SinkStandard s) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("headline", HEADLINE);
        o.put("area_m2", Json.round(e.areaM2(), 2));
        if (e.landcover() != null) {
            ObjectNode lc = o.putObject("landcover");
            e.landcover().fractions().forEach(lc::put);
        }
        o.put("year", e.year());
        o.set("gwp", gwp(s.gwp(e.gwp()).orElseThrow()));
        ObjectNode stock = range(e.stock(), 3);
        stock.put("above_ground", Json.round(e.pools().aboveGround(), 3)).put("below_ground", Json.round(e.pools().belowGround(), 3))
                .put("soil", Json.round(e.pools().soil(), 3)).put("dead", Json.round(e.pools().dead(), 3));
        o.set("stock_tc", stock);
        o.set("removals_tco2e", range(e.removals(), 4));
        o.set("methane_tco2e", range(e.methane(), 4));
        o.set("nitrous_oxide_tco2e", range(e.nitrousOxide(), 4));
        o.set("emissions_tco2e", range(e.emissions(), 4));
        o.set("net_tco2e", range(e.net(), 4));
        if (e.methaneNotNetted().mean() != 0) o.set("methane_not_netted_tco2e", range(e.methaneNotNetted(), 4));
        if (e.areaM2() > 0) o.put("net_density_tco2e_per_ha", Json.round(e.netDensity(), 4));
        if (e.eligibility() != null) o.set("eligibility", eligibility(e.eligibility()));
        o.putObject("standard").put("id", e.standardId()).put("version", e.standardVersion()).put("draws", e.draws());
        if (!e.explain().isEmpty()) {
            ArrayNode steps = o.putArray("explain");
            for (ExplainStep st : e.explain()) {
                ObjectNode step = steps.addObject().put("step", st.step()).put("detail", st.detail()).put("value",
                        Json.round(st.value(), 6)).put("unit", st.unit());
                if (st.source() != null) step.put("source", st.source());
                if (st.checked() != null) step.put("checked", st.checked());
            }
        }
        return o;
    }

    static ObjectNode range(Spread s, int decimals) {
        return Json.MAPPER.createObjectNode().put("mean", Json.round(s.mean(), decimals)).put("p5", Json.round(s.p5(), decimals))
                .put("p95", Json.round(s.p95(), decimals));
    }

    static ObjectNode gwp(GwpSet g) {
        ObjectNode o = Json.MAPPER.createObjectNode().put("set", g.id()).put("ch4", g.ch4().value());
        if (g.n2o() != null) o.put("n2o", g.n2o().value());
        return o;
    }

    static ObjectNode eligibility(Eligibility e) {
        ObjectNode el = Json.MAPPER.createObjectNode();
        el.put("category", e.category());
        el.set("text", Json.localized(e.text()));
        if (e.verdict() != null) {
            el.put("verdict", e.verdict());
            ArrayNode rules = el.putArray("rules");
            for (Eligibility.RuleResult r : e.rules()) {
                ObjectNode n = rules.addObject().put("rule", r.rule()).put("result", r.result());
                n.set("reason", Json.localized(r.reason()));
                if (!r.missingFacts().isEmpty()) {
                    ArrayNode facts = n.putArray("missing_facts");
                    r.missingFacts().forEach(facts::add);
                }
                n.put("source", r.source()).put("where", r.where()).put("checked", r.checked());
            }
        }
        return el;
    }

    /** A plan's path: each year's nets, their difference and its running sum. */
    static ObjectNode path(ScenarioPath p) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("from", p.from()).put("to", p.to()).put("change_year", p.changeYear()).put("gwp", p.gwp());
        o.set("cumulative_difference_tco2e", range(p.total(), 3));
        ArrayNode years = o.putArray("years");
        for (ScenarioPath.Year y : p.years()) {
            ObjectNode n = years.addObject().put("year", y.year());
            n.set("current_net_tco2e", range(y.currentNet(), 4));
            n.set("planned_net_tco2e", range(y.plannedNet(), 4));
            n.set("difference_tco2e", range(y.difference(), 4));
            n.set("cumulative_difference_tco2e", range(y.cumulativeDifference(), 3));
            n.put("current_stock_tc", Json.round(y.currentStock(), 3)).put("planned_stock_tc", Json.round(y.plannedStock(), 3));
        }
        return o;
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
        o.put("method", s.method().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        o.set("title", Json.localized(s.title()));
        FigureStatus status = FigureStatus.of(s);
        ObjectNode st = o.putObject("figures_checked");
        st.put("measured", status.measured());
        status.byStatus().forEach((k, v) -> st.put(k.name(), v));
        st.put("read_share", Json.round(status.readShare(), 4));
        return o;
    }

    static ObjectNode standard(SinkStandard s, boolean current) {
        ObjectNode o = standardSummary(s, current);
        o.set("summary", Json.localized(s.summary()));
        ArrayNode notRead = ((ObjectNode) o.get("figures_checked")).putArray("not_read");
        FigureStatus.of(s).notRead().forEach(notRead::add);
        ObjectNode params = o.putObject("parameters");
        s.parameters().forEach((k, v) -> params.set(k, coefficient(v)));
        ObjectNode gwp = o.putObject("gwp");
        gwp.put("default", s.defaultGwp());
        for (GwpSet g : s.gwpSets().values()) {
            ObjectNode n = gwp.putObject(g.id());
            n.set("ch4", coefficient(g.ch4()));
            if (g.n2o() != null) n.set("n2o", coefficient(g.n2o()));
        }
        if (s.socReference() != null) o.putObject("soil_reference").set("socref", coefficient(s.socReference()));
        if (s.carbonFraction() != null) o.set("carbon_fraction", coefficient(s.carbonFraction()));
        ObjectNode splits = o.putObject("urban_green");
        for (Map.Entry<String, UrbanGreenSplit> e : s.urbanGreen().entrySet()) {
            UrbanGreenSplit g = e.getValue();
            ObjectNode n = splits.putObject(e.getKey()).put("tree_crown", g.treeCrown()).put("lawn", g.lawn()).put("paved", g.paved());
            if (g.widthM() != null) n.put("width_m", g.widthM());
            n.put("source", g.source()).put("where", g.where()).put("checked", g.checked().name());
        }
        ArrayNode components = o.putArray("components");
        for (Map.Entry<String, LandType> c : s.components().entrySet()) {
            components.add(landType(c.getValue()).put("id", c.getKey()));
        }
        ArrayNode classes = o.putArray("classes");
        for (ClassRow r : s.rows()) {
            ObjectNode n = r.type() == null ? Json.MAPPER.createObjectNode() : landType(r.type());
            ArrayNode codes = n.putArray("codes");
            r.codes().forEach(codes::add);
            n.set("name", Json.localized(r.name()));
            n.put("assessed", r.assessed());
            if (r.isUrbanGreen()) n.put("urban_green", r.urbanGreen());
            n.put("eligibility", r.category());
            if (r.note() != null) n.set("note", Json.localized(r.note()));
            classes.add(n);
        }
        ObjectNode eligibility = o.putObject("eligibility");
        for (Category c : s.categories().values()) {
            ObjectNode n = eligibility.putObject(c.id());
            n.set("text", Json.localized(c.text()));
            n.put("source", c.source()).put("checked", c.checked().name());
        }
        if (s.screen() != null) {
            ObjectNode screen = o.putObject("ccer_screen").put("methodology", s.screen().methodology());
            screen.set("title", Json.localized(s.screen().title()));
            ArrayNode rules = screen.putArray("rules");
            s.screen().rules().forEach(rule -> {
                ObjectNode n = rules.addObject().put("id", rule.id());
                n.set("text", Json.localized(rule.text()));
                n.put("source", rule.source()).put("where", rule.where()).put("checked", rule.checked().name());
                rule.parameters().forEach((k, v) -> n.set(k, coefficient(v)));
            });
        }
        ObjectNode sources = o.putObject("sources");
        for (Source src : s.sources().values()) {
            ObjectNode n = sources.putObject(src.id()).put("citation", src.citation()).put("checked", src.checked().name());
            if (src.url() != null) n.put("url", src.url());
            if (src.policy()) n.put("policy", true);
        }
        return o;
    }

    /** A land type's pools and fluxes as the standard gives them. */
    private static ObjectNode landType(LandType t) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        ObjectNode b = n.putObject("biomass");
        if (t.biomass() instanceof Biomass.Fixed f) {
            b.put("model", "fixed").set("above_ground", coefficient(f.aboveGround()));
            b.set("below_ground", coefficient(f.belowGround()));
        } else if (t.biomass() instanceof Biomass.Steady st) {
            b.put("model", "steady").set("above_ground", coefficient(st.aboveGround()));
            if (st.rootShoot() != null) b.set("root_shoot", coefficient(st.rootShoot()));
        } else if (t.biomass() instanceof Biomass.Growing g) {
            b.put("model", "growing").set("growth", coefficient(g.growth()));
            if (g.growthOld() != null) b.put("young_years", g.youngYears()).set("growth_old", coefficient(g.growthOld()));
            b.set("ceiling", coefficient(g.ceiling()));
            if (g.rootShoot() != null) b.set("root_shoot", coefficient(g.rootShoot()));
        } else {
            b.put("model", "none");
        }
        ObjectNode soil = n.putObject("soil");
        if (t.soil() instanceof Soil.Fixed f) soil.put("model", "fixed").set("stock", coefficient(f.stock()));
        else if (t.soil() instanceof Soil.Factors f) {
            soil.put("model", "factors").set("land_use", coefficient(f.landUse()));
            if (f.management() != null) soil.set("management", coefficient(f.management()));
            if (f.input() != null) soil.set("input", coefficient(f.input()));
        } else soil.put("model", "none");
        ObjectNode dead = n.putObject("dead");
        if (t.dead() instanceof DeadMatter.Fixed f) dead.put("model", "fixed").set("stock", coefficient(f.stock()));
        else if (t.dead() instanceof DeadMatter.Litter l) dead.put("model", "litter").set("stock", coefficient(l.stock()));
        else dead.put("model", "none");
        ArrayNode fluxes = n.putArray("fluxes");
        for (Flux f : t.fluxes()) {
            ObjectNode x = fluxes.addObject().put("gas", f.gas().name().toLowerCase(Locale.ROOT));
            if (f instanceof Flux.Rate r) {
                x.put("model", "rate").put("netted", r.netted()).set("rate", coefficient(r.rate()));
            } else if (f instanceof Flux.RiceMethane m) {
                x.put("model", "rice-methane").set("baseline", coefficient(m.baseline()));
                x.set("water_regime", coefficient(m.waterRegime()));
                x.set("pre_season", coefficient(m.preSeason()));
                ArrayNode am = x.putArray("amendments");
                m.amendments().forEach(a -> am.addObject().put("name", a.name()).<ObjectNode>set("amount", coefficient(a.amount()))
                        .set("factor", coefficient(a.factor())));
                x.set("exponent", coefficient(m.exponent()));
                x.set("season_days", coefficient(m.seasonDays()));
            }
        }
        return n;
    }

    static ObjectNode coefficient(Coefficient c) {
        ObjectNode o = Json.MAPPER.createObjectNode().put("id", c.id());
        if (c instanceof Figure f) {
            o.put("value", f.value());
            if (f.note() != null) o.put("note", f.note());
        } else if (c instanceof UncertainFigure u) {
            o.put("low", u.low()).put("central", u.central()).put("high", u.high()).put("distribution", u.distribution().fileName());
        }
        if (c.unit() != null) o.put("unit", c.unit());
        return o.put("source", c.source()).put("where", c.where()).put("checked", c.checked().name());
    }

    // ------------------------------------------------------------------------------------------------
    // Reports and analyses

    static ObjectNode report(ParcelReport r) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("headline", HEADLINE);
        ObjectNode inputs = o.putObject("inputs");
        r.inputs().forEach(inputs::put);
        o.put("input_sha256", r.inputHash());
        o.putObject("standard").put("id", r.standard().id()).put("version", r.standard().version())
                .put("method", r.standard().method().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        o.set("gwp", gwp(r.standard().gwp(r.gwp()).orElseThrow()));
        o.put("year", r.year()).put("draws", r.draws()).put("seed", r.seed());
        ArrayNode coefficients = o.putArray("coefficients");
        for (ParcelReport.UsedCoefficient u : r.coefficients()) {
            ObjectNode c = coefficient(u.coefficient());
            if (u.source() != null) c.put("citation", u.source().citation());
            coefficients.add(c);
        }
        ObjectNode result = estimate(r.estimate(), r.standard());
        o.set("steps", result.remove("explain"));
        result.remove("headline");
        o.set("eligibility", result.remove("eligibility"));
        o.set("result", result);
        return o;
    }

    static ObjectNode sensitivity(SinkStandard s, Sensitivity.Result r, String layer, int year, String gwp, int limit) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("standard", s.key()).put("layer", layer).put("year", year).put("gwp", gwp);
        o.put("method", "correlation of each coefficient's draws with the total net's draws; variance_share = r²;"
                + " swing = how far the total moves as the coefficient goes from its 5th to its 95th percentile");
        o.putObject("total_net_tco2e").put("mean", Json.round(r.mean(), 1)).put("sd", Json.round(r.sd(), 1));
        ArrayNode first = o.putArray("measure_first");
        r.toMeasureFirst(3).forEach(e -> first.add(e.figure().id()));
        ArrayNode list = o.putArray("coefficients");
        r.entries().stream().limit(limit).forEach(e -> list.add(coefficient(e.figure()).put("measured", e.measured())
                .put("correlation", Json.round(e.correlation(), 4)).put("variance_share", Json.round(e.varianceShare(), 4))
                .put("swing_tco2e", Json.round(e.swing(), 1))));
        return o;
    }

    static ObjectNode comparison(StandardComparison.Result c, String layer) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("headline", HEADLINE).put("layer", layer).put("from", c.from()).put("to", c.to());
        ObjectNode total = o.putObject("total");
        total.set("from", totalOf(c.totalFrom()));
        total.set("to", totalOf(c.totalTo()));
        total.put("net_change_tco2e", Json.round(c.totalTo().net().mean() - c.totalFrom().net().mean(), 1));
        ArrayNode classes = o.putArray("classes");
        for (StandardComparison.ClassChange k : c.classes()) {
            ObjectNode n = classes.addObject().put("code", k.code()).put("name", k.name()).put("hectares", Json.round(k.hectares(), 2))
                    .put("net_from_tco2e", Json.round(k.netFrom(), 2)).put("net_to_tco2e", Json.round(k.netTo(), 2))
                    .put("net_change_tco2e", Json.round(k.netChange(), 2)).put("stock_from_tc", Json.round(k.stockFrom(), 1))
                    .put("stock_to_tc", Json.round(k.stockTo(), 1));
            ArrayNode figures = n.putArray("coefficients_changed");
            for (StandardComparison.FigureChange f : k.figures()) {
                ObjectNode x = figures.addObject().put("id", f.id());
                if (f.from() != null) x.put("from", f.from()).put("checked_from", f.checkedFrom());
                if (f.to() != null) x.put("to", f.to()).put("checked_to", f.checkedTo());
            }
        }
        return o;
    }

    private static ObjectNode totalOf(SinkEstimate e) {
        ObjectNode n = Json.MAPPER.createObjectNode().put("year", e.year()).put("gwp", e.gwp());
        n.set("net_tco2e", range(e.net(), 1));
        n.set("removals_tco2e", range(e.removals(), 1));
        n.set("emissions_tco2e", range(e.emissions(), 1));
        n.set("stock_tc", range(e.stock(), 1));
        return n;
    }
}
