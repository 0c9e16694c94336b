package org.sinkatlas.layers.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.sinkatlas.layers.crs.CrsDefinition;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.format.GeoJsonFeatureReader.ReadFeature;

/**
 * A GeoJSON FeatureCollection or Feature file read one feature at a time with Jackson's streaming parser,
 * so a large file is never held in memory as a tree. A first quick pass checks the JSON, counts the features
 * and finds a legacy {@code crs} member (GDAL writes one for anything but WGS 84); RFC 7946 files are CRS84.
 */
public final class GeoJsonFeatureSource implements FeatureSource {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private final Path file;
    private final CrsDefinition crs;
    private final long count;
    private final List<String> notes = new ArrayList<>();
    private final GeoJsonFeatureReader reader = new GeoJsonFeatureReader();
    private final JsonParser parser;
    private final boolean single;
    private long index;
    private Boolean ready;

    private GeoJsonFeatureSource(Path file, SourceOptions options, CrsService crsService) throws IOException {
        this.file = file;
        Scan scan = scan(file);
        this.count = scan.features;
        this.single = scan.single;
        CrsDefinition declared = null;
        if (scan.crsName != null) {
            declared = crsService.find(scan.crsName).orElseThrow(() -> new FormatException(name() + " declares the CRS '"
                    + scan.crsName + "', which Sink Atlas does not accept; accepted: " + accepted(crsService)));
        }
        if (declared != null && options.crs() != null && declared.epsg() != options.crs().epsg()) {
            throw new FormatException(name() + " declares the CRS " + declared.code() + " but " + options.crs().code()
                    + " was given; leave out the CRS to use the file's own");
        }
        this.crs = declared != null ? declared : options.crs() != null ? options.crs() : CrsService.CRS84;
        if (declared == null && options.crs() == null) notes.add("no CRS declared: coordinates read as longitude/latitude (RFC 7946)");
        this.parser = FACTORY.createParser(file.toFile());
        if (single) {
            parser.nextToken();
        } else {
            toFeatures(parser);
        }
    }

    /** Opens a GeoJSON file. @throws FormatException when it is not a readable FeatureCollection or Feature */
    public static GeoJsonFeatureSource open(Path file, SourceOptions options, CrsService crsService) {
        try {
            return new GeoJsonFeatureSource(file, options, crsService);
        } catch (JsonParseException e) {
            throw new FormatException(file.getFileName() + " is not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new FormatException("cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private record Scan(long features, boolean single, String crsName) {}

    /** Checks the whole document, counts its features and finds its crs member, without building it. */
    private static Scan scan(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (Files.size(file) == 0) throw new FormatException(name + " is empty");
        try (JsonParser p = FACTORY.createParser(file.toFile())) {
            JsonToken t = p.nextToken();
            if (t == null) throw new FormatException(name + " is empty");
            if (t != JsonToken.START_OBJECT) throw new FormatException(name + " is not a GeoJSON object");
            String type = null;
            String crsName = null;
            long features = -1;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if (field.equals("type") && v == JsonToken.VALUE_STRING) {
                    type = p.getText();
                } else if (field.equals("crs") && v == JsonToken.START_OBJECT) {
                    JsonNode crs = MAPPER.readTree(p);
                    crsName = crs.path("properties").path("name").asText(null);
                } else if (field.equals("features") && v == JsonToken.START_ARRAY) {
                    features = 0;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        p.skipChildren();
                        features++;
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (p.nextToken() != null) throw new FormatException(name + " has more after its top-level object");
            if ("Feature".equals(type)) return new Scan(1, true, crsName);
            if (!"FeatureCollection".equals(type)) {
                throw new FormatException(name + ": expected a GeoJSON FeatureCollection or Feature, got type '" + type + "'");
            }
            if (features < 0) throw new FormatException(name + ": a FeatureCollection needs a 'features' array");
            return new Scan(features, false, crsName);
        }
    }

    private static void toFeatures(JsonParser p) throws IOException {
        p.nextToken();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            if (field.equals("features") && v == JsonToken.START_ARRAY) return;
            p.skipChildren();
        }
        throw new FormatException("no 'features' array");
    }

    private static String accepted(CrsService crsService) {
        return String.join(", ", crsService.supported().stream().map(CrsDefinition::code).toList());
    }

    @Override
    public String name() {
        return file.getFileName().toString();
    }

    @Override
    public CrsDefinition crs() {
        return crs;
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public List<String> columns() {
        return List.of();
    }

    @Override
    public List<String> notes() {
        return notes;
    }

    @Override
    public boolean hasNext() {
        if (ready == null) {
            if (single) {
                ready = index == 0;
            } else {
                try {
                    ready = parser.nextToken() == JsonToken.START_OBJECT;
                } catch (IOException e) {
                    throw failure(e);
                }
            }
        }
        return ready;
    }

    @Override
    public SourceFeature next() {
        if (!hasNext()) throw new NoSuchElementException();
        ready = null;
        index++;
        String place = "feature " + index;
        JsonNode node;
        try {
            node = MAPPER.readTree(parser);
        } catch (IOException e) {
            throw failure(e);
        }
        JsonNode id = node.get("id");
        String sourceId = id == null || id.isNull() ? null : id.asText();
        try {
            ReadFeature f = reader.read(node);
            return new SourceFeature(index, sourceId, place, f.geometry(), f.properties(), null);
        } catch (IOException e) {
            return SourceFeature.unreadable(index, sourceId, place, e.getMessage());
        }
    }

    private RuntimeException failure(IOException e) {
        if (e instanceof JsonParseException j) {
            return new FormatException(name() + " is not valid JSON at line " + j.getLocation().getLineNr() + ": "
                    + j.getOriginalMessage(), e);
        }
        return new UncheckedIOException(e);
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
