package org.sinkatlas.server.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.locationtech.jts.geom.Geometry;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.crs.GeometryTransform;
import org.sinkatlas.layers.format.FeatureFileWriter;
import org.sinkatlas.layers.format.FeatureSource;
import org.sinkatlas.layers.format.FormatException;
import org.sinkatlas.layers.format.SourceFeature;
import org.sinkatlas.layers.format.SourceOptions;
import org.sinkatlas.layers.model.Feature;
import org.sinkatlas.layers.model.GeometryKind;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.Localized;
import org.sinkatlas.layers.model.PropertyDef;
import org.sinkatlas.layers.model.PropertyType;
import org.sinkatlas.layers.model.SinkFields;
import org.sinkatlas.layers.store.StoreException;
import org.sinkatlas.layers.store.StoreJson;
import org.sinkatlas.layers.transfer.FeatureFormat;
import org.sinkatlas.sink.calc.SinkCalculator;
import org.sinkatlas.sink.layers.StoredEstimates;
import org.sinkatlas.sink.standard.SinkStandard;
import org.sinkatlas.sink.standard.StandardCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code compute}: estimates every feature of a survey file offline and writes it again with the estimate
 * columns the service keeps with a sink layer. Files are read and written by the same formats as imports and
 * exports (GeoJSON, GeoPackage, zipped shapefile, CSV): one pass learns the columns' types, the second reads
 * features one at a time and estimates them in parallel batches. A feature that cannot be estimated keeps
 * its row with the reason in {@code sink_error}; one that cannot be read is left out and named.
 */
@Command(name = "compute", mixinStandardHelpOptions = true,
        description = "Estimate the sink of every feature of a GeoJSON, GeoPackage, zipped shapefile or CSV file (land"
                + " cover in a property) and write .geojson, .gpkg, .zip (shapefile) or .csv with estimate columns.")
final class ComputeCommand implements Callable<Integer> {

    private static final String ERROR = "sink_error";
    private static final int BATCH = 10_000;

    @Option(names = "--input", required = true, description = "A .geojson, .gpkg, .zip (shapefile) or .csv file.")
    Path input;

    @Option(names = "--layer", description = "Table of a GeoPackage, or shapefile of a zip, when it holds several.")
    String layer;

    @Option(names = "--output", required = true, description = "A new .geojson, .gpkg, .zip or .csv file.")
    Path output;

    @Mixin
    FileCrsOption fileCrs;

    @Option(names = "--landcover-field", defaultValue = "landcover",
            description = "Property holding the GB/T 21010-2017 code (default: ${DEFAULT-VALUE}).")
    String landcoverField;

    @Option(names = "--standard", description = "Standard id@version (default: the newest).")
    String standardRef;

    @Override
    public Integer call() throws Exception {
        SinkStandard standard = StandardCatalog.builtIn().find(standardRef).orElse(null);
        if (standard == null) {
            System.err.println("sink-atlas: unknown standard " + standardRef);
            return 2;
        }
        FeatureFormat in = FeatureFormat.byFileName(input.getFileName().toString()).orElse(null);
        String outName = output.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        // A written file ends as its format's files do (a shapefile is written zipped).
        FeatureFormat out = FeatureFormat.byFileName(outName).filter(f -> outName.endsWith(f.extension())
                || (f == FeatureFormat.GEOJSON && outName.endsWith(".json"))).orElse(null);
        if (in == null || out == null) {
            System.err.println("sink-atlas: --input and --output must end in .geojson, .gpkg, .zip or .csv");
            return 2;
        }
        if (Files.exists(output)) {
            System.err.println("sink-atlas: " + output + " exists; give a new file name");
            return 2;
        }
        CrsService crs = new CrsService();
        SinkCalculator calc = new SinkCalculator(standard);
        try {
            SourceOptions options = new SourceOptions(fileCrs.resolve(crs), null, layer);
            Columns columns = columns(in, options, crs);
            long[] tally = new long[3];
            try (FeatureSource source = in.open(input, options, crs); OutputStream os = Files.newOutputStream(output);
                    FeatureFileWriter writer = out.writer(layerOf(columns), CrsService.CRS84, crs, os)) {
                GeometryTransform toStorage = crs.toStorage(source.crs());
                ProgressBar bar = new ProgressBar(System.out, "compute", columns.count());
                List<Feature> batch = new ArrayList<>(BATCH);
                while (source.hasNext()) {
                    SourceFeature f = source.next();
                    if (f.problem() != null || f.geometry() == null) {
                        System.err.println("sink-atlas: " + f.place() + ": " + (f.problem() != null ? f.problem() : "no geometry")
                                + " (left out)");
                        tally[2]++;
                        continue;
                    }
                    batch.add(feature(f, columns.kind().coerce(toStorage.apply(f.geometry())), columns));
                    if (batch.size() == BATCH) flush(batch, calc, writer, tally, bar);
                }
                flush(batch, calc, writer, tally, bar);
                writer.finish().forEach(note -> System.out.println("note: " + note));
            }
            System.out.printf("estimated %,d features with %s into %s%s%s%n", tally[0], standard.key(), output,
                    tally[1] == 0 ? "" : String.format("; %,d could not be estimated (see %s)", tally[1], ERROR),
                    tally[2] == 0 ? "" : String.format("; %,d could not be read and were left out", tally[2]));
            return 0;
        } catch (IOException | FormatException | StoreException | IllegalArgumentException e) {
            Files.deleteIfExists(output);
            System.err.println("sink-atlas: " + e.getMessage());
            return 2;
        }
    }

