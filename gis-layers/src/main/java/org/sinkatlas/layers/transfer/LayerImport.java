package org.sinkatlas.layers.transfer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.crs.GeometryTransform;
import org.sinkatlas.layers.format.FeatureSource;
import org.sinkatlas.layers.format.FormatException;
import org.sinkatlas.layers.format.SourceFeature;
import org.sinkatlas.layers.format.shapefile.DbfFieldNames;
import org.sinkatlas.layers.geom.GeometryValidator;
import org.sinkatlas.layers.geom.Heights;
import org.sinkatlas.layers.model.FeatureDraft;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.PropertyDef;
import org.sinkatlas.layers.model.PropertyType;
import org.sinkatlas.layers.store.FeatureWriter;
import org.sinkatlas.layers.store.InvalidFeatureException;
import org.sinkatlas.layers.store.InvalidGeometryException;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.NotFoundException;
import org.sinkatlas.layers.store.StoreException;
import org.sinkatlas.layers.store.StoreJson;

/**
 * Imports a file of features into a layer, all or nothing. Columns are matched to the layer's properties by
 * name without case (a shapefile's 10-character field names also by how {@link DbfFieldNames} cuts the
 * layer's names); values are converted to the properties' types; geometries are transformed to the storage
 * CRS, checked against the source CRS's area of use, and validated as every write is
 * ({@link org.sinkatlas.layers.store.FeatureRules}), or repaired with JTS GeometryFixer when asked. Features are inserted one at a time
 * as they are read, inside ONE store transaction: when any feature is rejected, or a column is unknown and may
 * not be ignored, the reading goes on to report every fault, and then the transaction is rolled back, so the
 * layer is as it was. The file is streamed: one feature is in memory at a time.
 */
public final class LayerImport {

    /** The most rejections (and repairs) a report lists one by one; all are counted. A file of millions stays small. */
    public static final int MAX_LISTED = 1_000;

    /**
     * How to import.
     *
     * @param repair        repair invalid geometries (GeometryFixer) instead of rejecting them
     * @param ignoreUnknown import the known columns and leave out the unknown ones, instead of refusing the file
     * @param dryRun        check everything, write nothing
     * @param author        who imports, kept in history
     */
    public record Options(boolean repair, boolean ignoreUnknown, boolean dryRun, String author, boolean dropHeights) {

        /** Options that keep every height a file gives (and so refuse features with heights other than 0). */
        public Options(boolean repair, boolean ignoreUnknown, boolean dryRun, String author) {
            this(repair, ignoreUnknown, dryRun, author, false);
        }
    }

    /** Receives how many features were read of how many (total -1 when the file cannot tell). */
    @FunctionalInterface
    public interface Progress {
        void update(long read, long total);

        Progress NONE = (read, total) -> { };
    }

    /** Thrown inside the store transaction to roll it back when the import is not whole. */
    private static final class Rollback extends RuntimeException {
        Rollback() {
            super("import rolled back", null, false, false);
        }
    }

    private final LayerStore store;
    private final CrsService crs;

    public LayerImport(LayerStore store, CrsService crs) {
        this.store = store;
        this.crs = crs;
    }

    /**
     * Reads the whole source into the layer, or checks it only ({@code dryRun}).
     *
     * @throws NotFoundException for an unknown layer
     */
    public ImportReport run(String layerId, FeatureSource source, Options options, Progress progress) {
        LayerInfo layer = store.layer(layerId).orElseThrow(() -> new NotFoundException("no layer '" + layerId + "'"));
        Run run = new Run(layer, source, options, progress);
        Set<String> unknown = run.unknownOf(source.columns());
        if (!unknown.isEmpty() && !options.ignoreUnknown()) {
            return run.report(false, unknownColumns(layer, unknown));
        }
        try {
            if (options.dryRun()) {
                run.readAll(null);
            } else {
                try {
                    store.write(options.author(), w -> {
                        run.readAll(w);
                        if (!run.whole()) throw new Rollback();
                        return null;
                    });
                    return run.report(true, null);
                } catch (Rollback rolledBack) {
                    // Nothing was written; the report says why.
                }
            }
        } catch (FormatException e) {
            return run.report(false, e.getMessage());
        }
        return run.report(false, run.refusal());
    }

    private static String unknownColumns(LayerInfo layer, Set<String> unknown) {
        return "the file has columns that layer " + layer.id() + " does not have: " + unknown + " (its properties: "
                + layer.propertyNames() + "); rename them, or import ignoring unknown columns";
    }

    /** The state of one import. */
    private final class Run {
        final LayerInfo layer;
        final FeatureSource source;
        final Options options;
        final Progress progress;
        final Map<String, PropertyDef> byColumn = new HashMap<>();
        final GeometryTransform toStorage;
        final Set<String> unknown = new LinkedHashSet<>();
        final List<ImportReport.Rejection> rejections = new ArrayList<>();
        final List<ImportReport.Repair> repairs = new ArrayList<>();
        long rejectedCount;
        long repairedCount;
        long read;
        long written;
        long flattened;

        Run(LayerInfo layer, FeatureSource source, Options options, Progress progress) {
            this.layer = layer;
            this.source = source;
            this.options = options;
            this.progress = progress;
            for (PropertyDef p : layer.properties()) byColumn.put(p.name().toLowerCase(Locale.ROOT), p);
            DbfFieldNames.shorten(layer.propertyNames(), Set.of("id")).forEach((property, field) ->
                    byColumn.putIfAbsent(field.toLowerCase(Locale.ROOT), layer.property(property).orElseThrow()));
            this.toStorage = crs.toStorage(source.crs());
        }

