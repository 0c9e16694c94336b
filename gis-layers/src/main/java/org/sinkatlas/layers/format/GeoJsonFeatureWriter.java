package org.sinkatlas.layers.format;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Map;
import org.sinkatlas.layers.crs.CrsDefinition;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.model.Feature;
import org.sinkatlas.layers.store.StoreJson;

/** Writes stored features as GeoJSON Feature objects into a Jackson stream, in a chosen CRS. Not thread-safe. */
public final class GeoJsonFeatureWriter {

    private final GeoJsonGeometryWriter geometry;
    private final DecimalWriter decimals = new DecimalWriter();

    /** @param authorityAxisOrder see {@link GeoJsonGeometryWriter#GeoJsonGeometryWriter(CrsService, CrsDefinition, boolean)} */
    public GeoJsonFeatureWriter(CrsService crsService, CrsDefinition crs, boolean authorityAxisOrder) {
        this.geometry = new GeoJsonGeometryWriter(crsService, crs, authorityAxisOrder);
    }

    /** Writes a Feature's type, id, geometry and properties, leaving the object open for further members. */
    public void writeOpen(JsonGenerator gen, Feature f) throws IOException {
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
    }

    /** Writes a whole Feature object. */
    public void write(JsonGenerator gen, Feature f) throws IOException {
        writeOpen(gen, f);
        gen.writeEndObject();
    }

    private void writeValue(JsonGenerator gen, Object v) throws IOException {
        if (v == null) gen.writeNull();
        else if (v instanceof String s) gen.writeString(s);
        else if (v instanceof Long l) gen.writeNumber(l);
        else if (v instanceof Double d) decimals.writeExact(gen, d);
        else if (v instanceof Boolean b) gen.writeBoolean(b);
        else gen.writeObject(v);
    }
}
