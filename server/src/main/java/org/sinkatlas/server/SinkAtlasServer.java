package org.sinkatlas.server;

import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.format.TemporaryFolders;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.server.admin.AdminApi;
import org.sinkatlas.server.admin.LayerImportsApi;
import org.sinkatlas.server.auth.Access;
import org.sinkatlas.server.auth.ApiKeys;
import org.sinkatlas.server.auth.OidcVerifier;
import org.sinkatlas.server.auth.RateLimiter;
import org.sinkatlas.server.features.FeatureEditsApi;
import org.sinkatlas.server.features.FeaturesApi;
import org.sinkatlas.server.html.HtmlPages;
import org.sinkatlas.server.http.ApiProblem;
import org.sinkatlas.server.http.ApiRoute;
import org.sinkatlas.server.http.ProblemHandler;
import org.sinkatlas.server.http.RequestBodies;
import org.sinkatlas.server.http.ResponseCache;
import org.sinkatlas.server.http.Role;
import org.sinkatlas.server.http.ServiceInfo;
import org.sinkatlas.server.http.Urls;
import org.sinkatlas.server.openapi.OpenApiResource;
import org.sinkatlas.server.search.SearchApi;
import org.sinkatlas.server.sinks.Jobs;
import org.sinkatlas.server.sinks.SinkApi;
import org.sinkatlas.server.sinks.SinkGridKeeper;
import org.sinkatlas.server.targets.TargetsApi;
import org.sinkatlas.server.tiles.CachedTileHandler;
import org.sinkatlas.server.tiles.TilesApi;
import org.sinkatlas.server.viewer.ViewerPage;
import org.sinkatlas.sink.layers.SinkUpkeep;
import org.sinkatlas.sink.standard.StandardCatalog;
import org.sinkatlas.sink.targets.TargetCatalog;
import org.sinkatlas.sink.targets.TargetTracker;
import org.sinkatlas.tiles.TileCache;
import org.sinkatlas.tiles.TileRules;
import org.sinkatlas.tiles.VectorTiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Sink Atlas HTTP service: assembles the APIs over a store and runs them in Javalin (Jetty). Every
 * route comes from one list, which is also what the OpenAPI document describes.
 */
