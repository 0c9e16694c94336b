package org.sinkatlas.server.sinks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.sinkatlas.layers.crs.CrsDefinition;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.fault.FaultKind;
import org.sinkatlas.layers.format.GeoJsonFeatureReader;
import org.sinkatlas.layers.geom.GeometryValidator;
import org.sinkatlas.layers.model.Feature;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.Localized;
import org.sinkatlas.layers.model.SinkFields;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.server.auth.Access;
import org.sinkatlas.server.http.ApiParameter;
import org.sinkatlas.server.http.ApiProblem;
import org.sinkatlas.server.http.ApiRoute;
import org.sinkatlas.server.http.Csv;
import org.sinkatlas.server.http.Format;
import org.sinkatlas.server.http.Json;
import org.sinkatlas.server.http.MediaTypes;
import org.sinkatlas.server.http.QueryParameters;
import org.sinkatlas.server.http.Responses;
import org.sinkatlas.server.http.Role;
import org.sinkatlas.server.http.Urls;
import org.sinkatlas.sink.analysis.Sensitivity;
import org.sinkatlas.sink.analysis.StandardComparison;
import org.sinkatlas.sink.calc.SinkCalculator;
import org.sinkatlas.sink.calc.SinkInput;
import org.sinkatlas.sink.calc.SinkInputException;
import org.sinkatlas.sink.calc.StratumAreas;
import org.sinkatlas.sink.layers.FeatureSinkInput;
import org.sinkatlas.sink.layers.SinkSummaries;
import org.sinkatlas.sink.layers.SinkUpkeep;
import org.sinkatlas.sink.report.ParcelReport;
import org.sinkatlas.sink.standard.SinkStandard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink API: the released standards with their sensitivity lists and comparisons, a parcel's estimate and
 * its report, estimates of posted features (nothing stored), summaries by district, key zone, project or land
 * cover in a year or as the plan's path over years, and the recompute of a layer's stored estimates as a
 * job with progress. The sink upkeep itself (calculators, stored estimates) lives in sink-models.
 */
public final class SinkApi {

    private static final Logger LOG = LoggerFactory.getLogger(SinkApi.class);

    /** The sink layer the parcel routes read. */
    public static final String PARCELS = "parcels";
    /** Most features one estimate request may post. */
    public static final int MAX_FEATURES = 10_000;
    /** The plan's horizon: the zone's carbon neutrality by 2060. */
    private static final int PATH_END = 2060;

    private final LayerStore store;
    private final SinkUpkeep upkeep;
    private final CrsService crs;
    private final Urls urls;
    private final Jobs jobs;
    private final Access access;

    public SinkApi(LayerStore store, SinkUpkeep upkeep, CrsService crs, Urls urls, Jobs jobs, Access access) {
        this.store = store;
        this.upkeep = upkeep;
        this.crs = crs;
        this.urls = urls;
        this.jobs = jobs;
        this.access = access;
    }