    /**
     * The input's attribute columns with a type each (by the name written, a valid property name, with the
     * file's own name in {@code sourceNames}), its geometry kind, and how many features it holds.
     */
    private record Columns(Map<String, PropertyType> types, Map<String, String> sourceNames, GeometryKind kind, long count) {}

    /**
     * A first pass over the file: a column's type is that of its values (whole numbers and reals make real, any
     * other mix makes text); the geometry kind is the first geometry's, as a multi-geometry.
     */
    private Columns columns(FeatureFormat format, SourceOptions options, CrsService crs) {
        Map<String, PropertyType> types = new LinkedHashMap<>();
        GeometryKind kind = null;
        long count = 0;
        try (FeatureSource source = format.open(input, options, crs)) {
            source.columns().stream().filter(c -> !SourceFeature.isIdColumn(c)).forEach(c -> types.put(c, null));
            while (source.hasNext()) {
                SourceFeature f = source.next();
                if (f.problem() != null || f.geometry() == null) continue;
                count++;
                if (kind == null) kind = switch (f.geometry().getDimension()) {
                    case 0 -> GeometryKind.MULTIPOINT;
                    case 1 -> GeometryKind.MULTILINESTRING;
                    default -> GeometryKind.MULTIPOLYGON;
                };
                f.properties().forEach((k, v) -> {
                    PropertyType t = typeOf(v);
                    if (t == null) types.putIfAbsent(k, null);
                    else types.merge(k, t, ComputeCommand::wider);
                });
            }
        }
        if (kind == null) throw new IllegalArgumentException(input + " has no features that can be read");
        // The estimate columns are the service's own: an input's columns of the same names are replaced.
        SinkFields.definitions().forEach(d -> types.remove(d.name()));
        types.remove(ERROR);
        Map<String, PropertyType> written = new LinkedHashMap<>();
        Map<String, String> sourceNames = new LinkedHashMap<>();
        for (Map.Entry<String, PropertyType> e : types.entrySet()) {
            if (e.getKey().equals(landcoverField)) continue;
            String name = propertyName(e.getKey(), written.keySet());
            written.put(name, e.getValue() == null ? PropertyType.STRING : e.getValue());
            sourceNames.put(name, e.getKey());
        }
        // The land cover is written under its usual name, whatever the file calls it.
        written.put(SinkFields.LANDCOVER, PropertyType.STRING);
        sourceNames.put(SinkFields.LANDCOVER, landcoverField);
        return new Columns(written, sourceNames, kind, count);
    }