public final class SinkAtlasServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SinkAtlasServer.class);
    /** One line per request; its own logger, so that it can be turned down without the rest. */
    /**
     * The routes whose answers to the public are kept until the next write: sums over whole layers (sink
     * summaries, the targets) and search, each much dearer than a page of features.
     */
    private static final Set<String> KEPT_ANSWERS = Set.of("getSinkSummary", "getTargets", "getTarget", "search");

    private static final Logger ACCESS_LOG = LoggerFactory.getLogger("org.sinkatlas.access");

    /** The version the API definition reports. */
    public static final String VERSION = "0.1.0";

    /**
     * How the service runs.
     *
     * @param baseUrl   the public URL of the service when it runs behind a proxy, or null to take each request's
     *                  own host
     * @param standards the released sink standards and the current one
     * @param oidc      the OpenID Connect issuer whose tokens are accepted besides API keys, or null
     * @param rateLimit requests per second per client, or 0 for no limit
     * @param tileCacheBytes the most bytes of tiles kept in memory
     * @param basemap   a base map under the web map's layers, or null for none
     * @param targets   the plan's targets
     */
    public record Settings(String baseUrl, StandardCatalog standards, OidcVerifier.Settings oidc, double rateLimit,
            long tileCacheBytes, ViewerPage.Basemap basemap, TargetCatalog targets) {

        public static Settings defaults() {
            return new Settings(null, StandardCatalog.builtIn(), null, 0, 256L << 20, null, TargetCatalog.builtIn());
        }

        public Settings withBaseUrl(String url) {
            return new Settings(url, standards, oidc, rateLimit, tileCacheBytes, basemap, targets);
        }

        public Settings withStandards(StandardCatalog catalog) {
            return new Settings(baseUrl, catalog, oidc, rateLimit, tileCacheBytes, basemap, targets);
        }

        public Settings withOidc(OidcVerifier.Settings issuer) {
            return new Settings(baseUrl, standards, issuer, rateLimit, tileCacheBytes, basemap, targets);
        }

        public Settings withRateLimit(double perSecond) {
            return new Settings(baseUrl, standards, oidc, perSecond, tileCacheBytes, basemap, targets);
        }

        public Settings withTileCacheBytes(long bytes) {
            return new Settings(baseUrl, standards, oidc, rateLimit, bytes, basemap, targets);
        }

        public Settings withBasemap(ViewerPage.Basemap map) {
            return new Settings(baseUrl, standards, oidc, rateLimit, tileCacheBytes, map, targets);
        }

        public Settings withTargets(TargetCatalog catalog) {
            return new Settings(baseUrl, standards, oidc, rateLimit, tileCacheBytes, basemap, catalog);
        }
    }

    /** How often each instance reads the API keys again, so that a key revoked elsewhere stops working. */
    static final Duration KEY_REFRESH = Duration.ofSeconds(2);

    private final List<ApiRoute> routes = new ArrayList<>();
    private final List<Consumer<String>> requestListeners = new CopyOnWriteArrayList<>();
    private final Jobs jobs = new Jobs();
    private final Access access;
    private final SinkApi sinks;
    private final SinkGridKeeper sinkGrid;
    private final Javalin app;

    /** The service with default settings. */
    public SinkAtlasServer(LayerStore store) {
        this(store, Settings.defaults());
    }

    public SinkAtlasServer(LayerStore store, Settings settings) {
        CrsService crs = new CrsService();
        Urls urls = new Urls(settings.baseUrl());
        access = new Access(store, new ApiKeys(store, KEY_REFRESH),
                settings.oidc() == null ? null : new OidcVerifier(settings.oidc()),
                settings.rateLimit() > 0 ? new RateLimiter(settings.rateLimit()) : null);
        FeaturesApi features = new FeaturesApi(store, crs, urls, access);
        OpenApiResource openApi = new OpenApiResource(() -> routes, features, urls, VERSION);
        SinkUpkeep upkeep = new SinkUpkeep(store, settings.standards());
        upkeep.upgradeLayers();
        sinkGrid = new SinkGridKeeper(store, crs);
        sinks = new SinkApi(store, upkeep, crs, urls, jobs, access);
        AdminApi admin = new AdminApi(store, upkeep, access, urls);
        TileCache tileCache = new TileCache(settings.tileCacheBytes());
        TilesApi tilesApi = new TilesApi(store, access, urls, new VectorTiles(store, TileRules.builtIn(), tileCache));
        Clock zoneClock = Clock.system(TargetCatalog.PLAN_TIME);
        FeatureEditsApi edits = new FeatureEditsApi(store, crs, urls, access, upkeep, zoneClock);
        features.extend(edits);
        features.extend(tilesApi);
        TargetsApi targets = new TargetsApi(new TargetTracker(store, settings.targets(), zoneClock), urls);
        features.extend(targets);
        ViewerPage viewer = new ViewerPage(store, urls, settings.basemap());
        features.browserHome(viewer::page);
        routes.addAll(features.routes());
        routes.addAll(edits.routes());
        routes.addAll(tilesApi.routes());
        routes.addAll(new SearchApi(store, access, urls).routes());
        routes.addAll(viewer.routes());
        routes.addAll(sinks.routes());
        routes.addAll(admin.routes());
        routes.addAll(new LayerImportsApi(store, crs, urls, jobs, sinks::refreshStaleEstimates).routes());
        routes.addAll(targets.routes());
        routes.addAll(openApi.routes());
        routes.addAll(new HealthResource(store).routes());
        ResponseCache answers = new ResponseCache(store, 64L << 20);
        ProblemHandler problems = new ProblemHandler(HtmlPages::problem);
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.prefer405over404 = true;
            config.http.maxRequestSize = RequestBodies.MAX_BYTES;
            config.router.ignoreTrailingSlashes = true;
            // A body announced larger than the limit is refused from its Content-Length, before a byte of it is
            // read or "100 Continue" is sent, so a client that waits for 100 gets the 413 cleanly.
            config.routes.before(ctx -> {
                long length = ctx.req().getContentLengthLong();
                if (length > RequestBodies.MAX_BYTES) {
                    throw ApiProblem.tooLarge(String.format(
                            "the body has %,d bytes; at most %,d are accepted", length, RequestBodies.MAX_BYTES));
                }
            });
            config.routes.before(access::identify);
            config.jetty.modifyServletContextHandler(context ->
                    context.insertHandler(new CachedTileHandler(tileCache, store, this::logAccess)));
            for (ApiRoute r : routes) {
                Role least = r.role();
                Handler handler = least == Role.ANONYMOUS ? r.handler() : ctx -> {
                    access.require(ctx, least);
                    r.handler().handle(ctx);
                };
                if (KEPT_ANSWERS.contains(r.operationId())) {
                    handler = answers.around(handler, ctx -> Access.caller(ctx).isAnonymous());
                }
                config.routes.addHttpHandler(r.method(), r.path(), handler);
                // HEAD answers as GET does, status and headers (Jetty leaves out the body); Javalin on its own
                // answers 200 to a HEAD on any path a GET route matches, even where the GET is a 404.
                if (r.method() == HandlerType.GET) config.routes.addHttpHandler(HandlerType.HEAD, r.path(), handler);
            }
            // Browsers ask for /favicon.ico on their own: the map's icon, not a 404 in the log.
            for (HandlerType method : List.of(HandlerType.GET, HandlerType.HEAD)) {
                config.routes.addHttpHandler(method, "/favicon.ico", ctx -> ctx.redirect(urls.base(ctx) + ServiceInfo.ASSETS_PATH
                        + "/viewer/icon.svg", HttpStatus.MOVED_PERMANENTLY));
            }
            // The web map's and dashboard's own files and the libraries built into the jar (scripts/web-assets.sh).
            config.staticFiles.add(files -> {
                files.hostedPath = ServiceInfo.ASSETS_PATH;
                files.directory = "/web";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", "public, max-age=3600");
            });
            config.routes.after(answers::afterRequest);
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
            // The access log: method, path with query, status and time of every request (never a header, so
            // never a key or token).
            config.requestLogger.http((ctx, ms) -> {
                String query = ctx.queryString();
                logAccess(ctx.method() + " " + ctx.path() + (query == null ? "" : "?" + query) + " "
                        + ctx.status().getCode(), ms.doubleValue());
            });
        });
    }

    private void logAccess(String line, double ms) {
        ACCESS_LOG.info("{} {} ms", line, Math.round(ms));
        requestListeners.forEach(l -> l.accept(line));
    }

    /**
     * Calls {@code listener} after every request with one access-log line, {@code METHOD path?query status}
     * (the query as sent, still percent-encoded). For access logs and for tests that check what a client sent.
     *
     * @return closing it stops the calls
     */
    public AutoCloseable onRequest(Consumer<String> listener) {
        requestListeners.add(listener);
        return () -> requestListeners.remove(listener);
    }

    /** The sink grid the map shows at low zooms, kept current in the background. */
    public SinkGridKeeper sinkGrid() {
        return sinkGrid;
    }

    /** The routes the service answers, in registration order. */
    public List<ApiRoute> routes() {
        return List.copyOf(routes);
    }

    /**
     * Starts serving; the temporary folders of earlier processes that were killed are removed, and stored sink
     * estimates that are missing or stale are recomputed in the background.
     */
    public SinkAtlasServer start(String host, int port) {
        int leftovers = TemporaryFolders.removeLeftovers();
        if (leftovers > 0) LOG.info("removed the temporary folders of {} processes that ended without removing them", leftovers);
        app.start(host, port);
        sinks.refreshStaleEstimates();
        sinkGrid.start();
        return this;
    }

    /** Who may do what: the API keys and layer visibility. */
    public Access access() {
        return access;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
        jobs.close();
        sinkGrid.close();
    }
}