        Set<String> unknownOf(Iterable<String> columns) {
            Set<String> out = new LinkedHashSet<>();
            for (String c : columns) {
                if (!byColumn.containsKey(c.toLowerCase(Locale.ROOT)) && !SourceFeature.isIdColumn(c)) out.add(c);
            }
            return out;
        }

        boolean whole() {
            return rejectedCount == 0 && (unknown.isEmpty() || options.ignoreUnknown()) && read > 0;
        }

        String refusal() {
            if (read == 0) return source.name() + " has no features; nothing was imported";
            if (!unknown.isEmpty() && !options.ignoreUnknown()) return unknownColumns(layer, unknown);
            return null;
        }

        void readAll(FeatureWriter writer) {
            long total = source.count();
            while (source.hasNext()) {
                SourceFeature f = source.next();
                read++;
                FeatureDraft draft = check(f);
                if (draft != null && writer != null && whole()) {
                    try {
                        writer.insert(layer.id(), draft);
                        written++;
                    } catch (InvalidFeatureException e) {
                        reject(f, e.getMessage());
                    }
                }
                progress.update(read, total);
            }
        }

        /** The feature as it will be stored, or null when it is rejected (and recorded so). */
        FeatureDraft check(SourceFeature f) {
            if (f.problem() != null) return reject(f, f.problem());
            Map<String, Object> values = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : f.properties().entrySet()) {
                PropertyDef def = byColumn.get(e.getKey().toLowerCase(Locale.ROOT));
                if (def == null) {
                    if (!SourceFeature.isIdColumn(e.getKey())) unknown.add(e.getKey());
                    continue;
                }
                Object v = e.getValue();
                if (def.type() == PropertyType.JSON && v instanceof String s) {
                    try {
                        v = StoreJson.objectFromJson(s);
                    } catch (StoreException bad) {
                        return reject(f, "property '" + def.name() + "': expected a JSON object, got '" + shorten(s) + "'");
                    }
                }
                values.put(def.name(), v);
            }
            if (f.geometry() == null) return reject(f, "the feature has no geometry");
            Geometry g;
            try {
                g = toStorage.apply(f.geometry());
            } catch (RuntimeException e) {
                return reject(f, "the coordinates cannot be transformed from " + source.crs().code() + ": " + e.getMessage());
            }
            String outside = crs.outsideAreaOfUse(f.geometry(), g, source.crs());
            if (outside != null) return reject(f, outside);
            if (options.dropHeights()) {
                Geometry flat = Heights.dropped(g);
                if (Heights.first(g) != null) flattened++;
                g = flat;
            }
            FeatureDraft draft = new FeatureDraft(g, values);
            try {
                return store.rules().prepare(layer, draft);
            } catch (InvalidGeometryException e) {
                if (!options.repair()) return reject(f, e.getMessage());
                return repair(f, draft, e);
            } catch (InvalidFeatureException e) {
                return reject(f, e.getMessage());
            }
        }

        private FeatureDraft repair(SourceFeature f, FeatureDraft draft, InvalidGeometryException fault) {
            Geometry fixed = GeometryValidator.repair(draft.geometry());
            try {
                FeatureDraft repaired = store.rules().prepare(layer, new FeatureDraft(fixed, draft.properties()));
                Geometry g = repaired.geometry();
                if (++repairedCount <= MAX_LISTED) repairs.add(new ImportReport.Repair(f.index(), f.sourceId(), f.place(), fault.fault().describe(),
                        "now a valid " + g.getGeometryType() + (g.getNumGeometries() > 1 ? " of " + g.getNumGeometries()
                                + " parts" : "") + String.format(Locale.ROOT, ", area %.1f%% of the invalid one's",
                                        draft.geometry().getArea() == 0 ? 100 : 100 * g.getArea() / draft.geometry().getArea())));
                return repaired;
            } catch (InvalidFeatureException e) {
                return reject(f, fault.getMessage() + "; it cannot be repaired: " + e.getMessage());
            }
        }

        private FeatureDraft reject(SourceFeature f, String reason) {
            if (++rejectedCount <= MAX_LISTED) rejections.add(new ImportReport.Rejection(f.index(), f.sourceId(), f.place(), reason));
            return null;
        }

        ImportReport report(boolean committed, String refusal) {
            List<String> notes = new ArrayList<>(source.notes());
            if (!unknown.isEmpty() && options.ignoreUnknown()) notes.add("left out the unknown columns " + unknown);
            if (rejectedCount > MAX_LISTED || repairedCount > MAX_LISTED) {
                notes.add(String.format(Locale.ROOT, "only the first %,d rejections and repairs are listed", MAX_LISTED));
            }
            if (flattened > 0) notes.add("dropped the heights (z) of " + flattened + " features, as asked");
            return new ImportReport(source.name(), layer.id(), source.crs().code(), read, committed ? written : 0,
                    rejectedCount, repairedCount, List.copyOf(unknown.isEmpty() ? unknownOf(source.columns())
                            : unknown), List.copyOf(rejections), List.copyOf(repairs), notes, options.dryRun(),
                    committed, refusal);
        }
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