    /** A column's name as a property may have it: lower case, letters, digits and '_', not a reserved one. */
    private static String propertyName(String column, java.util.Set<String> taken) {
        String n = column.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (n.isEmpty() || !Character.isLetter(n.charAt(0))) n = "f_" + n;
        if (n.startsWith("sa_") || n.equals("id") || n.equals("fid") || n.equals("geom")) n = "f_" + n;
        String unique = n;
        for (int i = 2; taken.contains(unique) || unique.equals(SinkFields.LANDCOVER); i++) unique = n + "_" + i;
        return unique;
    }

    private static PropertyType typeOf(Object v) {
        if (v == null) return null;
        if (v instanceof Long || v instanceof Integer) return PropertyType.INTEGER;
        if (v instanceof Number) return PropertyType.REAL;
        if (v instanceof Boolean) return PropertyType.BOOLEAN;
        if (v instanceof LocalDate) return PropertyType.DATE;
        if (v instanceof Map) return PropertyType.JSON;
        return PropertyType.STRING;
    }

    private static PropertyType wider(PropertyType a, PropertyType b) {
        if (a == null || a == b) return b;
        if (b == null) return a;
        boolean numbers = (a == PropertyType.INTEGER || a == PropertyType.REAL) && (b == PropertyType.INTEGER || b == PropertyType.REAL);
        return numbers ? PropertyType.REAL : PropertyType.STRING;
    }

    /** The written file's layer: the input's columns, then the estimate columns and the reason for none. */
    private LayerInfo layerOf(Columns c) {
        List<PropertyDef> props = new ArrayList<>();
        c.types().forEach((name, type) -> props.add(PropertyDef.of(name, type, name, name)));
        props.addAll(SinkFields.definitions());
        props.add(PropertyDef.of(ERROR, PropertyType.STRING, "无法估算的原因", "Why there is no estimate"));
        String name = output.getFileName().toString().replaceFirst("\\.[^.]*$", "").toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (name.isEmpty() || !Character.isLetter(name.charAt(0))) name = "sinks-" + name;
        return new LayerInfo(name.length() > 40 ? name.substring(0, 40) : name, Localized.of(name, name),
                Localized.of("碳汇估算", "Sink estimates"), c.kind(), props, null, true, "", List.of());
    }

    /** A read feature as the calculator and the writer take it: its properties under the names written. */
    private static Feature feature(SourceFeature f, Geometry geometry, Columns columns) {
        Map<String, Object> props = new LinkedHashMap<>();
        columns.sourceNames().forEach((name, column) -> props.put(name, f.properties().get(column)));
        long id = f.sourceId() != null && f.sourceId().matches("\\d{1,18}") ? Long.parseLong(f.sourceId()) : f.index();
        return new Feature(id, geometry, props, 1, null, null);
    }

    private static void flush(List<Feature> batch, SinkCalculator calc, FeatureFileWriter writer, long[] tally, ProgressBar bar)
            throws IOException {
        List<Map<String, Object>> values = batch.parallelStream().map(f -> estimate(calc, f)).toList();
        for (int i = 0; i < batch.size(); i++) {
            Feature f = batch.get(i);
            Map<String, Object> props = new LinkedHashMap<>(f.properties());
            props.putAll(values.get(i));
            writer.write(new Feature(f.id(), f.geometry(), props, 1, null, null));
            tally[values.get(i).get(ERROR) == null ? 0 : 1]++;
        }
        bar.update(tally[0] + tally[1]);
        batch.clear();
    }

    /** The values the service stores with a sink layer's features, and the reason when there are none. */
    private static Map<String, Object> estimate(SinkCalculator calc, Feature f) {
        Map<String, Object> props = new LinkedHashMap<>(f.properties());
        String unreadable = null;
        // A fractions column of a flat file holds JSON text.
        if (props.get(SinkFields.FRACTIONS) instanceof String json) {
            if (json.isBlank()) props.remove(SinkFields.FRACTIONS);
            else try {
                props.put(SinkFields.FRACTIONS, StoreJson.objectFromJson(json));
            } catch (StoreException e) {
                unreadable = "landcover_fractions is not a JSON object: " + json;
            }
        }
        StoredEstimates.Values v = StoredEstimates.valuesFor(calc, f.geometry(), unreadable == null ? props : Map.of());
        Map<String, Object> out = new LinkedHashMap<>(v.values());
        out.put(ERROR, unreadable != null ? unreadable : v.error());
        return out;
    }
}
