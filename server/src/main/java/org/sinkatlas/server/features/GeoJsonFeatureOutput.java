package org.sinkatlas.server.features;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Map;
import org.sinkatlas.layers.crs.CrsDefinition;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.format.GeoJsonGeometryWriter;
import org.sinkatlas.layers.model.Feature;
import org.sinkatlas.layers.store.StoreJson;
import org.sinkatlas.server.http.Link;

/** Writes features as GeoJSON Feature objects into a Jackson stream, in a chosen CRS. Not thread-safe. */
final class GeoJsonFeatureOutput {

    private final GeoJsonGeometryWriter geometry;

    GeoJsonFeatureOutput(CrsService crsService, CrsDefinition crs) {
        this.geometry = new GeoJsonGeometryWriter(crsService, crs);
    }

    void write(JsonGenerator gen, Feature f, Iterable<Link> links) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("type", "Feature");
        gen.writeNumberField("id", f.id());
        gen.writeFieldName("geometry");
        geometry.write(gen, f.geometry());
        gen.writeObjectFieldStart("properties");
        for (Map.Entry<String, Object> p : f.properties().entrySet()) {
            gen.writeFieldName(p.getKey());
            writeValue(gen, StoreJson.jsonValue(p.getValue()));
        }
        gen.writeEndObject();
        if (links != null) {
            gen.writeArrayFieldStart("links");
            for (Link l : links) gen.writeObject(l);
            gen.writeEndArray();
        }
        gen.writeEndObject();
    }

    private static void writeValue(JsonGenerator gen, Object v) throws IOException {
        if (v == null) gen.writeNull();
        else if (v instanceof String s) gen.writeString(s);
        else if (v instanceof Long l) gen.writeNumber(l);
        else if (v instanceof Double d) gen.writeNumber(d);
        else if (v instanceof Boolean b) gen.writeBoolean(b);
        else gen.writeObject(v);
    }
}
