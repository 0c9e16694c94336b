package org.sinkatlas.server.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.StoreUnavailableException;
import org.sinkatlas.server.SinkAtlasServer;
import org.sinkatlas.sink.standard.StandardCatalog;
import org.sinkatlas.sink.standard.StandardException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code serve}: opens the store (creating it with the demo data when new) and serves the API until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the HTTP service.")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "${env:PORT:-8080}", description = "HTTP port (default: $PORT or 8080).")
    int port;

    @Option(names = "--host", defaultValue = "0.0.0.0", description = "Interface to listen on (default: all).")
    String host;

    @Option(names = "--store", defaultValue = "data/sink-atlas.gpkg",
            description = {"The store: a GeoPackage file path, created with the demo data when missing (default:"
                    + " ${DEFAULT-VALUE}), or postgresql://[user@]host[:port]/database[?schema=name] with the password"
                    + " in PGPASSWORD."})
    String store;

    @Option(names = "--base-url", description = "Public URL of the service behind a proxy, used in links.")
    String baseUrl;

    @Option(names = "--no-demo", description = "Create a missing store empty instead of with the demo data.")
    boolean noDemo;

    @Option(names = "--standard", description = "The sink standard to make current, id@version (default: the newest).")
    String standard;

    @Override
    public Integer call() {
        StandardCatalog standards;
        try {
            standards = StandardCatalog.builtIn();
            if (standard != null) standards.makeCurrent(standard);
        } catch (StandardException | IllegalArgumentException e) {
            System.err.println("sink-atlas: " + e.getMessage());
            return 2;
        }
        LayerStore layerStore;
        try {
            layerStore = StoreLocation.open(store, !noDemo, line -> System.out.println("  " + line));
        } catch (StoreUnavailableException e) {
            System.err.println("sink-atlas: cannot open the store: " + e.getMessage());
            return 2;
        }
        SinkAtlasServer server;
        try {
            server = new SinkAtlasServer(layerStore, standards, baseUrl).start(host, port);
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
