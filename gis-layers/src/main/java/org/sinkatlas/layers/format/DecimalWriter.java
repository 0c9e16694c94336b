package org.sinkatlas.layers.format;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * Writes numbers with a few decimal places as fixed-point digits into a Jackson stream. The general shortest
 * decimal of a double (Jackson's Schubfach) took a third of a large GeoJSON response's time; coordinates
 * rounded to 7 places and stored figures with 2 or 4 need only their digits. The number written is the same
 * value; below 10^7 and above 10^-3 it is the same characters too. Not thread-safe.
 */
final class DecimalWriter {

    /** Past this many units the digits of a long are no longer exact: the general way takes over. */
    private static final double EXACT_UNITS = 1e15;
    private static final int STORED_DECIMALS = 4;
    private static final double STORED_SCALE = 1e4;

    private final char[] digits = new char[24];

    /** Writes {@code value} rounded to {@code decimals} places ({@code scale} = 10^decimals). */
    void writeRounded(JsonGenerator gen, double value, int decimals, double scale) throws IOException {
        double scaled = value * scale;
        if (Math.abs(scaled) < EXACT_UNITS) writeUnits(gen, Math.round(scaled), decimals);
        else gen.writeNumber(Math.round(scaled) / scale); // also NaN and the infinities
    }

    /** Writes {@code value} exactly: as digits when it has at most four decimals, else as Jackson does. */
    void writeExact(JsonGenerator gen, double value) throws IOException {
        double scaled = value * STORED_SCALE;
        if (Math.abs(scaled) < EXACT_UNITS) {
            long units = Math.round(scaled);
            // The double nearest to units / 10^4 is value itself: these digits are the value's shortest decimal.
            if (units / STORED_SCALE == value) {
                writeUnits(gen, units, STORED_DECIMALS);
                return;
            }
        }
        gen.writeNumber(value);
    }

    /** Writes units / 10^decimals, without trailing zeros but with at least one decimal (120.0, as Java does). */
    private void writeUnits(JsonGenerator gen, long units, int decimals) throws IOException {
        boolean negative = units < 0;
        long rest = Math.abs(units);
        int end = digits.length;
        int at = end;
        for (int place = 0; place < decimals; place++) {
            int digit = (int) (rest % 10);
            rest /= 10;
            if (digit != 0 || at < end) digits[--at] = (char) ('0' + digit);
        }
        if (at == end) digits[--at] = '0';
        digits[--at] = '.';
        do {
            digits[--at] = (char) ('0' + rest % 10);
            rest /= 10;
        } while (rest > 0);
        if (negative) digits[--at] = '-';
        gen.writeNumber(digits, at, end - at);
    }
}
