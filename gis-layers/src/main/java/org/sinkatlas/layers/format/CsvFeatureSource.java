package org.sinkatlas.layers.format;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.sinkatlas.layers.crs.CrsDefinition;
import org.sinkatlas.layers.crs.CrsService;

/**
 * A CSV file of features, read with Jackson's CSV parser: a header row, then one feature a line with its
 * geometry in a WKT column ({@code wkt}, {@code geometry} or {@code geom}) or as two number columns
 * ({@code lon}/{@code lng}/{@code longitude}/{@code x} and {@code lat}/{@code latitude}/{@code y}). The text is
 * UTF-8 (with or without a byte-order mark) or, when the file is not valid UTF-8, GBK, as Excel saves CSV on
 * Chinese Windows; a file valid in neither, or not in the encoding given, is refused. Coordinates are in the CRS the caller gives, CRS84 by default. Every value is text; the
 * importer converts it to the property's type.
 */
public final class CsvFeatureSource implements FeatureSource {

    private static final List<String> WKT = List.of("wkt", "geometry", "geom");
    private static final List<String> LON = List.of("lon", "lng", "longitude", "x");
    private static final List<String> LAT = List.of("lat", "latitude", "y");

    private final String name;
    private final CrsDefinition crs;
    private final CsvParser parser;
    private final List<String> header = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final long count;
    private final int wkt;
    private final int lon;
    private final int lat;
    private final int id;
    private final WKTReader wktReader = new WKTReader(new GeometryFactory());
    private final GeometryFactory factory = new GeometryFactory();
    private long index;
    private Boolean ready;

