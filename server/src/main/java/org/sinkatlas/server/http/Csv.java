package org.sinkatlas.server.http;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * CSV as the service writes it (RFC 4180): UTF-8 with a byte-order mark so that spreadsheets read the Chinese
 * names, CRLF line ends, cells quoted only when they must be, numbers in the root locale.
 */
public final class Csv {

    /** The Content-Type of a CSV answer. */
    public static final String MEDIA_TYPE = MediaTypes.CSV + "; charset=utf-8";

    private final StringBuilder b = new StringBuilder("\uFEFF");

    public Csv row(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) b.append(',');
            b.append(quote(cells.get(i)));
        }
        b.append("\r\n");
        return this;
    }

    /** A row; null cells are empty. */
    public Csv row(String... cells) {
        return row(Arrays.asList(cells));
    }

    @Override
    public String toString() {
        return b.toString();
    }

    /** A cell for a number with a fixed number of decimals; empty for null. */
    public static String num(Double v, int decimals) {
        return v == null ? "" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String quote(String s) {
        if (s == null) return "";
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
