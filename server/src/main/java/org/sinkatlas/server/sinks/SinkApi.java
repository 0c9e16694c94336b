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
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Geometry;
import org.sinkatlas.layers.crs.CrsDefinition;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.crs.UnknownCrsException;
import org.sinkatlas.layers.format.GeoJsonFeatureReader;
import org.sinkatlas.layers.geom.GeometryValidator;
import org.sinkatlas.layers.model.Feature;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.SinkFields;
import org.sinkatlas.layers.store.FeatureWriter;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.server.auth.Access;
import org.sinkatlas.server.auth.Role;
import org.sinkatlas.server.html.HtmlPages;
import org.sinkatlas.server.http.ApiParameter;
import org.sinkatlas.server.http.ApiProblem;
import org.sinkatlas.server.http.ApiRoute;
import org.sinkatlas.server.http.Csv;
import org.sinkatlas.server.http.Format;
import org.sinkatlas.server.http.Json;
import org.sinkatlas.server.http.MediaTypes;
import org.sinkatlas.server.http.QueryParameters;
import org.sinkatlas.server.http.Responses;
import org.sinkatlas.server.http.Urls;
import org.sinkatlas.sink.calc.SinkCalculator;
import org.sinkatlas.sink.calc.SinkEstimate;
import org.sinkatlas.sink.calc.SinkInput;
import org.sinkatlas.sink.calc.SinkInputException;
import org.sinkatlas.sink.calc.UnitAreas;
import org.sinkatlas.sink.layers.FeatureSinkInput;
import org.sinkatlas.sink.layers.SinkSummaries;
import org.sinkatlas.sink.layers.StoredEstimates;
import org.sinkatlas.sink.standard.SinkStandard;
import org.sinkatlas.sink.standard.StandardCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink API: the released standards, a parcel's full estimate, estimates of posted features (nothing
 * stored), summaries by district, key zone, project or land cover for the current or planned land cover,
 * and the recompute of a layer's stored estimates as a job with progress.
 */
public final class SinkApi {

    private static final Logger LOG = LoggerFactory.getLogger(SinkApi.class);

    /** The sink layer the parcel routes read. */
    public static final String PARCELS = "parcels";
    /** Most features one estimate request may post. */
    public static final int MAX_FEATURES = 10_000;

    private final LayerStore store;
    private final StandardCatalog standards;
    private final CrsService crs;
    private final Urls urls;
    private final HtmlPages html;
    private final Jobs jobs;
    private final Map<String, SinkCalculator> calculators = new ConcurrentHashMap<>();
    private final Access access;

    public SinkApi(LayerStore store, StandardCatalog standards, CrsService crs, Urls urls, HtmlPages html, Jobs jobs,
            Access access) {
        this.store = store;
        this.access = access;
        this.standards = standards;
        this.crs = crs;
        this.urls = urls;
        this.html = html;
        this.jobs = jobs;
    }

    /** The calculator of a standard (made once: it holds the standard's Monte Carlo draws). */
    public SinkCalculator calculator(SinkStandard standard) {
        return calculators.computeIfAbsent(standard.key(), k -> new SinkCalculator(standard));
    }