    public List<ApiRoute> routes() {
        JsonNodeFactory n = JsonNodeFactory.instance;
        ApiParameter f = ApiParameter.query("f", "Response format: json or html.", n.objectNode().put("type", "string"));
        ApiParameter standard = ApiParameter.query("standard", "Standard to use: id@version (default: the current one).",
                n.objectNode().put("type", "string"));
        ApiParameter gwp = ApiParameter.query("gwp", "GWP set that turns methane and nitrous oxide into CO2e: ar5 or ar6"
                + " (default: the standard's).", n.objectNode().put("type", "string"));
        ApiParameter year = ApiParameter.query("year", "Year accounted (default: the standard's accounting year).",
                n.objectNode().put("type", "integer"));
        ApiParameter from = ApiParameter.query("from", "First year of the plan's path (default: the accounting year).",
                n.objectNode().put("type", "integer"));
        ApiParameter to = ApiParameter.query("to", "Last year of the plan's path (default 2060).", n.objectNode().put("type", "integer"));
        ApiParameter changeYear = ApiParameter.query("change_year", "Year the planned land cover takes over (default: from).",
                n.objectNode().put("type", "integer"));
        ApiParameter crsParam = ApiParameter.query("crs", "CRS of the posted coordinates (OGC URI; default CRS84).",
                n.objectNode().put("type", "string"));
        ApiParameter by = ApiParameter.query("by", "Grouping: district (default), zone (or key-zone: the plan's key"
                + " zones), project (sink projects) or landcover.", n.objectNode().put("type", "string").set("enum",
                        n.arrayNode().add("district").add("zone").add("key-zone").add("key_zone").add("project")
                                .add("landcover")));
        ApiParameter scenario = ApiParameter.query("scenario", "current (default): figures in a year; planned: the plan"
                + " against today, year by year from `from` to `to`.", n.objectNode().put("type", "string").set("enum",
                        n.arrayNode().add("current").add("planned")));
        ApiParameter layer = ApiParameter.query("layer", "Sink layer (default: parcels).", n.objectNode().put("type", "string"));
        ApiParameter standardId = ApiParameter.path("standardId", "id@version, e.g. yrd-ess@2027.1", n.objectNode().put("type",
                "string"));
        ApiParameter featureId = ApiParameter.path("featureId", "Parcel id.", n.objectNode().put("type", "integer"));
        return List.of(
                new ApiRoute("/sinks/standards", "getSinkStandards", "Released sink standards · 碳汇标准版本", "Sinks",
                        List.of(f), List.of(MediaTypes.JSON, MediaTypes.HTML), false, this::standards),
                new ApiRoute("/sinks/standards/{standardId}", "getSinkStandard", "A sink standard, with sources · 碳汇标准",
                        "Sinks", List.of(standardId, f), List.of(MediaTypes.JSON, MediaTypes.HTML), false, this::standard),
                new ApiRoute("/sinks/standards/{standardId}/sensitivity", "getSinkSensitivity", "Which coefficients move the"
                        + " total most · 敏感性", "Sinks", List.of(standardId, gwp, layer), List.of(MediaTypes.JSON), false,
                        this::sensitivity),
                new ApiRoute("/sinks/standards/{standardId}/compare/{otherId}", "compareSinkStandards", "How the total changes"
                        + " between two versions · 版本比较", "Sinks", List.of(standardId, ApiParameter.path("otherId",
                                "The version compared to, id@version.", n.objectNode().put("type", "string")), gwp, layer),
                        List.of(MediaTypes.JSON), false, this::compare),
                new ApiRoute("/sinks/parcels/{featureId}", "getParcelSink", "A parcel's sink estimate, explained · 地块碳汇",
                        "Sinks", List.of(featureId, standard, gwp, year, from, to, changeYear), List.of(MediaTypes.JSON), false,
                        this::parcel),
                new ApiRoute("/sinks/parcels/{featureId}/report", "getParcelSinkReport", "A parcel's reproducible report"
                        + " · 地块碳汇报告", "Sinks", List.of(featureId, standard, gwp, year, f), List.of(MediaTypes.JSON,
                                MediaTypes.HTML), false, this::report),
                new ApiRoute(HandlerType.POST, "/sinks/estimate", "estimateSinks", "Estimate posted features (nothing"
                        + " stored) · 估算碳汇", "Sinks", List.of(crsParam, standard, gwp, year), List.of(MediaTypes.JSON), false,
                        MediaTypes.GEOJSON, 200, this::estimate),
                new ApiRoute("/sinks/summary", "getSinkSummary", "Sink totals by group, or the plan's path · 碳汇汇总", "Sinks",
                        List.of(by, scenario, standard, gwp, year, from, to, changeYear, layer, ApiParameter.query("f",
                                "json (default), csv, or html: a table for people (current scenario).",
                                n.objectNode().put("type", "string"))),
                        List.of(MediaTypes.JSON, MediaTypes.CSV, MediaTypes.HTML), false, this::summary),
                new ApiRoute(HandlerType.POST, "/sinks/recompute", "recomputeSinks", "Recompute a layer's stored estimates"
                        + " · 重新计算", "Sinks", List.of(layer), List.of(MediaTypes.JSON), false, null, 202, this::recompute)
                        .requiring(Role.ADMIN),
                new ApiRoute("/sinks/jobs/{jobId}", "getSinkJob", "Progress of a recompute · 计算进度", "Sinks",
                        List.of(ApiParameter.path("jobId", "Job id.", n.objectNode().put("type", "string"))),
                        List.of(MediaTypes.JSON), false, this::job).requiring(Role.ADMIN));
    }

