package org.sinkatlas.server.admin;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sinkatlas.layers.crs.CrsDefinition;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.format.FeatureSource;
import org.sinkatlas.layers.format.SourceOptions;
import org.sinkatlas.layers.format.TemporaryFolders;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.transfer.FeatureFormat;
import org.sinkatlas.layers.transfer.ImportReport;
import org.sinkatlas.layers.transfer.LayerImport;
import org.sinkatlas.server.auth.Access;
import org.sinkatlas.server.auth.AuditLog;
import org.sinkatlas.server.auth.Principal;
import org.sinkatlas.server.http.ApiParameter;
import org.sinkatlas.server.http.ApiProblem;
import org.sinkatlas.server.http.ApiRoute;
import org.sinkatlas.server.http.Json;
import org.sinkatlas.server.http.MediaTypes;
import org.sinkatlas.server.http.QueryParameters;
import org.sinkatlas.server.http.RequestBodies;
import org.sinkatlas.server.http.Responses;
import org.sinkatlas.server.http.Role;
import org.sinkatlas.server.http.Urls;
import org.sinkatlas.server.sinks.Jobs;

/**
 * File uploads into a layer, for admins: {@code POST /admin/layers/{layerId}/imports} with the file as the body
 * (GeoJSON, GeoPackage, Shapefile zip or CSV, by {@code format} or the Content-Type) starts an import job, all
 * or nothing, and {@code GET /admin/layers/{layerId}/imports/{importId}} gives its percent and, when it ends, the
 * import report. A file that cannot be read at all is refused at once with 400 and its reason. One import
 * into a layer runs at a time.
 */
public final class LayerImportsApi {

    /** How many finished imports keep their reports for polling. */
    private static final int KEPT_REPORTS = 200;

    /** RFC 6266 file names: {@code filename*=UTF-8''<percent-encoded>} (any language), or a plain {@code filename}. */
    private static final Pattern FILENAME_UTF8 = Pattern.compile("filename\\*=UTF-8''([^;\\s]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern FILENAME = Pattern.compile("filename=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);

