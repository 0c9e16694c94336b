package org.sinkatlas.layers.filter;

import java.util.Locale;
import java.util.Optional;

/** The two encodings of CQL2, by their {@code filter-lang} names. */
public enum Cql2Encoding {
    TEXT("cql2-text"),
    JSON("cql2-json");

    /** The name of the text encoding in the drafts, which GDAL before 3.7 still sends; read as cql2-text. */
    public static final String DRAFT_TEXT_NAME = "cql-text";

    private final String filterLang;

    Cql2Encoding(String filterLang) {
        this.filterLang = filterLang;
    }

    /** The {@code filter-lang} value, e.g. {@code cql2-text}. */
    public String filterLang() {
        return filterLang;
    }

    /** The encoding a {@code filter-lang} value names, if any. */
    public static Optional<Cql2Encoding> byName(String name) {
        if (name == null) return Optional.empty();
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals(DRAFT_TEXT_NAME)) return Optional.of(TEXT);
        for (Cql2Encoding e : values()) {
            if (e.filterLang.equals(n)) return Optional.of(e);
        }
        return Optional.empty();
    }

    /**
     * Parses a filter in this encoding.
     *
     * @throws Cql2Exception naming the position and what was expected
     */
    public Cql2Expression parse(String filter) {
        return this == TEXT ? Cql2TextParser.parse(filter) : Cql2JsonParser.parse(filter);
    }
}