    /** Starts a recompute of every sink layer whose stored estimates are missing or from another standard. */
    public void refreshStaleEstimates() {
        for (Map.Entry<String, Long> stale : upkeep.staleLayers().entrySet()) {
            LOG.info("{} features of {} have no estimate from {}: recomputing", stale.getValue(), stale.getKey(),
                    upkeep.current().standard().key());
            startRecompute(stale.getKey());
        }
    }

    private Jobs.Job startRecompute(String layerId) {
        return jobs.start("recompute:" + layerId, upkeep.size(layerId), progress -> {
            long n = upkeep.recompute(layerId, progress);
            return n + " features of " + layerId + " estimated with " + upkeep.current().standard().key();
        });
    }

    // ------------------------------------------------------------------------------------------------
    // Parameters

    private SinkStandard standardParam(Context ctx) {
        String ref = ctx.queryParam("standard");
        return upkeep.standards().find(ref).orElseThrow(() -> ApiProblem.badRequest("unknown standard '" + ref
                + "'; see /sinks/standards"));
    }

    private SinkStandard standardPath(Context ctx, String name) {
        String ref = ctx.pathParam(name);
        return upkeep.standards().find(ref).orElseThrow(() -> ApiProblem.notFound("no standard '" + ref + "'"));
    }

    /** The GWP set asked for, checked against the standard. */
    private static String gwpParam(Context ctx, SinkCalculator calc) {
        try {
            return calc.gwp(ctx.queryParam("gwp")).id();
        } catch (SinkInputException bad) {
            throw ApiProblem.badRequest("gwp: " + bad.getMessage());
        }
    }

    private static int yearParam(Context ctx, String name, int fallback) {
        Long y = QueryParameters.integer(ctx, name, SinkCalculator.FIRST_YEAR);
        if (y != null && y > SinkCalculator.LAST_YEAR) {
            throw ApiProblem.badRequest(name + " must be between " + SinkCalculator.FIRST_YEAR + " and " + SinkCalculator.LAST_YEAR
                    + ", not " + y);
        }
        return y == null ? fallback : y.intValue();
    }

    private LayerInfo sinkLayer(Context ctx) {
        String layerId = ctx.queryParam("layer") == null ? PARCELS : ctx.queryParam("layer");
        LayerInfo layer = access.visibleLayer(ctx, layerId);
        if (!SinkFields.isSinkLayer(layer)) throw ApiProblem.badRequest("layer '" + layerId + "' keeps no sink estimates");
        return layer;
    }

    // ------------------------------------------------------------------------------------------------
    // Standards

