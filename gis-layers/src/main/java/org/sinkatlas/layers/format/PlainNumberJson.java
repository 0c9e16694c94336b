package org.sinkatlas.layers.format;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonGeneratorDecorator;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import java.io.IOException;
import org.sinkatlas.layers.model.PlainNumbers;

/**
 * Numbers in JSON that people read as they would write them: a whole number without ".0" (7749, not 7749.0)
 * and no exponent (1228946738.4, not 1.2289467384E9), which spreadsheets and some clients misread. The value
 * is the same double. Add {@link #DECORATOR} to a Jackson factory.
 */
public final class PlainNumberJson extends JsonGeneratorDelegate {

    public static final JsonGeneratorDecorator DECORATOR = (factory, generator) -> new PlainNumberJson(generator);

    /** Below this a whole double is exactly a long. */
    private static final double EXACT = 1e15;

    private PlainNumberJson(JsonGenerator d) {
        super(d, false);
    }

    @Override
    public void writeNumber(double v) throws IOException {
        double a = Math.abs(v);
        if (!Double.isFinite(v)) {
            delegate.writeNumber(v);
        } else if (v == Math.rint(v) && a < EXACT) {
            delegate.writeNumber((long) v);
        } else if (a >= 1e7 || a < 1e-3) {
            delegate.writeNumber(PlainNumbers.plain(v));
        } else {
            delegate.writeNumber(v);
        }
    }

    @Override
    public void writeNumber(float v) throws IOException {
        writeNumber(Double.parseDouble(Float.toString(v)));
    }
}