    public List<ApiRoute> routes() {
        JsonNodeFactory n = JsonNodeFactory.instance;
        ApiParameter f = ApiParameter.query("f", "Response format: json or html.", n.objectNode().put("type", "string"));
        ApiParameter standard = ApiParameter.query("standard", "Standard to use: id@version (default: the current one).",
                n.objectNode().put("type", "string"));
        ApiParameter crsParam = ApiParameter.query("crs", "CRS of the posted coordinates (OGC URI; default CRS84).",
                n.objectNode().put("type", "string"));
        ApiParameter by = ApiParameter.query("by", "Grouping: district, zone, project or landcover.",
                n.objectNode().put("type", "string").set("enum", n.arrayNode().add("district").add("zone").add("project")
                        .add("landcover")));
        ApiParameter scenario = ApiParameter.query("scenario", "current (default) or planned (planned land cover where"
                + " a parcel has one).", n.objectNode().put("type", "string").set("enum", n.arrayNode().add("current")
                        .add("planned")));
        ApiParameter summaryFormat = ApiParameter.query("f", "json (default) or csv.", n.objectNode().put("type", "string"));
        ApiParameter layer = ApiParameter.query("layer", "Sink layer (default: parcels).", n.objectNode().put("type", "string"));
        return List.of(
                new ApiRoute("/sinks/standards", "getSinkStandards", "Released sink standards · 碳汇标准版本", "Sinks",
                        List.of(f), List.of(MediaTypes.JSON, MediaTypes.HTML), false, this::standards),
                new ApiRoute("/sinks/standards/{standardId}", "getSinkStandard", "A sink standard, with sources · 碳汇标准",
                        "Sinks", List.of(ApiParameter.path("standardId", "id@version, e.g. yrd-ess@2026.1",
                                n.objectNode().put("type", "string")), f),
                        List.of(MediaTypes.JSON, MediaTypes.HTML), false, this::standard),
                new ApiRoute("/sinks/parcels/{featureId}", "getParcelSink", "A parcel's sink estimate, explained · 地块碳汇",
                        "Sinks", List.of(ApiParameter.path("featureId", "Parcel id.", n.objectNode().put("type", "integer")),
                                standard), List.of(MediaTypes.JSON), false, this::parcel),
                new ApiRoute(HandlerType.POST, "/sinks/estimate", "estimateSinks", "Estimate posted features (nothing"
                        + " stored) · 估算碳汇", "Sinks", List.of(crsParam, standard), List.of(MediaTypes.JSON), false,
                        MediaTypes.GEOJSON, 200, this::estimate),
                new ApiRoute("/sinks/summary", "getSinkSummary", "Sink totals by group · 碳汇汇总", "Sinks",
                        List.of(by, scenario, standard, layer, summaryFormat), List.of(MediaTypes.JSON, MediaTypes.CSV), false,
                        this::summary),
                new ApiRoute(HandlerType.POST, "/sinks/recompute", "recomputeSinks", "Recompute a layer's stored estimates"
                        + " · 重新计算", "Sinks", List.of(layer), List.of(MediaTypes.JSON), false, null, 202, this::recompute)
                        .requiring(Role.ADMIN),
                new ApiRoute("/sinks/jobs/{jobId}", "getSinkJob", "Progress of a recompute · 计算进度", "Sinks",
                        List.of(ApiParameter.path("jobId", "Job id.", n.objectNode().put("type", "string"))),
                        List.of(MediaTypes.JSON), false, this::job).requiring(Role.ADMIN));
    }

    /** Stores a just-written feature's estimate in the write's own transaction (sink layers only). */
    public void estimateWritten(FeatureWriter writer, LayerInfo layer, Feature written) {
        if (!SinkFields.isSinkLayer(layer)) return;
        writer.annotate(layer.id(), written.id(), StoredEstimates.valuesFor(calculator(standards.current()), written));
    }

    /** Starts a recompute of every sink layer whose stored estimates are missing or from another standard. */
    public void refreshStaleEstimates() {
        SinkCalculator calc = calculator(standards.current());
        for (LayerInfo layer : store.layers()) {
            if (!SinkFields.isSinkLayer(layer)) continue;
            long stale = StoredEstimates.stale(store, layer.id(), calc);
            if (stale == 0) continue;
            LOG.info("{} features of {} have no estimate from {}: recomputing", stale, layer.id(), calc.standard().key());
            startRecompute(layer.id(), calc);
        }
    }

    private Jobs.Job startRecompute(String layerId, SinkCalculator calc) {
        long total = store.count(layerId, org.sinkatlas.layers.filter.Filter.ALL);
        return jobs.start("recompute:" + layerId, total, progress -> {
            long n = StoredEstimates.recompute(store, layerId, calc, progress);
            return n + " features of " + layerId + " estimated with " + calc.standard().key();
        });
    }

    // ------------------------------------------------------------------------------------------------

    private SinkStandard standardParam(Context ctx) {
        String ref = ctx.queryParam("standard");
        return standards.find(ref).orElseThrow(() -> ApiProblem.badRequest("unknown standard '" + ref + "'; see /sinks/standards"));
    }

