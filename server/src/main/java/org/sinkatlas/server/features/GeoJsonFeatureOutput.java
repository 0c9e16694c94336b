package org.sinkatlas.server.features;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.http.Context;
import java.io.IOException;
import org.sinkatlas.layers.crs.CrsDefinition;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.format.GeoJsonFeatureWriter;
import org.sinkatlas.layers.model.Feature;
import org.sinkatlas.server.http.Json;
import org.sinkatlas.server.http.Link;
import org.sinkatlas.server.http.Responses;

/** Writes features as GeoJSON Feature objects with their links into a Jackson stream, in a chosen CRS. Not thread-safe. */
final class GeoJsonFeatureOutput {

    private final GeoJsonFeatureWriter features;

    GeoJsonFeatureOutput(CrsService crsService, CrsDefinition crs) {
        this.features = new GeoJsonFeatureWriter(crsService, crs, true);
    }

    void write(JsonGenerator gen, Feature f, Iterable<Link> links) throws IOException {
        features.writeOpen(gen, f);
        if (links != null) {
            gen.writeArrayFieldStart("links");
            for (Link l : links) gen.writeObject(l);
            gen.writeEndArray();
        }
        gen.writeEndObject();
    }

    /** Answers one feature as a GeoJSON document (the status and headers are the caller's). */
    void send(Context ctx, Feature f, Iterable<Link> links) {
        Responses.stream(ctx, out -> {
            JsonGenerator gen = Json.FACTORY.createGenerator(out, JsonEncoding.UTF8);
            gen.setCodec(Json.MAPPER);
            write(gen, f, links);
            gen.flush();
        });
    }
}