    private CsvFeatureSource(Path file, SourceOptions options) throws IOException {
        this.name = file.getFileName().toString();
        this.crs = options.crs() != null ? options.crs() : CrsService.CRS84;
        if (options.crs() == null) notes.add("no CRS given: coordinates read as longitude/latitude (CRS84)");
        Charset charset = encoding(file, options.encoding());
        if (options.encoding() == null && !charset.equals(StandardCharsets.UTF_8)) {
            notes.add(name + " is not valid UTF-8: read as GBK");
        }
        this.count = countRows(file, charset);
        this.parser = open(file, charset);
        try {
            if (parser.nextToken() != JsonToken.START_ARRAY) throw new FormatException(name + " is empty");
            // Without a schema Jackson hands out each line as an array of texts.
            for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                header.add(parser.getText().trim());
            }
            this.wkt = column(WKT);
            this.lon = wkt >= 0 ? -1 : column(LON);
            this.lat = wkt >= 0 ? -1 : column(LAT);
            if (wkt < 0 && (lon < 0 || lat < 0)) {
                throw new FormatException(name + " has no geometry column: expected a WKT column (wkt, geometry or geom)"
                        + " or lon and lat columns (lon, lng, longitude or x; lat, latitude or y); its columns are " + header);
            }
            int idColumn = -1;
            for (int i = 0; i < header.size(); i++) {
                if (SourceFeature.isIdColumn(header.get(i))) idColumn = i;
            }
            this.id = idColumn;
        } catch (IOException | RuntimeException e) {
            parser.close();
            throw e;
        }
    }

    /** Opens a CSV file. @throws FormatException when it is empty or has no geometry columns */
    public static CsvFeatureSource open(Path file, SourceOptions options) {
        try {
            if (Files.size(file) == 0) throw new FormatException(file.getFileName() + " is empty");
            return new CsvFeatureSource(file, options);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new FormatException(file.getFileName() + " is not readable CSV: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new FormatException("cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The encoding to read a file in: the one given, else UTF-8 when the bytes are valid UTF-8 (always when a
     * byte-order mark says so), else GBK. Bytes that are not valid in that encoding are refused, never guessed at.
     *
     * @throws FormatException naming the line and column of the first bytes that cannot be read
     */
    static Charset encoding(Path file, Charset given) throws IOException {
        String name = file.getFileName().toString();
        if (given != null) {
            String fault = firstUndecodable(file, given);
            if (fault != null) throw new FormatException(name + " is not valid " + given.name() + ": " + fault);
            return given;
        }
        String utf8 = firstUndecodable(file, StandardCharsets.UTF_8);
        if (utf8 == null) return StandardCharsets.UTF_8;
        if (hasUtf8Mark(file)) throw new FormatException(name + " begins with a UTF-8 mark but is not valid UTF-8: " + utf8);
        String gbk = firstUndecodable(file, CodePages.DEFAULT);
        if (gbk == null) return CodePages.DEFAULT;
        throw new FormatException(name + " is neither UTF-8 (" + utf8 + ") nor GBK (" + gbk + "): save it as UTF-8,"
                + " or say which encoding it is in with encoding=");
    }

    private static boolean hasUtf8Mark(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(3);
            return head.length == 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF;
        }
    }

    /** Where the bytes of a file first fail to decode ("line 3, column 7"), or null when they all decode. */
    static String firstUndecodable(Path file, Charset charset) throws IOException {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        long line = 1;
        long column = 1;
        try (ReadableByteChannel channel = Files.newByteChannel(file)) {
            boolean end = false;
            while (true) {
                if (channel.read(in) < 0) end = true;
                in.flip();
                CoderResult result;
                do {
                    result = decoder.decode(in, out, end);
                    out.flip();
                    while (out.hasRemaining()) {
                        if (out.get() == '\n') {
                            line++;
                            column = 1;
                        } else {
                            column++;
                        }
                    }
                    out.clear();
                    if (result.isError()) return "line " + line + ", column " + column;
                } while (result.isOverflow());
                in.compact();
                if (end) return null;
            }
        }
    }

    private static CsvParser open(Path file, Charset charset) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), charset), 1 << 16);
        reader.mark(1);
        if (reader.read() != '\uFEFF') reader.reset();
        CsvParser p = new CsvFactory().createParser(reader);
        p.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        return p;
    }

    private static long countRows(Path file, Charset charset) throws IOException {
        try (CsvParser p = open(file, charset)) {
            long rows = -1;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.START_ARRAY) {
                    rows++;
                    p.skipChildren();
                }
            }
            return Math.max(0, rows);
        }
    }

    private int column(List<String> names) {
        for (String n : names) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).toLowerCase(Locale.ROOT).equals(n)) return i;
            }
        }
        return -1;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CrsDefinition crs() {
        return crs;
    }

    @Override
    public long count() {
        return count;
    }

    /** The attribute columns: every header column but the geometry ones. */
    @Override
    public List<String> columns() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (i != wkt && i != lon && i != lat) out.add(header.get(i));
        }
        return out;
    }

    @Override
    public List<String> notes() {
        return notes;
    }

    @Override
    public boolean hasNext() {
        if (ready == null) {
            try {
                ready = parser.nextToken() == JsonToken.START_ARRAY;
            } catch (IOException e) {
                throw failure(e);
            }
        }
        return ready;
    }

    @Override
    public SourceFeature next() {
        if (!hasNext()) throw new NoSuchElementException();
        ready = null;
        index++;
        // Jackson counts the line before the row's first character: the row itself is the next one.
        int line = parser.currentTokenLocation().getLineNr() + 1;
        String place = "line " + line;
        List<String> cells = new ArrayList<>(header.size());
        try {
            for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) cells.add(parser.getText());
        } catch (IOException e) {
            throw failure(e);
        }
        String sourceId = id >= 0 && id < cells.size() && !cells.get(id).isBlank() ? cells.get(id).trim() : null;
        if (cells.size() != header.size()) {
            return SourceFeature.unreadable(index, sourceId, place, "line " + line + " has " + cells.size()
                    + " values but the header has " + header.size() + " columns");
        }
        Map<String, Object> props = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            if (i == wkt || i == lon || i == lat) continue;
            String v = cells.get(i);
            props.put(header.get(i), v.isEmpty() ? null : v);
        }
        Geometry g;
        try {
            g = geometry(cells);
        } catch (IllegalArgumentException e) {
            return new SourceFeature(index, sourceId, place, null, props, "line " + line + ": " + e.getMessage());
        }
        return new SourceFeature(index, sourceId, place, g, props, null);
    }

    private Geometry geometry(List<String> cells) {
        if (wkt >= 0) {
            String text = cells.get(wkt).trim();
            if (text.isEmpty()) return null;
            try {
                return wktReader.read(text);
            } catch (ParseException | RuntimeException e) {
                throw new IllegalArgumentException("unreadable WKT in column '" + header.get(wkt) + "': " + e.getMessage());
            }
        }
        String x = cells.get(lon).trim();
        String y = cells.get(lat).trim();
        if (x.isEmpty() && y.isEmpty()) return null;
        return factory.createPoint(new Coordinate(number(x, lon), number(y, lat)));
    }

    private double number(String text, int column) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(header.get(column) + " '" + text + "' is not a number");
        }
    }

    private RuntimeException failure(IOException e) {
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j) {
            return new FormatException(name + " is not readable CSV after line " + parser.currentLocation().getLineNr()
                    + ": " + j.getOriginalMessage(), e);
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
