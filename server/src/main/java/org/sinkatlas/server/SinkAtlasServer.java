package org.sinkatlas.server;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.server.features.FeaturesApi;
import org.sinkatlas.server.html.HtmlPages;
import org.sinkatlas.server.http.ApiProblem;
import org.sinkatlas.server.http.ApiRoute;
import org.sinkatlas.server.http.ProblemHandler;
import org.sinkatlas.server.http.Urls;
import org.sinkatlas.server.openapi.OpenApiResource;
import org.sinkatlas.server.sinks.Jobs;
import org.sinkatlas.server.sinks.SinkApi;
import org.sinkatlas.sink.standard.StandardCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Sink Atlas HTTP service: assembles the APIs over a store and runs them in Javalin (Jetty). Every
 * route comes from one list, which is also what the OpenAPI document describes.
 */
public final class SinkAtlasServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SinkAtlasServer.class);

    /** The version the API definition reports. */
    public static final String VERSION = "0.1.0";

    /** Where the web assets are served: {@code /assets/vendor/maplibre-gl/maplibre-gl.js} and the like. */
    public static final String ASSETS_PATH = "/assets";

    /** The largest request body accepted (bodies without a length are cut off here as they are read). */
    public static final long MAX_BODY_BYTES = 10_000_000L;

    private final List<ApiRoute> routes = new ArrayList<>();
    private final Jobs jobs = new Jobs();
    private final SinkApi sinks;
    private final Javalin app;

    /**
     * @param baseUrl the public URL of the service when it runs behind a proxy, or null to take each
     *                request's own host
     */
    public SinkAtlasServer(LayerStore store, String baseUrl) {
        this(store, StandardCatalog.builtIn(), baseUrl);
    }

    /**
     * @param standards the released sink standards and the current one
     * @param baseUrl   the public URL of the service when it runs behind a proxy, or null to take each
     *                  request's own host
     */
    public SinkAtlasServer(LayerStore store, StandardCatalog standards, String baseUrl) {
        CrsService crs = new CrsService();
        Urls urls = new Urls(baseUrl);
        HtmlPages html = new HtmlPages();
        FeaturesApi features = new FeaturesApi(store, crs, urls, html);
        OpenApiResource openApi = new OpenApiResource(() -> routes, features, urls, html, VERSION);
        sinks = new SinkApi(store, standards, crs, urls, html, jobs);
        routes.addAll(features.routes());
        routes.addAll(sinks.routes());
        routes.addAll(openApi.routes());
        routes.addAll(new HealthResource(store).routes());
        ProblemHandler problems = new ProblemHandler(html);
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.prefer405over404 = true;
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.router.ignoreTrailingSlashes = true;
            // A body announced larger than the limit is refused from its Content-Length, before a byte of it is
            // read or "100 Continue" is sent, so a client that waits for 100 gets the 413 cleanly.
            config.routes.before(ctx -> {
                long length = ctx.req().getContentLengthLong();
                if (length > MAX_BODY_BYTES) {
                    throw new ApiProblem(413, "ContentTooLarge", "Request too large · 请求体过大", String.format(
                            "the body has %,d bytes; at most %,d are accepted", length, MAX_BODY_BYTES));
                }
            });
            for (ApiRoute r : routes) config.routes.addHttpHandler(r.method(), r.path(), r.handler());
            // The web map's and dashboard's own files and the libraries built into the jar (scripts/web-assets.sh).
            config.staticFiles.add(files -> {
                files.hostedPath = ASSETS_PATH;
                files.directory = "/web";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", "public, max-age=3600");
            });
            config.routes.exception(Exception.class, problems::handle);
            config.routes.exception(HttpResponseException.class, problems::handle);
            config.routes.error(404, ctx -> {
                if (!ProblemHandler.answered(ctx)) {
                    problems.write(ctx, ApiProblem.notFound("no resource at " + ctx.path() + "; start at /"));
                }
            });
            config.routes.error(405, ctx -> {
                if (!ProblemHandler.answered(ctx)) {
                    problems.write(ctx, new ApiProblem(405, "MethodNotAllowed", "Method not allowed · 不支持的请求方法",
                            ctx.method() + " is not allowed on " + ctx.path()));
                }
            });
            config.requestLogger.http((ctx, ms) -> LOG.debug("{} {} {} {} ms", ctx.method(), ctx.path(),
                    ctx.status().getCode(), ms));
        });
    }

    /** The routes the service answers, in registration order. */
    public List<ApiRoute> routes() {
        return List.copyOf(routes);
    }

    /** Starts serving; stored sink estimates that are missing or stale are recomputed in the background. */
    public SinkAtlasServer start(String host, int port) {
        app.start(host, port);
        sinks.refreshStaleEstimates();
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
        jobs.close();
    }
}
