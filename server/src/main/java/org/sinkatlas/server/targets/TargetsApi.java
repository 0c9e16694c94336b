package org.sinkatlas.server.targets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.server.auth.Access;
import org.sinkatlas.server.auth.Principal;
import org.sinkatlas.server.features.ApiExtension;
import org.sinkatlas.server.http.ApiParameter;
import org.sinkatlas.server.http.ApiProblem;
import org.sinkatlas.server.http.ApiRoute;
import org.sinkatlas.server.http.Csv;
import org.sinkatlas.server.http.Format;
import org.sinkatlas.server.http.Json;
import org.sinkatlas.server.http.Link;
import org.sinkatlas.server.http.MediaTypes;
import org.sinkatlas.server.http.QueryParameters;
import org.sinkatlas.server.http.RequestBodies;
import org.sinkatlas.server.http.Responses;
import org.sinkatlas.server.http.Role;
import org.sinkatlas.server.http.Urls;
import org.sinkatlas.sink.targets.Target;
import org.sinkatlas.sink.targets.TargetProgress;
import org.sinkatlas.sink.targets.TargetReport;
import org.sinkatlas.sink.targets.TargetStatus;
import org.sinkatlas.sink.targets.TargetTracker;

/**
 * The plan's targets over HTTP: all of them with where each stands, one with its history by year, parts and
 * definition, the features in its scope (and whether they count), the reports it rests on, each as JSON, CSV
 * or HTML, on any date up to today ({@code asOf}); officers' reports of the figures that are not spatial; and the
 * dashboard page that shows them.
 */
public final class TargetsApi implements ApiExtension {

    private final TargetTracker tracker;
    private final Urls urls;

    public TargetsApi(TargetTracker tracker, Urls urls) {
        this.tracker = tracker;
        this.urls = urls;
    }

    public List<ApiRoute> routes() {
        JsonNodeFactory n = JsonNodeFactory.instance;
        ApiParameter fAll = ApiParameter.query("f", "Response format: json, csv or html (default: by the Accept header).",
                n.objectNode().put("type", "string").set("enum", n.arrayNode().add("json").add("csv").add("html")));
        ApiParameter fData = ApiParameter.query("f", "Response format: json (default) or csv.",
                n.objectNode().put("type", "string").set("enum", n.arrayNode().add("json").add("csv")));
        ApiParameter asOf = ApiParameter.query("asOf", "The date to answer for (YYYY-MM-DD, in China; default today, never"
                + " later): only features built by then count, only figures reported for a date up to then.",
                n.objectNode().put("type", "string").put("format", "date"));
        ApiParameter targetId = ApiParameter.path("targetId", "Target id, e.g. greenway-km.",
                n.objectNode().put("type", "string"));
        ApiParameter lang = ApiParameter.query("lang", "Language of the page: zh (default) or en.",
                n.objectNode().put("type", "string").set("enum", n.arrayNode().add("zh").add("en")));
        List<String> all = List.of(MediaTypes.JSON, MediaTypes.CSV, MediaTypes.HTML);
        List<String> data = List.of(MediaTypes.JSON, MediaTypes.CSV);
        return List.of(
                new ApiRoute("/targets", "getTargets", "The plan's targets and where each stands · 规划目标进展", "Targets",
                        List.of(asOf, fAll), all, false, this::list),
                new ApiRoute("/targets/{targetId}", "getTarget", "A target: progress, history by year, parts, definition"
                        + " · 单项目标进展", "Targets", List.of(targetId, asOf, fAll), all, false, this::target),
                new ApiRoute("/targets/{targetId}/features", "getTargetFeatures", "The features in a target's scope and"
                        + " whether they count · 目标相关要素", "Targets", List.of(targetId, asOf, fData), data, false,
                        this::features),
                new ApiRoute("/targets/{targetId}/reports", "getTargetReports", "Every figure reported for a target,"
                        + " corrected ones included · 目标报送数据", "Targets", List.of(targetId, fData), data, false,
                        this::reports),
                new ApiRoute(HandlerType.POST, "/targets/{targetId}/reports", "postTargetReport", "Report a figure of a"
                        + " reported target, or correct one (officers and admins) · 报送目标数据", "Targets",
                        List.of(targetId), List.of(MediaTypes.JSON), false, MediaTypes.JSON, 201, this::postReport)
                        .requiring(Role.OFFICER),
                new ApiRoute("/dashboard", "getDashboard", "The targets dashboard (a web page) · 目标看板", "Targets",
                        List.of(asOf, lang), List.of(MediaTypes.HTML), false, this::dashboard));
    }

