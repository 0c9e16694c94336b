package org.sinkatlas.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.locationtech.jts.geom.Envelope;
import org.sinkatlas.server.http.Json;
import org.sinkatlas.tiles.TileCoord;
import org.sinkatlas.tiles.WebMercatorQuad;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code seed}: asks a running service for every tile of its tile set from zoom 0 to {@code --max-zoom}
 * over the layers' extent, so that they are made and cached before the public comes; reports the count and
 * the largest tile of each zoom, which shows whether low zooms stay small. Over HTTP, so that it warms the
 * very instances that serve: run it against each one behind a load balancer.
 */
@Command(name = "seed", mixinStandardHelpOptions = true,
        description = "Pre-render the low zooms of a running service's tiles, and report their sizes.")
final class SeedCommand implements Callable<Integer> {

    @Option(names = "--url", defaultValue = "http://localhost:8080", description = "The service (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--tileset", defaultValue = "map",
            description = "A collection id, or map for the whole map (default: ${DEFAULT-VALUE}).")
    String tileset;

    @Option(names = "--min-zoom", defaultValue = "0", description = "First zoom (default: ${DEFAULT-VALUE}).")
    int minZoom;

    @Option(names = "--max-zoom", defaultValue = "12", description = "Last zoom (default: ${DEFAULT-VALUE}).")
    int maxZoom;

    @Option(names = "--png", description = "Seed the PNG map tiles too.")
    boolean png;

    @Option(names = "--threads", defaultValue = "4", description = "Requests at a time (default: ${DEFAULT-VALUE}).")
    int threads;

    @Override
    public Integer call() throws Exception {
        if (minZoom < 0 || maxZoom > WebMercatorQuad.MAX_ZOOM || minZoom > maxZoom || threads < 1) {
            System.err.println("sink-atlas: zooms must satisfy 0 <= --min-zoom <= --max-zoom <= " + WebMercatorQuad.MAX_ZOOM);
            return 2;
        }
        String base = url.replaceAll("/+$", "");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String meta = tileset.equals("map") ? base + "/tiles/WebMercatorQuad?f=tilejson"
                : base + "/collections/" + tileset + "/tiles/WebMercatorQuad?f=tilejson";
        HttpResponse<String> tj = http.send(HttpRequest.newBuilder(URI.create(meta)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (tj.statusCode() != 200) {
            System.err.println("sink-atlas: " + meta + " answered " + tj.statusCode() + ": " + tj.body());
            return 2;
        }
        JsonNode bounds = Json.MAPPER.readTree(tj.body()).get("bounds");
        if (bounds == null) {
            System.out.println("the tile set has no features: nothing to seed");
            return 0;
        }
        Envelope box = new Envelope(bounds.get(0).asDouble(), bounds.get(2).asDouble(), bounds.get(1).asDouble(),
                bounds.get(3).asDouble());
        List<TileCoord> tiles = new ArrayList<>();
        for (int z = minZoom; z <= maxZoom; z++) {
            int[] r = WebMercatorQuad.range(box, z);
            for (int x = r[0]; x <= r[2]; x++) for (int y = r[1]; y <= r[3]; y++) tiles.add(new TileCoord(z, x, y));
        }
        List<String> formats = png ? List.of("mvt", "png") : List.of("mvt");
        long total = (long) tiles.size() * formats.size();
        long[] count = new long[maxZoom + 1];
        long[] largest = new long[maxZoom + 1];
        long[] bytes = new long[maxZoom + 1];
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ProgressBar bar = new ProgressBar(System.out, "tiles", total);
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (TileCoord t : tiles) {
                for (String f : formats) {
                    work.add(pool.submit(() -> {
                        String u = base + "/xyz/" + tileset + "/" + t.z() + "/" + t.x() + "/" + t.y() + "." + f;
                        try {
                            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(u)).GET().build(),
                                    HttpResponse.BodyHandlers.ofByteArray());
                            if (r.statusCode() == 200 || r.statusCode() == 204) {
                                if (f.equals("mvt")) {
                                    synchronized (count) {
                                        count[t.z()]++;
                                        bytes[t.z()] += r.body().length;
                                        largest[t.z()] = Math.max(largest[t.z()], r.body().length);
                                    }
                                }
                            } else {
                                failed.incrementAndGet();
                            }
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        }
                        bar.update(done.incrementAndGet());
                        return null;
                    }));
                }
            }
            for (Future<?> w : work) w.get();
        } finally {
            pool.shutdown();
        }
        System.out.printf(Locale.ROOT, "seeded %,d tiles of %s in %.1f s%n", total, tileset, (System.nanoTime() - started) / 1e9);
        System.out.println("zoom   tiles   mean kB   largest kB");
        for (int z = minZoom; z <= maxZoom; z++) {
            System.out.printf(Locale.ROOT, "%4d %7d %9.1f %12.1f%n", z, count[z], count[z] == 0 ? 0 : bytes[z] / 1024.0 / count[z],
                    largest[z] / 1024.0);
        }
        if (failed.get() > 0) {
            System.err.println("sink-atlas: " + failed.get() + " tiles could not be had");
            return 1;
        }
        return 0;
    }
}