    private void standards(Context ctx) {
        QueryParameters.requireKnown(ctx, Set.of("f"));
        SinkStandard current = upkeep.standards().current();
        if (Format.of(ctx) == Format.HTML) {
            Responses.html(ctx, SinkPages.standards(urls.base(ctx), upkeep.standards().all(), current));
            return;
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode list = body.putArray("standards");
        for (SinkStandard s : upkeep.standards().all()) {
            list.add(SinkJson.standardSummary(s, s == current).put("href", urls.at(ctx, "/sinks/standards/" + s.key())));
        }
        Responses.json(ctx, body);
    }

    private void standard(Context ctx) {
        QueryParameters.requireKnown(ctx, Set.of("f"));
        SinkStandard s = standardPath(ctx, "standardId");
        boolean current = s == upkeep.standards().current();
        if (Format.of(ctx) == Format.HTML) {
            Responses.html(ctx, SinkPages.standard(urls.base(ctx), s, current));
            return;
        }
        Responses.json(ctx, SinkJson.standard(s, current));
    }

    private void sensitivity(Context ctx) {
        QueryParameters.requireKnown(ctx, Set.of("gwp", "layer"));
        SinkCalculator calc = upkeep.calculator(standardPath(ctx, "standardId"));
        String gwp = gwpParam(ctx, calc);
        LayerInfo layer = sinkLayer(ctx);
        int year = calc.standard().accountingYear();
        StratumAreas total = new SinkSummaries(store).total(layer.id(), calc);
        Sensitivity.Result r = Sensitivity.of(calc, total, year, gwp);
        Responses.json(ctx, SinkJson.sensitivity(calc.standard(), r, layer.id(), year, gwp, 30));
    }

    private void compare(Context ctx) {
        QueryParameters.requireKnown(ctx, Set.of("gwp", "layer"));
        SinkCalculator a = upkeep.calculator(standardPath(ctx, "standardId"));
        SinkCalculator b = upkeep.calculator(standardPath(ctx, "otherId"));
        // A GWP set one version lacks falls back to its own default (2026.1 has only its methane GWP).
        String gwp = ctx.queryParam("gwp");
        String gwpA = a.standard().gwp(gwp).isPresent() ? gwp : null;
        String gwpB = b.standard().gwp(gwp).isPresent() ? gwp : null;
        if (gwp != null && gwpA == null && gwpB == null) gwpParam(ctx, b);
        LayerInfo layer = sinkLayer(ctx);
        Responses.json(ctx, SinkJson.comparison(StandardComparison.of(new SinkSummaries(store), layer.id(), a, b, gwpA, gwpB),
                layer.id()));
    }

    // ------------------------------------------------------------------------------------------------
    // Parcels and posted features

    private Feature parcelFeature(Context ctx, LayerInfo layer) {
        String idText = ctx.pathParam("featureId");
        long id;
        try {
            id = Long.parseLong(idText);
        } catch (NumberFormatException e) {
            throw ApiProblem.notFound("no parcel '" + idText + "'");
        }
        return store.feature(layer.id(), id).orElseThrow(() -> ApiProblem.notFound("no parcel " + id));
    }

    private void parcel(Context ctx) {
        QueryParameters.requireKnown(ctx, Set.of("standard", "gwp", "year", "from", "to", "change_year"));
        SinkCalculator calc = upkeep.calculator(standardParam(ctx));
        String gwp = gwpParam(ctx, calc);
        int year = yearParam(ctx, "year", calc.standard().accountingYear());
        LayerInfo layer = access.visibleLayer(ctx, PARCELS);
        Feature f = parcelFeature(ctx, layer);
        ObjectNode body;
        try {
            SinkInput in = FeatureSinkInput.of(f);
            body = SinkJson.estimate(calc.estimate(in, year, gwp, true), calc.standard());
            if (in.planned() != null && ctx.queryParam("to") != null) {
                int from = yearParam(ctx, "from", year);
                int change = yearParam(ctx, "change_year", from);
                body.set("scenario", SinkJson.path(calc.path(calc.areas(in), calc.plannedAreas(in, change), from,
                        yearParam(ctx, "to", PATH_END), change, gwp)));
            }
        } catch (SinkInputException bad) {
            throw new SinkInputException("parcel " + f.id() + ": " + bad.getMessage());
        }
        body.putObject("feature").put("collection", layer.id()).put("id", f.id()).put("version", f.version())
                .put("href", urls.at(ctx, "/collections/" + layer.id() + "/items/" + f.id()))
                .put("report", urls.at(ctx, "/sinks/parcels/" + f.id() + "/report"));
        Responses.json(ctx, body);
    }

    private void report(Context ctx) {
        QueryParameters.requireKnown(ctx, Set.of("standard", "gwp", "year", "f"));
        SinkCalculator calc = upkeep.calculator(standardParam(ctx));
        String gwp = gwpParam(ctx, calc);
        int year = yearParam(ctx, "year", calc.standard().accountingYear());
        LayerInfo layer = access.visibleLayer(ctx, PARCELS);
        Feature f = parcelFeature(ctx, layer);
        ParcelReport r;
        try {
            r = ParcelReport.of(calc, f.geometry(), f.properties(), year, gwp);
        } catch (SinkInputException bad) {
            throw new SinkInputException("parcel " + f.id() + ": " + bad.getMessage());
        }
        if (Format.of(ctx) == Format.HTML) {
            Responses.html(ctx, SinkPages.report(urls.base(ctx), layer.id(), f.id(), r));
            return;
        }
        ObjectNode body = SinkJson.report(r);
        body.putObject("feature").put("collection", layer.id()).put("id", f.id()).put("version", f.version());
        Responses.json(ctx, body);
    }

    private void estimate(Context ctx) {
        QueryParameters.requireKnown(ctx, Set.of("crs", "standard", "gwp", "year"));
        SinkCalculator calc = upkeep.calculator(standardParam(ctx));
        String gwp = gwpParam(ctx, calc);
        int year = yearParam(ctx, "year", calc.standard().accountingYear());
        CrsDefinition bodyCrs = QueryParameters.crs(ctx, crs, "crs");
        List<GeoJsonFeatureReader.ReadFeature> features;
        try {
            JsonNode root = Json.MAPPER.readTree(ctx.bodyAsBytes());
            features = new GeoJsonFeatureReader().readAll(root);
        } catch (IOException e) {
            throw ApiProblem.badRequest("the body is not a GeoJSON Feature or FeatureCollection: " + e.getMessage());
        }
        if (features.isEmpty()) throw ApiProblem.badRequest("the FeatureCollection has no features");
        if (features.size() > MAX_FEATURES) {
            throw ApiProblem.tooLarge(features.size()
                    + " features posted; at most " + MAX_FEATURES + " per request");
        }
        ArrayNode out = Json.MAPPER.createArrayNode();
        StratumAreas total = new StratumAreas();
        for (int i = 0; i < features.size(); i++) {
            GeoJsonFeatureReader.ReadFeature rf = features.get(i);
            String which = features.size() == 1 ? "the feature" : "feature #" + i + (rf.id() == null ? "" : " (id " + rf.id() + ")");
            if (rf.geometry() == null) throw ApiProblem.badRequest(which + " has no geometry");
            Geometry g = crs.toStorage(rf.geometry(), bodyCrs);
            GeometryValidator.check(g).ifPresent(fault -> {
                throw ApiProblem.of(FaultKind.UNPROCESSABLE, which + ": invalid geometry: " + fault.describe()
                        + (bodyCrs == CrsService.CRS84 ? "" : " (in CRS84)"));
            });
            try {
                SinkInput in = FeatureSinkInput.of(g, rf.properties());
                ObjectNode node = SinkJson.estimate(calc.estimate(in, year, gwp, true), calc.standard());
                node.put("feature", i);
                if (rf.id() != null) node.put("id", rf.id().toString());
                out.add(node);
                total.add(calc.areas(in));
            } catch (SinkInputException bad) {
                throw new SinkInputException(which + ": " + bad.getMessage());
            }
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("headline", SinkJson.HEADLINE);
        body.putObject("standard").put("id", calc.standard().id()).put("version", calc.standard().version());
        body.put("crs", bodyCrs.uri());
        body.set("estimates", out);
        if (features.size() > 1) body.set("total", SinkJson.estimate(calc.estimate(total, year, gwp), calc.standard()));
        Responses.json(ctx, body);
    }

    // ------------------------------------------------------------------------------------------------
    // Summaries

    private void summary(Context ctx) {
        QueryParameters.requireKnown(ctx, Set.of("by", "scenario", "standard", "gwp", "year", "from", "to", "change_year", "layer",
                "f"));
        SinkCalculator calc = upkeep.calculator(standardParam(ctx));
        String gwp = gwpParam(ctx, calc);
        SinkSummaries.By by = byParam(ctx.queryParam("by"));
        String byText = by.name().toLowerCase(Locale.ROOT);
        String scenario = ctx.queryParam("scenario") == null ? "current" : ctx.queryParam("scenario");
        if (!scenario.equals("current") && !scenario.equals("planned")) {
            throw ApiProblem.badRequest("scenario must be current or planned, not '" + scenario + "'");
        }
        String f = ctx.queryParam("f") != null ? ctx.queryParam("f") : Format.of(ctx) == Format.HTML ? "html" : "json";
        if (!List.of("json", "csv", "html").contains(f)) throw ApiProblem.badRequest("f must be json, csv or html, not '" + f + "'");
        LayerInfo layer = sinkLayer(ctx);
        // Grouping by a layer's features shows their names: only by a layer the caller may see.
        if (by == SinkSummaries.By.ZONE) access.visibleLayer(ctx, SinkSummaries.ZONES_LAYER);
        if (by == SinkSummaries.By.PROJECT) access.visibleLayer(ctx, SinkSummaries.PROJECTS_LAYER);
        SinkSummaries summaries = new SinkSummaries(store);
        int accounting = calc.standard().accountingYear();
        if (scenario.equals("planned")) {
            int from = yearParam(ctx, "from", accounting);
            int to = yearParam(ctx, "to", PATH_END);
            if (to < from) throw ApiProblem.badRequest("to (" + to + ") is before from (" + from + ")");
            int change = yearParam(ctx, "change_year", from);
            if (f.equals("html")) throw ApiProblem.notAcceptable("the planned path is given as json or csv; f=html shows the current scenario");
            SinkSummaries.Plan plan = summaries.plan(layer.id(), by, calc, from, to, change, gwp);
            if (f.equals("csv")) {
                csv(ctx, "sink-plan-" + byText + ".csv", SummaryCsv.plan(plan, calc.standard()));
                return;
            }
            ObjectNode body = header(layer, byText, scenario, calc, gwp);
            ArrayNode groups = body.putArray("groups");
            for (SinkSummaries.GroupPath g : plan.groups()) {
                groups.addObject().put("key", g.key()).put("features", Json.round(g.features(), 3)).set("path", SinkJson.path(g.path()));
            }
            body.putObject("total").set("path", SinkJson.path(plan.total()));
            body.put("unestimated_features", plan.unestimated());
            Responses.json(ctx, body);
            return;
        }
        int year = yearParam(ctx, "year", accounting);
        SinkSummaries.Summary s = summaries.summary(layer.id(), by, calc, year, gwp);
        if (f.equals("csv")) {
            csv(ctx, "sink-summary-" + byText + "-" + year + ".csv", SummaryCsv.summary(s, calc.standard()));
            return;
        }
        if (f.equals("html")) {
            // For people: the grouping asked, or, without one, the zone by district, key zone and land cover.
            List<SinkPages.Section> sections = new ArrayList<>();
            List<SinkSummaries.By> groupings = ctx.queryParam("by") != null ? List.of(by)
                    : List.of(SinkSummaries.By.DISTRICT, SinkSummaries.By.ZONE, SinkSummaries.By.LANDCOVER);
            for (SinkSummaries.By grouping : groupings) {
                if (grouping == SinkSummaries.By.ZONE && !canSee(ctx, SinkSummaries.ZONES_LAYER)) continue;
                SinkSummaries.Summary section = grouping == by ? s : summaries.summary(layer.id(), grouping, calc, year, gwp);
                sections.add(new SinkPages.Section(GROUPING_TITLES.get(grouping), grouping.name().toLowerCase(Locale.ROOT),
                        section));
            }
            Responses.html(ctx, SinkPages.summary(urls.base(ctx), layer.id(), sections, calc.standard()));
            return;
        }
        ObjectNode body = header(layer, byText, scenario, calc, gwp).put("year", year);
        ArrayNode groups = body.putArray("groups");
        for (SinkSummaries.Group g : s.groups()) {
            ObjectNode node = SinkJson.estimate(g.estimate(), calc.standard());
            for (String k : List.of("standard", "headline", "gwp", "year")) node.remove(k);
            ObjectNode row = groups.addObject();
            row.put("key", g.key());
            row.put("features", Json.round(g.features(), 3));
            row.setAll(node);
        }
        ObjectNode total = SinkJson.estimate(s.total(), calc.standard());
        for (String k : List.of("standard", "headline", "gwp", "year")) total.remove(k);
        body.set("total", total);
        body.put("unestimated_features", s.unestimated());
        Responses.json(ctx, body);
    }

    private static final Map<SinkSummaries.By, Localized> GROUPING_TITLES = Map.of(
            SinkSummaries.By.DISTRICT, Localized.of("按区县", "By district"),
            SinkSummaries.By.ZONE, Localized.of("按重点区域", "By key zone"),
            SinkSummaries.By.PROJECT, Localized.of("按碳汇项目", "By sink project"),
            SinkSummaries.By.LANDCOVER, Localized.of("按地类", "By land cover"));

    /** Whether the caller may see a layer (a grouping by it names its features). */
    private boolean canSee(Context ctx, String layerId) {
        try {
            access.visibleLayer(ctx, layerId);
            return true;
        } catch (ApiProblem hidden) {
            return false;
        }
    }

    /** The grouping asked: district (default), zone (also key-zone, key_zone), project or landcover (land-cover). */
    private static SinkSummaries.By byParam(String text) {
        if (text == null) return SinkSummaries.By.DISTRICT;
        switch (text.strip().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "district": return SinkSummaries.By.DISTRICT;
            case "zone", "key-zone": return SinkSummaries.By.ZONE;
            case "project", "sink-project": return SinkSummaries.By.PROJECT;
            case "landcover", "land-cover": return SinkSummaries.By.LANDCOVER;
            default: throw ApiProblem.badRequest("by must be district, zone (key-zone), project or landcover, not '" + text + "'");
        }
    }

    private static ObjectNode header(LayerInfo layer, String by, String scenario, SinkCalculator calc, String gwp) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("layer", layer.id()).put("by", by).put("scenario", scenario).put("headline", SinkJson.HEADLINE);
        body.putObject("standard").put("id", calc.standard().id()).put("version", calc.standard().version());
        body.set("gwp", SinkJson.gwp(calc.gwp(gwp)));
        return body;
    }

    private static void csv(Context ctx, String fileName, String body) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        Responses.text(ctx, Csv.MEDIA_TYPE, body);
    }

