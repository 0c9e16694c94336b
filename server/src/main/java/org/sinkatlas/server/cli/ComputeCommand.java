package org.sinkatlas.server.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import mil.nga.sf.GeometryType;
import org.locationtech.jts.geom.Geometry;
import org.sinkatlas.layers.crs.CrsDefinition;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.format.GeoJsonFeatureReader;
import org.sinkatlas.layers.format.GeoJsonFeatureReader.ReadFeature;
import org.sinkatlas.layers.format.GeoJsonGeometryWriter;
import org.sinkatlas.layers.format.GeoPackageFeatureFile;
import org.sinkatlas.layers.store.StoreJson;
import org.sinkatlas.server.http.Json;
import org.sinkatlas.sink.calc.SinkCalculator;
import org.sinkatlas.layers.model.SinkFields;
import org.sinkatlas.sink.layers.StoredEstimates;
import org.sinkatlas.sink.standard.SinkStandard;
import org.sinkatlas.sink.standard.StandardCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code compute}: estimates every feature of a GeoPackage or GeoJSON file offline and writes the file
 * again (GeoPackage or GeoJSON) or a CSV, with estimate columns added. Features are read one at a time and
 * estimated in parallel batches; a feature that cannot be estimated keeps its row with the reason in
 * {@code sink_error}.
 */
@Command(name = "compute", mixinStandardHelpOptions = true,
        description = "Estimate the sink of every feature of a GeoPackage or GeoJSON file (land cover in a property)"
                + " and write .gpkg, .geojson or .csv with estimate columns.")
final class ComputeCommand implements Callable<Integer> {

    private static final List<String> COLUMNS = List.of(SinkFields.AREA, SinkFields.STOCK, SinkFields.REMOVAL,
            SinkFields.METHANE, SinkFields.NET, SinkFields.NET_P5, SinkFields.NET_P95, SinkFields.DENSITY,
            SinkFields.STANDARD, "sink_error");
    private static final int BATCH = 10_000;

    @Option(names = "--input", required = true, description = "A .gpkg or .geojson file.")
    Path input;

    @Option(names = "--layer", description = "Feature table of a GeoPackage (default: its only one).")
    String layer;

    @Option(names = "--output", required = true, description = "A new .gpkg, .geojson or .csv file.")
    Path output;

    @Option(names = "--crs", defaultValue = "OGC:CRS84", description = "CRS of a GeoJSON input, in its axis order"
            + " (default: ${DEFAULT-VALUE}).")
    String crsName;

    @Option(names = "--landcover-field", defaultValue = "landcover",
            description = "Property holding the GB/T 21010-2017 code (default: ${DEFAULT-VALUE}).")
    String landcoverField;

    @Option(names = "--standard", description = "Standard id@version (default: the newest).")
    String standardRef;

