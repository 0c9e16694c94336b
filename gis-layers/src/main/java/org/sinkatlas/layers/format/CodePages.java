package org.sinkatlas.layers.format;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;

/**
 * The text encoding a shapefile's .cpg names: an encoding name ({@code UTF-8}, {@code GBK}, {@code GB2312}) or
 * a Windows code page number ({@code 936}, {@code 65001}, {@code ANSI 1252}), as ArcGIS, QGIS and GDAL write them.
 */
public final class CodePages {

    /** What Chinese survey files without a .cpg are almost always written in. */
    public static final Charset DEFAULT = Charset.forName("GBK");

    private CodePages() {}

    public static Optional<Charset> charset(String cpg) {
        String s = cpg.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
        if (s.startsWith("ANSI_")) s = s.substring(5);
        if (s.startsWith("CP") && s.length() > 2 && Character.isDigit(s.charAt(2))) s = s.substring(2);
        switch (s) {
            case "UTF-8":
            case "UTF8":
            case "65001":
                return Optional.of(StandardCharsets.UTF_8);
            case "936":
            case "GBK":
            case "GB2312":
            case "EUC-CN":
                // GB2312 is a subset of GBK: read both as GBK.
                return Optional.of(DEFAULT);
            case "54936":
                return Optional.of(Charset.forName("GB18030"));
            case "950":
                return Optional.of(Charset.forName("Big5"));
            case "8859_1":
            case "88591":
                return Optional.of(StandardCharsets.ISO_8859_1);
            default:
                break;
        }
        try {
            if (s.chars().allMatch(Character::isDigit)) return Optional.of(Charset.forName("windows-" + s));
            return Optional.of(Charset.forName(cpg.trim()));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }
}