    @Override
    public List<Link> landingLinks(String base) {
        return List.of(Link.of(base + "/targets", "targets", MediaTypes.JSON, "The plan's targets and where each stands"),
                Link.of(base + "/dashboard", "dashboard", MediaTypes.HTML, "The targets dashboard"));
    }

    @Override
    public List<Link> collectionLinks(String base, LayerInfo layer) {
        return List.of();
    }

    @Override
    public List<String> conformanceClasses() {
        return List.of();
    }

    // ------------------------------------------------------------------------------------------------

    private enum Out { JSON, CSV, HTML }

    /** The format asked: f=csv, or JSON and HTML as everywhere else. */
    private static Out out(Context ctx, boolean htmlToo) {
        String f = ctx.queryParam("f");
        if (f != null && f.equalsIgnoreCase("csv")) return Out.CSV;
        if (f != null && !f.equalsIgnoreCase("json") && !(htmlToo && f.equalsIgnoreCase("html"))) {
            throw ApiProblem.badRequest("f must be " + (htmlToo ? "json, csv or html" : "json or csv") + ", not '" + f + "'");
        }
        return htmlToo && Format.of(ctx) == Format.HTML ? Out.HTML : Out.JSON;
    }

    private LocalDate asOf(Context ctx) {
        String text = ctx.queryParam("asOf");
        LocalDate date = null;
        if (text != null) {
            try {
                date = LocalDate.parse(text.trim());
            } catch (DateTimeParseException e) {
                throw ApiProblem.badRequest("asOf must be a date YYYY-MM-DD, not '" + text + "'");
            }
        }
        try {
            return tracker.asOf(date);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(e.getMessage());
        }
    }

    private Target target(String id) {
        return tracker.catalog().find(id).orElseThrow(() -> ApiProblem.notFound("no target '" + id + "'; see /targets"));
    }