    // ------------------------------------------------------------------------------------------------
    // Recompute jobs

    private void recompute(Context ctx) {
        QueryParameters.requireKnown(ctx, Set.of("layer"));
        String layerId = ctx.queryParam("layer") == null ? PARCELS : ctx.queryParam("layer");
        LayerInfo layer = store.layer(layerId).orElseThrow(() -> ApiProblem.notFound("no layer '" + layerId + "'"));
        if (!SinkFields.isSinkLayer(layer)) throw ApiProblem.badRequest("layer '" + layerId + "' keeps no sink estimates");
        Jobs.Job job = startRecompute(layerId);
        ctx.status(202);
        ctx.header("Location", urls.at(ctx, "/sinks/jobs/" + job.id()));
        Responses.json(ctx, jobJson(ctx, job));
    }

    private void job(Context ctx) {
        QueryParameters.requireKnown(ctx, Set.of());
        Jobs.Job job = jobs.find(ctx.pathParam("jobId")).orElseThrow(() -> ApiProblem.notFound("no job '"
                + ctx.pathParam("jobId") + "'"));
        Responses.json(ctx, jobJson(ctx, job));
    }

    private ObjectNode jobJson(Context ctx, Jobs.Job job) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("id", job.id()).put("kind", job.kind()).put("state", job.state());
        o.put("percent", Json.round(job.percent(), 1)).put("done", job.done()).put("total", job.total());
        o.put("message", job.message()).put("started", job.started().toString());
        if (job.finished() != null) o.put("finished", job.finished().toString());
        o.put("href", urls.at(ctx, "/sinks/jobs/" + job.id()));
        return o;
    }
}
