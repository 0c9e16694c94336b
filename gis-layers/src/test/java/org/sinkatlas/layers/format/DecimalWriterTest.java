package org.sinkatlas.layers.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DecimalWriterTest {

    private static String exact(double v) throws Exception {
        StringWriter out = new StringWriter();
        try (JsonGenerator gen = new JsonFactory().createGenerator(out)) {
            new DecimalWriter().writeExact(gen, v);
        }
        return out.toString();
    }

    @Test
    void storedFiguresAreWrittenAsTheSameDecimalJavaGives() throws Exception {
        Random random = new Random(11);
        for (int i = 0; i < 50_000; i++) {
            double v = switch (i % 4) {
                case 0 -> Math.round(random.nextGaussian() * 1e6) / 100.0;      // a figure kept to 2 places
                case 1 -> Math.round(random.nextGaussian() * 1e8) / 1e4;        // 4 places
                case 2 -> random.nextGaussian() * Math.pow(10, random.nextInt(30) - 15); // anything
                default -> (double) (random.nextInt(2_000_001) - 1_000_000);    // whole numbers
            };
            String written = exact(v);
            assertEquals(0, new BigDecimal(written).compareTo(new BigDecimal(Double.toString(v))), written + " for " + v);
            if (Math.abs(v) >= 1e-3 && Math.abs(v) < 1e7) assertEquals(Double.toString(v), written);
        }
        assertEquals("25061.26", exact(25061.26));
        assertEquals("-0.0001", exact(-0.0001));
        assertEquals("0.0", exact(0.0));
        assertEquals("1.0E20", exact(1e20));
        assertEquals("NaN", exact(Double.NaN).replace("\"", ""));
    }
}