    private void list(Context ctx) {
        QueryParameters.requireKnown(ctx, Set.of("asOf", "f"));
        Out out = out(ctx, true);
        LocalDate asOf = asOf(ctx);
        List<TargetProgress> all = tracker.all(asOf, Access.caller(ctx).seesDrafts());
        String base = urls.base(ctx);
        if (out == Out.CSV) {
            csv(ctx, "targets-" + asOf + ".csv", TargetCsv.list(all));
            return;
        }
        if (out == Out.HTML) {
            Responses.html(ctx, TargetPages.targets(base, tracker.catalog().plan(), all, asOf, tracker.today()));
            return;
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        ObjectNode plan = body.putObject("plan");
        plan.put("id", tracker.catalog().plan().id());
        plan.set("title", Json.localized(tracker.catalog().plan().title()));
        plan.put("document", tracker.catalog().plan().document());
        plan.put("issued", tracker.catalog().plan().issued().toString());
        body.put("as_of", asOf.toString());
        body.put("today", tracker.today().toString());
        Map<TargetStatus, Integer> counts = new EnumMap<>(TargetStatus.class);
        for (TargetStatus s : TargetStatus.values()) counts.put(s, 0);
        for (TargetProgress p : all) counts.merge(p.standing().status(), 1, Integer::sum);
        ObjectNode summary = body.putObject("statuses");
        for (TargetStatus s : TargetStatus.values()) {
            summary.putObject(s.slug()).put("count", counts.get(s)).set("label", Json.localized(s.label()));
        }
        ArrayNode targets = body.putArray("targets");
        for (TargetProgress p : all) targets.add(TargetJson.summary(p, base));
        ArrayNode links = body.putArray("links");
        links.addObject().put("rel", "self").put("type", MediaTypes.JSON).put("href", base + "/targets?asOf=" + asOf);
        links.addObject().put("rel", "alternate").put("type", MediaTypes.CSV).put("href", base + "/targets?asOf=" + asOf
                + "&f=csv");
        links.addObject().put("rel", "alternate").put("type", MediaTypes.HTML).put("href", base + "/targets?asOf=" + asOf
                + "&f=html");
        links.addObject().put("rel", "dashboard").put("type", MediaTypes.HTML).put("href", base + "/dashboard");
        Responses.json(ctx, body);
    }

    private void target(Context ctx) {
        QueryParameters.requireKnown(ctx, Set.of("asOf", "f"));
        Target t = target(ctx.pathParam("targetId"));
        Out out = out(ctx, true);
        TargetProgress p = tracker.progress(t, asOf(ctx), Access.caller(ctx).seesDrafts());
        String base = urls.base(ctx);
        switch (out) {
            case CSV -> csv(ctx, t.id() + "-" + p.asOf() + ".csv", TargetCsv.history(p));
            case HTML -> Responses.html(ctx, TargetPages.target(base, p));
            default -> Responses.json(ctx, TargetJson.detail(p, base));
        }
    }

    private void features(Context ctx) {
        QueryParameters.requireKnown(ctx, Set.of("asOf", "f"));
        Target t = target(ctx.pathParam("targetId"));
        Out out = out(ctx, false);
        if (!t.isSpatial()) {
            throw ApiProblem.notFound("target " + t.id() + " is reported, not measured from a layer; see /targets/"
                    + t.id() + "/reports");
        }
        TargetProgress p = tracker.progress(t, asOf(ctx), Access.caller(ctx).seesDrafts());
        String base = urls.base(ctx);
        if (out == Out.CSV) {
            csv(ctx, t.id() + "-features-" + p.asOf() + ".csv", TargetCsv.features(p, base));
            return;
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("target", t.id()).put("as_of", p.asOf().toString()).put("collection", t.measure().layer());
        body.put("unit", t.measure().featureUnit(t.unit()));
        ArrayNode ids = body.putArray("counted_ids");
        p.countedIds().forEach(ids::add);
        body.set("features", TargetJson.features(p, base));
        body.set("map", TargetJson.map(p, base));
        Responses.json(ctx, body);
    }

    private void reports(Context ctx) {
        QueryParameters.requireKnown(ctx, Set.of("f"));
        Target t = target(ctx.pathParam("targetId"));
        Out out = out(ctx, false);
        if (t.isSpatial()) {
            throw ApiProblem.notFound("target " + t.id() + " is measured from the " + t.measure().layer() + " layer and"
                    + " has no reports; see /targets/" + t.id() + "/features");
        }
        var reports = tracker.reports().of(t.id());
        if (out == Out.CSV) {
            csv(ctx, t.id() + "-reports.csv", TargetCsv.reports(reports));
            return;
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("target", t.id());
        body.set("reports", TargetJson.reports(reports));
        Responses.json(ctx, body);
    }

    /** Stores a report from the body, by the caller (the route lets only officers and admins in). */
    private void postReport(Context ctx) {
        QueryParameters.requireKnown(ctx, Set.of());
        Principal caller = Access.caller(ctx);
        JsonNode body = RequestBodies.jsonObject(ctx, MediaTypes.JSON);
        Map<String, Object> fields = new LinkedHashMap<>();
        body.fields().forEachRemaining(e -> fields.put(e.getKey(), Json.MAPPER.convertValue(e.getValue(), Object.class)));
        String id = ctx.pathParam("targetId");
        TargetReport report = tracker.reports().post(id, fields, caller.name(), caller.id());
        ctx.status(201);
        ctx.header("Location", urls.base(ctx) + "/targets/" + id + "/reports");
        Responses.json(ctx, TargetJson.report(report));
    }

    private void dashboard(Context ctx) {
        QueryParameters.requireKnown(ctx, Set.of("asOf", "lang"));
        String lang = ctx.queryParam("lang");
        if (lang != null && !lang.equals("zh") && !lang.equals("en")) {
            throw ApiProblem.badRequest("lang must be zh or en, not '" + lang + "'");
        }
        asOf(ctx);
        Responses.html(ctx, DashboardPage.html(urls.base(ctx), lang == null ? "zh" : lang.toLowerCase(Locale.ROOT)));
    }

    private static void csv(Context ctx, String filename, String body) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        Responses.text(ctx, Csv.MEDIA_TYPE, body);
    }
}