    private void standards(Context ctx) {
        QueryParameters.requireKnown(ctx, Set.of("f"));
        if (Format.of(ctx) == Format.HTML) {
            html(ctx, html.standards(urls.base(ctx), standards.all(), standards.current()));
            return;
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode list = body.putArray("standards");
        for (SinkStandard s : standards.all()) {
            list.add(SinkJson.standardSummary(s, s == standards.current()).put("href",
                    urls.at(ctx, "/sinks/standards/" + s.key())));
        }
        json(ctx, body);
    }

    private void standard(Context ctx) {
        QueryParameters.requireKnown(ctx, Set.of("f"));
        String ref = ctx.pathParam("standardId");
        SinkStandard s = standards.find(ref).orElseThrow(() -> ApiProblem.notFound("no standard '" + ref + "'"));
        if (Format.of(ctx) == Format.HTML) {
            html(ctx, html.standard(urls.base(ctx), s, s == standards.current()));
            return;
        }
        json(ctx, SinkJson.standard(s, s == standards.current()));
    }

    private void parcel(Context ctx) {
        QueryParameters.requireKnown(ctx, Set.of("standard"));
        SinkStandard standard = standardParam(ctx);
        String idText = ctx.pathParam("featureId");
        long id;
        try {
            id = Long.parseLong(idText);
        } catch (NumberFormatException e) {
            throw ApiProblem.notFound("no parcel '" + idText + "'");
        }
        LayerInfo layer = access.visibleLayer(ctx, PARCELS);
        Feature f = store.feature(layer.id(), id).orElseThrow(() -> ApiProblem.notFound("no parcel " + id));
        SinkEstimate e;
        try {
            e = calculator(standard).estimate(FeatureSinkInput.of(f), true);
        } catch (SinkInputException bad) {
            throw new ApiProblem(422, "NotEstimable", "Parcel cannot be estimated · 无法估算", "parcel " + id + ": "
                    + bad.getMessage());
        }
        ObjectNode body = SinkJson.estimate(e);
        body.putObject("feature").put("collection", layer.id()).put("id", f.id()).put("version", f.version())
                .put("href", urls.at(ctx, "/collections/" + layer.id() + "/items/" + f.id()));
        json(ctx, body);
    }

    private void estimate(Context ctx) {
        QueryParameters.requireKnown(ctx, Set.of("crs", "standard"));
        SinkStandard standard = standardParam(ctx);
        CrsDefinition bodyCrs;
        try {
            bodyCrs = ctx.queryParam("crs") == null ? CrsService.CRS84 : crs.require(ctx.queryParam("crs"));
        } catch (UnknownCrsException e) {
            throw ApiProblem.badRequest("crs: " + e.getMessage());
        }
        List<GeoJsonFeatureReader.ReadFeature> features;
        try {
            JsonNode root = Json.MAPPER.readTree(ctx.bodyAsBytes());
            features = new GeoJsonFeatureReader().readAll(root);
        } catch (IOException e) {
            throw ApiProblem.badRequest("the body is not a GeoJSON Feature or FeatureCollection: " + e.getMessage());
        }
        if (features.isEmpty()) throw ApiProblem.badRequest("the FeatureCollection has no features");
        if (features.size() > MAX_FEATURES) {
            throw new ApiProblem(413, "ContentTooLarge", "Too many features · 要素过多", features.size()
                    + " features posted; at most " + MAX_FEATURES + " per request");
        }
        SinkCalculator calc = calculator(standard);
        ArrayNode out = Json.MAPPER.createArrayNode();
        UnitAreas total = new UnitAreas(calc.units());
        for (int i = 0; i < features.size(); i++) {
            GeoJsonFeatureReader.ReadFeature rf = features.get(i);
            String which = features.size() == 1 ? "the feature" : "feature #" + i + (rf.id() == null ? "" : " (id " + rf.id() + ")");
            if (rf.geometry() == null) throw ApiProblem.badRequest(which + " has no geometry");
            Geometry g = crs.toStorage(rf.geometry(), bodyCrs);
            GeometryValidator.check(g).ifPresent(fault -> {
                throw ApiProblem.badRequest(which + ": invalid geometry: " + fault.describe()
                        + (bodyCrs == CrsService.CRS84 ? "" : " (in CRS84)"));
            });
            try {
                SinkInput in = FeatureSinkInput.of(g, rf.properties());
                SinkEstimate e = calc.estimate(in, true);
                ObjectNode node = SinkJson.estimate(e);
                node.put("feature", i);
                if (rf.id() != null) node.put("id", rf.id().toString());
                out.add(node);
                total.add(calc.areas(in));
            } catch (SinkInputException bad) {
                throw ApiProblem.badRequest(which + ": " + bad.getMessage());
            }
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.putObject("standard").put("id", standard.id()).put("version", standard.version());
        body.put("crs", bodyCrs.uri());
        body.set("estimates", out);
        if (features.size() > 1) body.set("total", SinkJson.estimate(calc.estimate(total)));
        json(ctx, body);
    }

    private void summary(Context ctx) {
        QueryParameters.requireKnown(ctx, Set.of("by", "scenario", "standard", "layer", "f"));
        SinkStandard standard = standardParam(ctx);
        String byText = ctx.queryParam("by") == null ? "district" : ctx.queryParam("by");
        SinkSummaries.By by;
        try {
            by = SinkSummaries.By.valueOf(byText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("by must be district, zone, project or landcover, not '" + byText + "'");
        }
        String scenario = ctx.queryParam("scenario") == null ? "current" : ctx.queryParam("scenario");
        if (!scenario.equals("current") && !scenario.equals("planned")) {
            throw ApiProblem.badRequest("scenario must be current or planned, not '" + scenario + "'");
        }
        String f = ctx.queryParam("f") == null ? "json" : ctx.queryParam("f");
        if (!f.equals("json") && !f.equals("csv")) throw ApiProblem.badRequest("f must be json or csv, not '" + f + "'");
        String layerId = ctx.queryParam("layer") == null ? PARCELS : ctx.queryParam("layer");
        LayerInfo layer = access.visibleLayer(ctx, layerId);
        if (!SinkFields.isSinkLayer(layer)) throw ApiProblem.badRequest("layer '" + layerId + "' keeps no sink estimates");
        // Grouping by a layer's features shows their names: only by a layer the caller may see.
        if (by == SinkSummaries.By.ZONE) access.visibleLayer(ctx, SinkSummaries.ZONES_LAYER);
        if (by == SinkSummaries.By.PROJECT) access.visibleLayer(ctx, SinkSummaries.PROJECTS_LAYER);
        SinkSummaries.Summary s = new SinkSummaries(store).summary(layerId, by, scenario.equals("planned"), calculator(standard));
        if (f.equals("csv")) {
            ctx.header("Content-Disposition", "attachment; filename=\"sink-summary-" + byText + "-" + scenario + ".csv\"");
            Responses.text(ctx, Csv.MEDIA_TYPE, SummaryCsv.write(s));
            return;
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("layer", layerId).put("by", byText).put("scenario", scenario);
        body.putObject("standard").put("id", standard.id()).put("version", standard.version());
        ArrayNode groups = body.putArray("groups");
        for (SinkSummaries.Group g : s.groups()) {
            ObjectNode node = SinkJson.estimate(g.estimate());
            node.remove("standard");
            ObjectNode row = groups.addObject();
            row.put("key", g.key());
            row.put("features", Json.round(g.features(), 3));
            row.setAll(node);
        }
        ObjectNode total = SinkJson.estimate(s.total());
        total.remove("standard");
        body.set("total", total);
        if (s.change() != null) body.set("change", SinkJson.scenario(s.change()));
        body.put("unestimated_features", s.unestimated());
        json(ctx, body);
    }

    private void recompute(Context ctx) {
        QueryParameters.requireKnown(ctx, Set.of("layer"));
        String layerId = ctx.queryParam("layer") == null ? PARCELS : ctx.queryParam("layer");
        LayerInfo layer = store.layer(layerId).orElseThrow(() -> ApiProblem.notFound("no layer '" + layerId + "'"));
        if (!SinkFields.isSinkLayer(layer)) throw ApiProblem.badRequest("layer '" + layerId + "' keeps no sink estimates");
        Jobs.Job job = startRecompute(layerId, calculator(standards.current()));
        ctx.status(202);
        ctx.header("Location", urls.at(ctx, "/sinks/jobs/" + job.id()));
        json(ctx, jobJson(ctx, job));
    }

    private void job(Context ctx) {
        QueryParameters.requireKnown(ctx, Set.of());
        Jobs.Job job = jobs.find(ctx.pathParam("jobId")).orElseThrow(() -> ApiProblem.notFound("no job '"
                + ctx.pathParam("jobId") + "'"));
        json(ctx, jobJson(ctx, job));
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

    private static void json(Context ctx, Object body) {
        Responses.json(ctx, body);
    }

    private static void html(Context ctx, String page) {
        Responses.html(ctx, page);
    }

    /** For the summary CSV. */
    static List<String> csvHeader() {
        return new ArrayList<>(List.of("key", "features", "area_m2", "stock_tc", "removal_tco2e_p5", "removal_tco2e_p50",
                "removal_tco2e_p95", "methane_tco2e_p50", "net_tco2e_p5", "net_tco2e_p50", "net_tco2e_p95", "net_tco2e_central"));
    }
}
