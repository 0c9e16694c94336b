package org.sinkatlas.layers.format;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.WKTWriter;
import org.sinkatlas.layers.crs.CrsDefinition;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.crs.GeometryTransform;
import org.sinkatlas.layers.model.Feature;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.store.StoreJson;

/**
 * A layer as CSV (jackson-dataformat-csv): UTF-8 with a byte-order mark so that Excel shows Chinese text, a
 * header {@code id, wkt, <properties>}, the geometry as WKT in the chosen CRS with (east, north) coordinates,
 * rounded to about 1 cm (7 decimals of a degree, or millimetres). Dates are ISO 8601, JSON values JSON text.
 */
public final class CsvFileWriter implements FeatureFileWriter {

    private static final CsvMapper MAPPER = new CsvMapper();

    private final Writer text;
    private final SequenceWriter rows;
    private final List<String> properties;
    private final GeometryTransform transform;
    private final WKTWriter wkt = new WKTWriter();

    public CsvFileWriter(LayerInfo layer, CrsDefinition crs, CrsService crsService, OutputStream out) throws IOException {
        this.properties = layer.propertyNames();
        this.transform = crsService.fromStorage(crs);
        wkt.setPrecisionModel(new PrecisionModel(crs.geographic() ? 1e7 : 1e3));
        this.text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        text.write('\uFEFF');
        CsvSchema.Builder schema = CsvSchema.builder().addColumn("id").addColumn("wkt");
        properties.forEach(schema::addColumn);
        this.rows = MAPPER.writer(schema.setUseHeader(true).setLineSeparator("\r\n").build())
                .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValues(text);
    }

    @Override
    public void write(Feature f) throws IOException {
        List<String> row = new ArrayList<>(properties.size() + 2);
        row.add(Long.toString(f.id()));
        row.add(f.geometry() == null ? "" : wkt.write(transform.apply(f.geometry())));
        for (String p : properties) row.add(cell(f.property(p)));
        rows.write(row);
    }

    static String cell(Object value) {
        Object v = StoreJson.jsonValue(value);
        if (v == null) return "";
        if (v instanceof Map<?, ?> m) return StoreJson.write(m);
        // Plain digits (no exponent), the shortest that reads back as the same number: spreadsheets show them as they are.
        if (v instanceof Double d) return java.math.BigDecimal.valueOf(d).toPlainString();
        return v.toString();
    }

    @Override
    public List<String> finish() throws IOException {
        rows.flush();
        text.flush();
        return List.of();
    }

    @Override
    public void close() {
        try {
            rows.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
