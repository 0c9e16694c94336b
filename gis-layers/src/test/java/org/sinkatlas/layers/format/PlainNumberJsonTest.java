package org.sinkatlas.layers.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class PlainNumberJsonTest {

    @Test
    void numbersAreWrittenAsByHandAndReadBackTheSame() throws Exception {
        JsonFactory factory = JsonFactory.builder().addDecorator(PlainNumberJson.DECORATOR).build();
        double[] values = {7749.0, 1.2289467384E9, -326273.6031, 0.5, 1e-4, -2.5e-7, 1e20, 0.0, 28.0, 123456.789};
        StringWriter out = new StringWriter();
        try (JsonGenerator gen = factory.createGenerator(out)) {
            gen.writeStartArray();
            for (double v : values) gen.writeNumber(v);
            gen.writeEndArray();
        }
        assertEquals("[7749,1228946738.4,-326273.6031,0.5,0.0001,-0.00000025,100000000000000000000,0,28,123456.789]",
                out.toString());
        double[] back = new ObjectMapper().readValue(out.toString(), double[].class);
        for (int i = 0; i < values.length; i++) assertEquals(values[i], back[i], 0.0, "the same double");
    }
}
