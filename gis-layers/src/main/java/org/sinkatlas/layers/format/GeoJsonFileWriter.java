package org.sinkatlas.layers.format;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.sinkatlas.layers.crs.CrsDefinition;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.model.Feature;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.store.StoreJson;

/**
 * A layer as a GeoJSON FeatureCollection file, streamed. Coordinates are (east, north) whatever the CRS, as
 * GDAL and QGIS read and write GeoJSON files; a CRS other than CRS84 is named in a legacy {@code crs} member
 * (GeoJSON 2008), which GDAL and QGIS honour, since RFC 7946 has no way to say it.
 */
public final class GeoJsonFileWriter implements FeatureFileWriter {

    private static final JsonFactory FACTORY = JsonFactory.builder().addDecorator(PlainNumberJson.DECORATOR).build();

    private final JsonGenerator gen;
    private final GeoJsonFeatureWriter features;

    public GeoJsonFileWriter(LayerInfo layer, CrsDefinition crs, CrsService crsService, OutputStream out) throws IOException {
        this.gen = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        gen.setCodec(StoreJson.MAPPER);
        // The caller owns the stream (a file, an HTTP response); a file cut short by a failure must stay
        // unfinished JSON, not be closed into a valid, shorter one.
        gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        gen.disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);
        this.features = new GeoJsonFeatureWriter(crsService, crs, false);
        gen.writeStartObject();
        gen.writeStringField("type", "FeatureCollection");
        gen.writeStringField("name", layer.id());
        if (crs.epsg() != 4326) {
            gen.writeObjectFieldStart("crs");
            gen.writeStringField("type", "name");
            gen.writeObjectFieldStart("properties");
            gen.writeStringField("name", "urn:ogc:def:crs:EPSG::" + crs.epsg());
            gen.writeEndObject();
            gen.writeEndObject();
        }
        gen.writeArrayFieldStart("features");
    }

    @Override
    public void write(Feature feature) throws IOException {
        features.write(gen, feature);
    }

    @Override
    public List<String> finish() throws IOException {
        gen.writeEndArray();
        gen.writeEndObject();
        gen.flush();
        return List.of();
    }

    @Override
    public void close() {
        try {
            gen.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