    @Override
    public Integer call() throws Exception {
        StandardCatalog catalog = StandardCatalog.builtIn();
        SinkStandard standard = catalog.find(standardRef).orElse(null);
        if (standard == null) {
            System.err.println("sink-atlas: unknown standard " + standardRef);
            return 2;
        }
        String out = output.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!(out.endsWith(".gpkg") || out.endsWith(".geojson") || out.endsWith(".json") || out.endsWith(".csv"))) {
            System.err.println("sink-atlas: the output must end in .gpkg, .geojson or .csv");
            return 2;
        }
        if (Files.exists(output)) {
            System.err.println("sink-atlas: " + output + " exists; give a new file name");
            return 2;
        }
        CrsService crs = new CrsService();
        SinkCalculator calc = new SinkCalculator(standard);
        try (Source source = open(crs)) {
            ProgressBar bar = new ProgressBar(System.out, "compute", source.count);
            long[] tally = new long[2];
            try (Sink sink = sink(source)) {
                List<ReadFeature> batch = new ArrayList<>(BATCH);
                while (source.features.hasNext()) {
                    batch.add(source.features.next());
                    if (batch.size() == BATCH || !source.features.hasNext()) {
                        List<Map<String, Object>> values = batch.parallelStream().map(f -> estimate(calc, f)).toList();
                        for (int i = 0; i < batch.size(); i++) {
                            sink.write(batch.get(i), values.get(i));
                            tally[values.get(i).get("sink_error") == null ? 0 : 1]++;
                        }
                        bar.update(tally[0] + tally[1]);
                        batch.clear();
                    }
                }
            }
            System.out.printf("estimated %,d features with %s into %s%s%n", tally[0], standard.key(), output,
                    tally[1] == 0 ? "" : String.format("; %,d could not be estimated (see sink_error)", tally[1]));
            return 0;
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            Files.deleteIfExists(output);
            System.err.println("sink-atlas: " + e.getMessage());
            return 2;
        }
    }

    /** The same values the service stores with a sink layer's features, and the reason when there are none. */
    private Map<String, Object> estimate(SinkCalculator calc, ReadFeature f) {
        Map<String, Object> props = new LinkedHashMap<>(f.properties());
        if (!landcoverField.equals(SinkFields.LANDCOVER)) props.put(SinkFields.LANDCOVER, props.get(landcoverField));
        String unreadable = null;
        if (props.get(SinkFields.FRACTIONS) instanceof String json) {
            try {
                props.put(SinkFields.FRACTIONS, StoreJson.objectFromJson(json));
            } catch (org.sinkatlas.layers.store.StoreException e) {
                props.remove(SinkFields.FRACTIONS);
                unreadable = "landcover_fractions is not a JSON object: " + json;
            }
        }
        // With unreadable fractions nothing is estimated: the values stay empty and the row says why.
        StoredEstimates.Values v = StoredEstimates.valuesFor(calc, f.geometry(), unreadable == null ? props : Map.of());
        Map<String, Object> out = new LinkedHashMap<>(v.values());
        out.put("sink_error", unreadable != null ? unreadable : v.error());
        return out;
    }

    // ------------------------------------------------------------------------------------------------
    // Input

    /** The input's features, their count, their attribute columns and types, and the first feature. */
    private static final class Source implements AutoCloseable {
        final Iterator<ReadFeature> features;
        final long count;
        final ReadFeature first;
        final Map<String, Class<?>> columns;
        final AutoCloseable closer;

        Source(Iterator<ReadFeature> features, long count, ReadFeature first, Map<String, Class<?>> columns,
                AutoCloseable closer) {
            this.features = features;
            this.count = count;
            this.first = first;
            this.columns = columns;
            this.closer = closer;
        }

        @Override
        public void close() throws Exception {
            if (closer != null) closer.close();
        }
    }

    private Source open(CrsService crs) throws IOException {
        String name = input.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gpkg")) {
            String table = layer;
            if (table == null) {
                List<String> tables = GeoPackageFeatureFile.tables(input);
                if (tables.size() != 1) throw new IllegalArgumentException("give --layer: the file has tables " + tables);
                table = tables.get(0);
            }
            GeoPackageFeatureFile.Reader reader;
            try {
                reader = GeoPackageFeatureFile.read(input, table, crs);
            } catch (org.sinkatlas.layers.format.FormatException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            if (!reader.hasNext()) {
                reader.close();
                throw new IllegalArgumentException("table " + table + " has no features");
            }
            org.sinkatlas.layers.crs.GeometryTransform toStorage = crs.toStorage(reader.crs());
            java.util.function.Function<org.sinkatlas.layers.format.SourceFeature, ReadFeature> inStorage = f -> {
                if (f.problem() != null) throw new IllegalStateException(f.place() + ": " + f.problem());
                return new ReadFeature(f.sourceId() == null ? null : Long.parseLong(f.sourceId()),
                        toStorage.apply(f.geometry()), f.properties());
            };
            // Peek at the first feature for the columns, then hand it out again.
            ReadFeature first = inStorage.apply(reader.next());
            Iterator<ReadFeature> all = new Iterator<>() {
                boolean gaveFirst;

                @Override
                public boolean hasNext() {
                    return !gaveFirst || reader.hasNext();
                }

                @Override
                public ReadFeature next() {
                    if (!gaveFirst) {
                        gaveFirst = true;
                        return first;
                    }
                    return inStorage.apply(reader.next());
                }
            };
            return new Source(all, reader.count(), first, reader.columnTypes(), reader);
        }
        if (name.endsWith(".geojson") || name.endsWith(".json")) {
            CrsDefinition from = crs.require(crsName);
            List<ReadFeature> read;
            try (InputStream in = Files.newInputStream(input)) {
                read = new GeoJsonFeatureReader().readAll(in);
            }
            if (read.isEmpty()) throw new IllegalArgumentException(input + " has no features");
            List<ReadFeature> inStorage = new ArrayList<>(read.size());
            for (ReadFeature f : read) {
                inStorage.add(new ReadFeature(f.id(), f.geometry() == null ? null : crs.toStorage(f.geometry(), from),
                        f.properties()));
            }
            // A column's type is that of its first value that is not null.
            Map<String, Class<?>> columns = new LinkedHashMap<>();
            for (ReadFeature f : inStorage) {
                f.properties().forEach((k, v) -> {
                    if (v != null && columns.get(k) == null) columns.put(k, v instanceof Map ? String.class : v.getClass());
                    else columns.putIfAbsent(k, null);
                });
            }
            columns.replaceAll((k, v) -> v == null ? String.class : v);
            return new Source(inStorage.iterator(), inStorage.size(), inStorage.get(0), columns, null);
        }
        throw new IllegalArgumentException("the input must be a .gpkg or .geojson file");
    }

    // ------------------------------------------------------------------------------------------------
    // Output

    private interface Sink extends AutoCloseable {
        void write(ReadFeature f, Map<String, Object> estimate) throws IOException;

        @Override
        void close() throws IOException;
    }

    private Sink sink(Source source) throws IOException {
        String name = output.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) return csv(source);
        if (name.endsWith(".gpkg")) return geoPackage(source);
        return geoJson();
    }

    private Sink csv(Source source) throws IOException {
        BufferedWriter w = Files.newBufferedWriter(output, StandardCharsets.UTF_8);
        List<String> props = new ArrayList<>(source.columns.keySet());
        w.write('\uFEFF');
        List<String> header = new ArrayList<>();
        header.add("id");
        header.addAll(props);
        header.addAll(COLUMNS);
        w.write(String.join(",", header.stream().map(ComputeCommand::csvCell).toList()));
        w.write("\r\n");
        return new Sink() {
            @Override
            public void write(ReadFeature f, Map<String, Object> estimate) throws IOException {
                List<String> cells = new ArrayList<>();
                cells.add(csvCell(f.id()));
                for (String p : props) cells.add(csvCell(f.properties().get(p)));
                for (String c : COLUMNS) cells.add(csvCell(estimate.get(c)));
                w.write(String.join(",", cells));
                w.write("\r\n");
            }

            @Override
            public void close() throws IOException {
                w.close();
            }
        };
    }

    private static String csvCell(Object v) {
        if (v == null) return "";
        String s = v instanceof Map<?, ?> m ? StoreJson.write(m) : v instanceof Double d
                ? String.format(Locale.ROOT, "%.6f", d) : v.toString();
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private Sink geoPackage(Source source) throws IOException {
        ReadFeature first = source.first;
        Map<String, Class<?>> columns = new LinkedHashMap<>(source.columns);
        for (String c : COLUMNS) {
            columns.put(c, c.equals(SinkFields.STANDARD) || c.equals("sink_error") ? String.class : Double.class);
        }
        String table = output.getFileName().toString().replaceFirst("(?i)\\.gpkg$", "").replaceAll("[^A-Za-z0-9_]", "_");
        GeometryType type = GeometryType.fromName(first.geometry().getGeometryType().toUpperCase(Locale.ROOT));
        if (first.geometry().getDimension() == 2) type = GeometryType.MULTIPOLYGON;
        GeoPackageFeatureFile.Writer w = GeoPackageFeatureFile.create(output, table, type, columns);
        boolean multi = type == GeometryType.MULTIPOLYGON;
        return new Sink() {
            @Override
            public void write(ReadFeature f, Map<String, Object> estimate) throws IOException {
                Map<String, Object> values = new LinkedHashMap<>(f.properties());
                values.putAll(estimate);
                Geometry g = f.geometry();
                if (multi && g instanceof org.locationtech.jts.geom.Polygon p) {
                    g = g.getFactory().createMultiPolygon(new org.locationtech.jts.geom.Polygon[] {p});
                }
                w.add(g, values);
            }

            @Override
            public void close() {
                w.close();
            }
        };
    }

    private Sink geoJson() throws IOException {
        OutputStream os = Files.newOutputStream(output);
        JsonGenerator gen = Json.FACTORY.createGenerator(os, JsonEncoding.UTF8);
        gen.setCodec(Json.MAPPER);
        gen.writeStartObject();
        gen.writeStringField("type", "FeatureCollection");
        gen.writeArrayFieldStart("features");
        GeoJsonGeometryWriter geometry = GeoJsonGeometryWriter.crs84(new CrsService());
        return new Sink() {
            @Override
            public void write(ReadFeature f, Map<String, Object> estimate) throws IOException {
                gen.writeStartObject();
                gen.writeStringField("type", "Feature");
                if (f.id() != null) gen.writeObjectField("id", f.id());
                gen.writeFieldName("geometry");
                geometry.write(gen, f.geometry());
                Map<String, Object> props = new LinkedHashMap<>(f.properties());
                props.putAll(estimate);
                gen.writeObjectField("properties", props);
                gen.writeEndObject();
            }

            @Override
            public void close() throws IOException {
                gen.writeEndArray();
                gen.writeEndObject();
                gen.close();
                os.close();
            }
        };
    }
}
