package org.sinkatlas.server.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.StoreUnavailableException;
import org.sinkatlas.server.SinkAtlasServer;
import org.sinkatlas.server.auth.OidcVerifier;
import org.sinkatlas.server.viewer.ViewerPage;
import org.sinkatlas.sink.standard.StandardCatalog;
import org.sinkatlas.sink.standard.StandardException;
import org.sinkatlas.sink.targets.TargetCatalog;
import org.sinkatlas.sink.targets.TargetException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code serve}: opens the store (creating it with the demo data when new) and serves the API until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the HTTP service.")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "${env:PORT:-8080}", description = "HTTP port (default: $PORT or 8080).")
    int port;

    @Option(names = "--host", defaultValue = "0.0.0.0", description = "Interface to listen on (default: all).")
    String host;

    @Mixin
    StoreOption store;

    @Option(names = "--base-url", description = "Public URL of the service behind a proxy, used in links.")
    String baseUrl;

    @Option(names = "--no-demo", description = "Create a missing store empty instead of with the demo data.")
    boolean noDemo;

    @Option(names = "--standard", description = "The sink standard to make current, id@version (default: the newest).")
    String standard;

    @Option(names = "--oidc-issuer", description = {"Also accept OpenID Connect access tokens (JWTs) from this issuer,"
            + " verified against its published keys. The role comes from the claim sink_atlas_role (officer or"
            + " admin), an officer's layers from sink_atlas_layers."})
    String oidcIssuer;

    @Option(names = "--oidc-audience", description = "The audience OpenID Connect tokens must name (default: any).")
    String oidcAudience;

    @Option(names = "--basemap-url", description = {"A raster XYZ tile URL with {z}, {x}, {y} drawn under the web map,"
            + " e.g. Tianditu's with your key (tk=...). None by default: the map then makes no outside requests."})
    String basemapUrl;

    @Option(names = "--basemap-attribution", defaultValue = "", description = "The base map's credit line, e.g. '© 天地图'.")
    String basemapAttribution;

    @Option(names = "--tile-cache-mb", defaultValue = "256", description = "Memory for cached tiles, in MiB (0: none; default: ${DEFAULT-VALUE}).")
    long tileCacheMb;

    @Option(names = "--rate-limit", defaultValue = "200",
            description = "Requests per second each client may make, bursts of twice that (0: no limit; default: ${DEFAULT-VALUE}).")
    double rateLimit;

    @Override
    public Integer call() {
        StandardCatalog standards;
        TargetCatalog targets;
        try {
            standards = StandardCatalog.builtIn();
            if (standard != null) standards.makeCurrent(standard);
            targets = TargetCatalog.builtIn();
        } catch (StandardException | TargetException | IllegalArgumentException e) {
            System.err.println("sink-atlas: " + e.getMessage());
            return 2;
        }
        if (rateLimit < 0) {
            System.err.println("sink-atlas: --rate-limit must be 0 (no limit) or more requests per second");
            return 2;
        }
        LayerStore layerStore;
        try {
            layerStore = StoreLocation.open(store.location, !noDemo, line -> System.out.println("  " + line));
        } catch (StoreUnavailableException e) {
            System.err.println("sink-atlas: cannot open the store: " + e.getMessage());
            return 2;
        }
        SinkAtlasServer.Settings settings = SinkAtlasServer.Settings.defaults().withBaseUrl(baseUrl)
                .withStandards(standards).withTargets(targets).withRateLimit(rateLimit)
                .withTileCacheBytes(Math.max(0, tileCacheMb) << 20)
                .withBasemap(basemapUrl == null ? null : new ViewerPage.Basemap(basemapUrl, basemapAttribution))
                .withOidc(oidcIssuer == null ? null : OidcVerifier.Settings.of(oidcIssuer, oidcAudience));
        SinkAtlasServer server;
        try {
            server = new SinkAtlasServer(layerStore, settings).start(host, port);
        } catch (RuntimeException e) {
            layerStore.close();
            System.err.println("sink-atlas: cannot listen on " + host + ":" + port + ": " + rootMessage(e));
            return 3;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            layerStore.close();
            stopped.countDown();
        }, "shutdown"));
        String shownHost = host.equals("0.0.0.0") ? "localhost" : host;
        System.out.println("Sink Atlas 碳汇一张图 is serving " + layerStore.layers().size() + " layers from " + store);
        System.out.println("  http://" + shownHost + ":" + server.port() + "/");
        // Printed here, once, to the console only: the store keeps just its hash, and no log ever has it.
        server.access().keys().bootstrapAdmin().ifPresent(first -> {
            System.out.println();
            System.out.println("  The store had no API keys; this is its first admin key, shown only now · 首个管理员密钥（仅显示一次）:");
            System.out.println("    " + first.token());
            System.out.println("  Use it as 'Authorization: Bearer <key>' to make the officers' keys (POST /admin/keys),");
            System.out.println("  then keep it safe or revoke it. See docs/security.md.");
            System.out.println();
        });
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
