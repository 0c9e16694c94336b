package org.sinkatlas.server.cli;

import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sinkatlas.layers.crs.CrsDefinition;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.crs.UnknownCrsException;
import org.sinkatlas.layers.format.FeatureSource;
import org.sinkatlas.layers.format.FormatException;
import org.sinkatlas.layers.format.SourceOptions;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.StoreException;
import org.sinkatlas.layers.transfer.FeatureFormat;
import org.sinkatlas.layers.transfer.ImportReport;
import org.sinkatlas.layers.transfer.LayerImport;
import org.sinkatlas.server.http.Json;
import org.sinkatlas.sink.layers.SinkUpkeep;
import org.sinkatlas.sink.standard.StandardCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code import}: reads an officer's file (GeoJSON, GeoPackage, Shapefile zip, CSV) into a layer, all or nothing,
 * with a progress bar and a report of every rejected feature; or, with {@code --from}, fills a new or empty
 * store with a whole other store.
 */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Import a file of features into a layer, or a whole store into this one:",
            "  import --store S --layer LAYER FILE [--crs ...] [--repair] [--dry-run]",
            "      reads FILE (.geojson/.json, .gpkg, .zip or .shp shapefile, .csv) into LAYER in one transaction:"
                    + " if any feature is rejected nothing is written; the report lists each rejected feature and why.",
            "  import --store S --from OTHER",
            "      fills this new or empty store with the whole store OTHER (GeoPackage path or postgresql:// URL).",
            "Exit codes: 0 imported (or a dry run found nothing wrong), 1 features or the file were rejected, 2 other errors."})
final class ImportCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Option(names = "--layer", description = "The layer to import FILE into (its id, e.g. parcels).")
    String layer;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "The file to import into --layer.")
    Path file;

    @Option(names = "--from", description = "Copy this whole store (GeoPackage path or postgresql:// URL) into --store.")
    String from;

    @Option(names = "--format", description = "geojson, gpkg, shp or csv (default: from FILE's extension).")
    String format;

    @Mixin
    FileCrsOption fileCrs;

    @Option(names = "--encoding", description = "Text encoding of a CSV or shapefile, overriding its .cpg (e.g. GBK, UTF-8).")
    String encoding;

    @Option(names = "--part", description = "Which table of a GeoPackage, or which shapefile of a zip that holds several.")
    String part;

    @Option(names = "--repair", description = "Repair invalid geometries (JTS GeometryFixer) instead of rejecting them.")
    boolean repair;

    @Option(names = "--ignore-unknown", description = "Leave out columns the layer does not have instead of refusing the file.")
    boolean ignoreUnknown;

    @Option(names = "--drop-heights", description = "Drop the heights (z) of 3D coordinates; without it a feature with"
            + " heights other than 0 is rejected, since layers hold 2D geometries.")
    boolean dropHeights;

    @Option(names = "--dry-run", description = "Check everything, write nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Print the report as JSON (the progress bar goes to standard error).")
    boolean json;

    @Option(names = "--author", defaultValue = "import", description = "Who imports, kept in history (default: ${DEFAULT-VALUE}).")
    String author;

    @Override
    public Integer call() {
        if (from != null) {
            if (layer != null || file != null) return usage("give either --from (a whole store) or --layer with FILE, not both");
            return CopyStoreCommand.copy(from, store.location);
        }
        if (layer == null || file == null) return usage("give --layer LAYER and FILE (or --from OTHER to copy a whole store)");
        if (!Files.isRegularFile(file)) return usage(file + " is not a file");
        CrsService crs = new CrsService();
        FeatureFormat fmt;
        SourceOptions options;
        try {
            fmt = format != null ? FeatureFormat.byName(format).orElseThrow(() -> new IllegalArgumentException(
                    "unknown format '" + format + "'; use geojson, gpkg, shp or csv"))
                    : FeatureFormat.byFileName(file.getFileName().toString()).orElseThrow(() -> new IllegalArgumentException(
                            "cannot tell the format of " + file.getFileName() + "; give --format geojson, gpkg, shp or csv"));
            CrsDefinition given = fileCrs.resolve(crs);
            Charset charset = encoding == null ? null : Charset.forName(encoding);
            options = new SourceOptions(given, charset, part);
        } catch (UnknownCrsException | IllegalCharsetNameException | UnsupportedCharsetException e) {
            return usage(e.getMessage());
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        PrintStream progressOut = json ? System.err : System.out;
        try (LayerStore s = StoreLocation.openExisting(store.location); FeatureSource source = fmt.open(file, options, crs)) {
            // Its rules check each feature's land cover as the server would.
            new SinkUpkeep(s, StandardCatalog.builtIn());
            ProgressBar bar = new ProgressBar(progressOut, "import", Math.max(source.count(), 0));
            ImportReport report = new LayerImport(s, crs).run(layer, source,
                    new LayerImport.Options(repair, ignoreUnknown, dryRun, author, dropHeights), (read, total) -> bar.update(read));
            if (source.count() > 0 && report.read() < source.count()) bar.update(source.count());
            if (json) {
                System.out.println(Json.pretty(report));
            } else {
                print(report);
            }
            return report.ok() ? 0 : 1;
        } catch (FormatException e) {
            System.err.println("sink-atlas: " + e.getMessage());
            return 1;
        } catch (StoreException | IllegalArgumentException | java.io.UncheckedIOException e) {
            System.err.println("sink-atlas: " + e.getMessage());
            return 2;
        }
    }

    private static int usage(String message) {
        System.err.println("sink-atlas import: " + message);
        return 2;
    }

    private static void print(ImportReport r) {
        for (String note : r.notes()) System.out.println("  note: " + note);
        for (ImportReport.Repair p : r.repairs()) {
            System.out.println("  repaired " + where(p.index(), p.sourceId(), p.place()) + ": " + p.fault() + "; " + p.result());
        }
        for (ImportReport.Rejection x : r.rejections()) {
            System.out.println("  rejected " + where(x.index(), x.sourceId(), x.place()) + ": " + x.reason());
        }
        String counts = String.format("read %,d, written %,d, rejected %,d, repaired %,d", r.read(), r.written(), r.rejected(),
                r.repaired());
        if (r.refusal() != null) {
            System.out.println("NOT imported: " + r.refusal() + " (" + counts + ")");
        } else if (r.dryRun()) {
            System.out.println((r.ok() ? "dry run: " + r.source() + " can be imported into " + r.layer()
                    : "dry run: " + r.source() + " would be refused") + " (" + counts + ")");
        } else if (r.committed()) {
            System.out.println("imported " + r.source() + " into " + r.layer() + " (" + counts + ")");
        } else {
            System.out.println("NOT imported: " + r.rejected() + " features rejected, nothing was written (" + counts + ")");
        }
    }

    private static String where(long index, String sourceId, String place) {
        return "feature " + index + " (" + place + (sourceId == null ? "" : ", id " + sourceId) + ")";
    }
}
