package org.sinkatlas.layers.model;

import java.math.BigDecimal;

/** Numbers in messages, written as by hand: 40393000 and 0.5, not 4.0393E7 and 0.50. */
public final class PlainNumbers {

    private PlainNumbers() {}

    public static String plain(double v) {
        return Double.isFinite(v) ? BigDecimal.valueOf(v).stripTrailingZeros().toPlainString() : Double.toString(v);
    }
}
