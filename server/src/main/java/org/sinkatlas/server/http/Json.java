package org.sinkatlas.server.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.sinkatlas.layers.format.PlainNumberJson;
import org.sinkatlas.layers.model.Localized;

/** The one JSON configuration of the HTTP side. */
public final class Json {

    /** Numbers as people write them (see {@link PlainNumberJson}). */
    public static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .addDecorator(PlainNumberJson.DECORATOR)
            .build();

    public static final ObjectMapper MAPPER = new ObjectMapper(FACTORY)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Json() {}

    /** A number rounded to some decimals, for figures people read. */
    public static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }

    /** A text in both languages as {@code {"zh": ..., "en": ...}}. */
    public static ObjectNode localized(Localized l) {
        return MAPPER.createObjectNode().put("zh", l.zh()).put("en", l.en());
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    public static String pretty(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
