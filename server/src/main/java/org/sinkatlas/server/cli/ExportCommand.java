package org.sinkatlas.server.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.locationtech.jts.geom.Envelope;
import org.sinkatlas.layers.crs.CrsDefinition;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.filter.ComparisonOp;
import org.sinkatlas.layers.filter.Filter;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.PropertyDef;
import org.sinkatlas.layers.store.FeatureQuery;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.NotFoundException;
import org.sinkatlas.layers.store.StoreException;
import org.sinkatlas.layers.transfer.FeatureFormat;
import org.sinkatlas.layers.transfer.LayerExport;
import org.sinkatlas.server.http.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code export}: writes a layer (or the features a bbox and property values select) to a GeoJSON, GeoPackage,
 * Shapefile zip or CSV file in a chosen CRS; or, without {@code --layer}, copies the whole store into a new one.
 */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Export a layer to a file, or this whole store into a new one:",
            "  export --store S --layer LAYER --to FILE [--format ...] [--crs ...] [--bbox ...] [--where NAME=VALUE]",
            "      writes LAYER's features to FILE (.geojson, .gpkg, .zip shapefile or .csv) in the CRS asked for.",
            "  export --store S --to DEST",
            "      copies this whole store into DEST, a new GeoPackage file or an empty PostgreSQL schema."})
final class ExportCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Option(names = "--layer", description = "The layer to export to a file (its id, e.g. parcels).")
    String layer;

    @Option(names = "--to", required = true, description = "With --layer: the new file. Without: the new store"
            + " (a GeoPackage path or postgresql:// URL).")
    String to;

    @Option(names = "--format", description = "geojson, gpkg, shp or csv (default: from the file's extension).")
    String format;

    @Option(names = "--crs", defaultValue = "OGC:CRS84", description = "CRS of the file's coordinates, e.g. EPSG:4549"
            + " (default: ${DEFAULT-VALUE}). Coordinates are written east, north (x, y).")
    String crsName;

    @Option(names = "--bbox", description = "Only features that intersect minLon,minLat,maxLon,maxLat (CRS84).")
    String bbox;

    @Option(names = "--where", description = "Only features whose property equals a value, NAME=VALUE (repeatable).")
    List<String> where = new ArrayList<>();

    @Option(names = "--json", description = "Print the report as JSON (the progress bar goes to standard error).")
    boolean json;

    @Override
    public Integer call() {
        if (layer == null) {
            if (bbox != null || !where.isEmpty() || format != null) return usage("--bbox, --where and --format need --layer");
            return CopyStoreCommand.copy(store.location, to);
        }
        CrsService crs = new CrsService();
        Path file = Path.of(to);
        if (Files.exists(file)) return usage(file + " exists; give a new file name");
        FeatureFormat fmt;
        CrsDefinition outCrs;
        try {
            fmt = format != null ? FeatureFormat.byName(format).orElseThrow(() -> new IllegalArgumentException(
                    "unknown format '" + format + "'; use geojson, gpkg, shp or csv"))
                    : FeatureFormat.byFileName(file.getFileName().toString()).filter(f -> !file.toString().endsWith(".shp"))
                            .orElseThrow(() -> new IllegalArgumentException("cannot tell the format of " + file.getFileName()
                                    + " (a shapefile is written as .zip); give --format geojson, gpkg, shp or csv"));
            outCrs = crs.require(crsName);
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (LayerStore s = StoreLocation.openExisting(store.location)) {
            LayerInfo info = s.layer(layer).orElseThrow(() -> new NotFoundException("no layer '" + layer + "' in " + store
                    + "; it has " + s.layers().stream().map(LayerInfo::id).toList()));
            Filter filter = filter(info);
            long total = s.count(layer, filter);
            ProgressBar bar = new ProgressBar(json ? System.err : System.out, "export", total);
            LayerExport.Report report;
            try (OutputStream out = Files.newOutputStream(partial)) {
                report = new LayerExport(s, crs).run(layer, FeatureQuery.of(filter), fmt, outCrs, out,
                        (done, all) -> bar.update(done));
            }
            if (total == 0) bar.update(0);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            if (json) {
                System.out.println(Json.pretty(report));
            } else {
                report.notes().forEach(n -> System.out.println("  note: " + n));
                System.out.printf("exported %,d features of %s to %s (%s, %s)%n", report.features(), layer, file,
                        fmt.title(), outCrs.code());
            }
            return 0;
        } catch (IllegalArgumentException e) {
            deleteQuietly(partial);
            return usage(e.getMessage());
        } catch (IOException | StoreException | java.io.UncheckedIOException e) {
            deleteQuietly(partial);
            System.err.println("sink-atlas: " + e.getMessage());
            return 2;
        }
    }

    private Filter filter(LayerInfo info) {
        List<Filter> parts = new ArrayList<>();
        if (bbox != null) {
            String[] v = bbox.split(",");
            if (v.length != 4) throw new IllegalArgumentException("--bbox needs minLon,minLat,maxLon,maxLat");
            double[] d = new double[4];
            for (int i = 0; i < 4; i++) {
                try {
                    d[i] = Double.parseDouble(v[i].trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--bbox value '" + v[i] + "' is not a number");
                }
            }
            if (d[0] > d[2] || d[1] > d[3]) throw new IllegalArgumentException("--bbox lower corner exceeds its upper corner");
            parts.add(Filter.bbox(new Envelope(d[0], d[2], d[1], d[3])));
        }
        for (String w : where) {
            int eq = w.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("--where needs NAME=VALUE, not '" + w + "'");
            String name = w.substring(0, eq);
            PropertyDef p = info.property(name).orElseThrow(() -> new IllegalArgumentException("layer " + info.id()
                    + " has no property '" + name + "'; it has " + info.propertyNames()));
            parts.add(new Filter.Compare(p.name(), ComparisonOp.EQ, p.type().coerce(w.substring(eq + 1))));
        }
        return Filter.and(parts.toArray(Filter[]::new));
    }

    private static int usage(String message) {
        System.err.println("sink-atlas export: " + message);
        return 2;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // The partial file is named as such; nothing relies on it.
        }
    }
}
