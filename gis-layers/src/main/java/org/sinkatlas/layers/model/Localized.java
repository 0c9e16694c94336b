package org.sinkatlas.layers.model;

import java.util.Locale;
import java.util.Objects;

/** A people-facing text in Chinese and English; every title and description the service shows has both. */
public record Localized(String zh, String en) {

    public Localized {
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
    }

    public static Localized of(String zh, String en) {
        return new Localized(zh, en);
    }

    /** Both languages in one line, Chinese first, for clients that cannot negotiate a language. */
    public String both() {
        if (zh.isEmpty()) return en;
        if (en.isEmpty() || en.equals(zh)) return zh;
        return zh + " " + en;
    }

    /** The text for a language tag such as {@code zh-CN} or {@code en}; anything else gets both. */
    public String in(String languageTag) {
        if (languageTag == null) return both();
        String tag = languageTag.toLowerCase(Locale.ROOT);
        if (tag.startsWith("zh")) return zh;
        if (tag.startsWith("en")) return en;
        return both();
    }
}