    private final LayerStore store;
    private final CrsService crs;
    private final Urls urls;
    private final Jobs jobs;
    private final Runnable afterImport;
    private final Map<String, AtomicReference<ImportReport>> reports = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, AtomicReference<ImportReport>> eldest) {
            return size() > KEPT_REPORTS;
        }
    };

    /** @param afterImport run after an import was committed (e.g. to estimate the sinks of new parcels) */
    public LayerImportsApi(LayerStore store, CrsService crs, Urls urls, Jobs jobs, Runnable afterImport) {
        this.store = store;
        this.crs = crs;
        this.urls = urls;
        this.jobs = jobs;
        this.afterImport = afterImport;
    }

    public List<ApiRoute> routes() {
        JsonNodeFactory n = JsonNodeFactory.instance;
        ApiParameter layerId = ApiParameter.path("layerId", "Layer (collection) id.", n.objectNode().put("type", "string"));
        ApiParameter importId = ApiParameter.path("importId", "Import (job) id, from the upload's answer.", n.objectNode().put("type", "string"));
        List<ApiParameter> params = List.of(layerId,
                ApiParameter.query("format", "geojson, gpkg, shp (a zip) or csv; default: from the Content-Type"
                        + " (application/geo+json, application/geopackage+sqlite3, application/zip, text/csv).",
                        n.objectNode().put("type", "string").set("enum", n.arrayNode().add("geojson").add("gpkg").add("shp")
                                .add("csv"))),
                ApiParameter.query("crs", "CRS of the coordinates when the file does not say (CSV, GeoJSON without crs,"
                        + " shapefile without .prj), e.g. EPSG:4549; coordinates are east, north.", n.objectNode()
                        .put("type", "string")),
                ApiParameter.query("encoding", "Text encoding of a CSV or shapefile, overriding its .cpg (GBK, UTF-8 ...).",
                        n.objectNode().put("type", "string")),
                ApiParameter.query("part", "Which table of a GeoPackage, or shapefile of a zip, holding several.",
                        n.objectNode().put("type", "string")),
                ApiParameter.query("repair", "Repair invalid geometries (JTS GeometryFixer) instead of rejecting them.",
                        n.objectNode().put("type", "boolean").put("default", false)),
                ApiParameter.query("ignore-unknown", "Leave out columns the layer does not have instead of refusing.",
                        n.objectNode().put("type", "boolean").put("default", false)),
                ApiParameter.query("drop-heights", "Drop the heights (z) of 3D coordinates; without it a feature with"
                        + " heights other than 0 is rejected, since layers hold 2D geometries.",
                        n.objectNode().put("type", "boolean").put("default", false)),
                ApiParameter.query("dry-run", "Check everything, write nothing.",
                        n.objectNode().put("type", "boolean").put("default", false)));
        return List.of(
                new ApiRoute(HandlerType.POST, "/admin/layers/{layerId}/imports", "importIntoLayer", "Import a file into a"
                        + " layer, all or nothing (a job) · 导入文件", "Admin", params, List.of(MediaTypes.JSON), false,
                        "application/octet-stream", 202, this::upload).requiring(Role.ADMIN),
                new ApiRoute("/admin/layers/{layerId}/imports/{importId}", "getLayerImport", "Progress and report of an import"
                        + " · 导入进度与报告", "Admin", List.of(layerId, importId), List.of(MediaTypes.JSON), false, this::job)
                        .requiring(Role.ADMIN));
    }

    private void upload(Context ctx) {
        Principal admin = Access.caller(ctx);
        QueryParameters.requireKnown(ctx, Set.of("format", "crs", "encoding", "part", "repair", "ignore-unknown", "drop-heights",
                "dry-run"));
        LayerInfo layer = store.layer(ctx.pathParam("layerId"))
                .orElseThrow(() -> ApiProblem.notFound("no layer '" + ctx.pathParam("layerId") + "'; see /admin/layers"));
        FeatureFormat format = format(ctx);
        SourceOptions options = options(ctx);
        LayerImport.Options how = new LayerImport.Options(flag(ctx, "repair"), flag(ctx, "ignore-unknown"),
                flag(ctx, "dry-run"), admin.name(), flag(ctx, "drop-heights"));
        String kind = "import:" + layer.id();
        jobs.running(kind).ifPresent(j -> {
            throw ApiProblem.conflict("an import into layer " + layer.id()
                    + " is running (job " + j.id() + ", " + Math.round(j.percent()) + "%); wait for it to end");
        });
        Path dir;
        try {
            dir = TemporaryFolders.create("upload");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FeatureSource source;
        try {
            Path file = dir.resolve(fileName(ctx, format));
            saveBody(ctx, file);
            source = format.open(file, options, crs);
        } catch (RuntimeException e) {
            TemporaryFolders.delete(dir);
            throw e;
        }
        AtomicReference<ImportReport> result = new AtomicReference<>();
        Jobs.Job job = jobs.start(kind, Math.max(0, source.count()), progress -> {
            try (source) {
                ImportReport report = new LayerImport(store, crs).run(layer.id(), source, how,
                        (read, total) -> progress.accept(read));
                result.set(report);
                if (report.committed()) {
                    AuditLog.append(store, admin, "layer.import", layer.id(), String.format(Locale.ROOT,
                            "%s: %d features written, %d repaired", report.source(), report.written(), report.repaired()));
                    afterImport.run();
                }
                return summary(report);
            } finally {
                TemporaryFolders.delete(dir);
            }
        });
        synchronized (reports) {
            reports.put(job.id(), result);
        }
        String href = urls.at(ctx, "/admin/layers/" + layer.id() + "/imports/" + job.id());
        ctx.status(202);
        ctx.header("Location", href);
        Responses.json(ctx, jobJson(job, layer.id(), href, result.get()));
    }

    private void job(Context ctx) {
        QueryParameters.requireKnown(ctx, Set.of());
        String layerId = ctx.pathParam("layerId");
        String id = ctx.pathParam("importId");
        Jobs.Job job = jobs.find(id).filter(j -> j.kind().equals("import:" + layerId))
                .orElseThrow(() -> ApiProblem.notFound("no import '" + id + "' into layer " + layerId));
        AtomicReference<ImportReport> result;
        synchronized (reports) {
            result = reports.get(job.id());
        }
        Responses.json(ctx, jobJson(job, layerId, urls.at(ctx, ctx.path()), result == null ? null : result.get()));
    }

    private static ObjectNode jobJson(Jobs.Job job, String layerId, String href, ImportReport report) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("id", job.id()).put("layer", layerId).put("state", job.state());
        o.put("percent", Math.round(job.percent() * 10) / 10.0).put("done", job.done()).put("total", job.total());
        o.put("message", job.message()).put("started", job.started().toString());
        if (job.finished() != null) o.put("finished", job.finished().toString());
        o.put("href", href);
        if (report != null && job.finished() != null) o.set("report", Json.MAPPER.valueToTree(report));
        return o;
    }

    private static String summary(ImportReport r) {
        if (r.refusal() != null) return "not imported: " + r.refusal();
        String counts = String.format(Locale.ROOT, "read %d, written %d, rejected %d, repaired %d", r.read(), r.written(),
                r.rejected(), r.repaired());
        if (r.dryRun()) return (r.ok() ? "dry run: can be imported" : "dry run: would be refused") + " (" + counts + ")";
        return (r.committed() ? "imported" : "not imported: features were rejected, nothing was written") + " (" + counts + ")";
    }

    private static FeatureFormat format(Context ctx) {
        String f = ctx.queryParam("format");
        if (f != null) {
            return FeatureFormat.byName(f).orElseThrow(() -> ApiProblem.badRequest("format must be geojson, gpkg, shp"
                    + " or csv, not '" + f + "'"));
        }
        String type = ctx.contentType() == null ? "" : ctx.contentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
        for (FeatureFormat x : FeatureFormat.values()) {
            if (x.mediaType().split(";")[0].equals(type)) return x;
        }
        if (type.equals(MediaTypes.JSON)) return FeatureFormat.GEOJSON;
        throw ApiProblem.unsupportedMediaType("send the file as"
                + " application/geo+json, application/geopackage+sqlite3, application/zip (a shapefile) or text/csv,"
                + " or say format=geojson|gpkg|shp|csv; got '" + type + "'");
    }

    private SourceOptions options(Context ctx) {
        // Absent means: the file's own CRS.
        CrsDefinition given = ctx.queryParam("crs") == null ? null : QueryParameters.crs(ctx, crs, "crs");
        Charset charset = null;
        if (ctx.queryParam("encoding") != null) {
            try {
                charset = Charset.forName(ctx.queryParam("encoding"));
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw ApiProblem.badRequest("encoding: unknown encoding '" + ctx.queryParam("encoding") + "'");
            }
        }
        return new SourceOptions(given, charset, ctx.queryParam("part"));
    }

    private static boolean flag(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null) return false;
        if (v.equalsIgnoreCase("true") || v.isEmpty()) return true;
        if (v.equalsIgnoreCase("false")) return false;
        throw ApiProblem.badRequest(name + " must be true or false, not '" + v + "'");
    }

    /** The uploaded file's own name (from Content-Disposition) for messages, else upload.<ext>; never a path. */
    private static String fileName(Context ctx, FeatureFormat format) {
        String header = ctx.header("Content-Disposition");
        if (header != null) {
            Matcher utf8 = FILENAME_UTF8.matcher(header);
            Matcher plain = FILENAME.matcher(header);
            String given = null;
            if (utf8.find()) {
                try {
                    given = java.net.URLDecoder.decode(utf8.group(1).replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    given = null;
                }
            }
            if (given == null && plain.find()) given = plain.group(1);
            if (given != null) {
                String name = given.replaceAll(".*[/\\\\]", "").replaceAll("[\\x00-\\x1f]", "").strip();
                if (!name.isEmpty() && !name.startsWith(".")) {
                    return FeatureFormat.byFileName(name).isPresent() ? name : name + format.extension();
                }
            }
        }
        return "upload" + format.extension();
    }

    /** Saves the body, at most {@link RequestBodies#MAX_BYTES}. */
    private static void saveBody(Context ctx, Path file) {
        long saved = 0;
        try (InputStream in = ctx.bodyInputStream(); OutputStream out = Files.newOutputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                saved += n;
                if (saved > RequestBodies.MAX_BYTES) {
                    throw ApiProblem.tooLarge(String.format(
                            "the file has more than %,d bytes; import larger files with the command line",
                            RequestBodies.MAX_BYTES));
                }
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            throw ApiProblem.badRequest("the file could not be received: " + e.getMessage());
        }
        if (saved == 0) throw ApiProblem.badRequest("the body is empty: send the file to import");
    }
}
