package org.sinkatlas.layers.format.shapefile;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How property names become dBASE field names, which have at most 10 characters: a longer name is cut to its
 * first 10; when a cut name is already taken (compared without case), its end is replaced by {@code _1},
 * {@code _2}, ... ({@code sink_net_p5} → {@code sink_net_p}, {@code sink_net_p95} → {@code sink_net_1}). The
 * names are given in the layer's order, so the same layer always gets the same field names, and an import
 * of the file into that layer maps them back.
 */
public final class DbfFieldNames {

    public static final int MAX_LENGTH = 10;

    private DbfFieldNames() {}

    /**
     * Field names for the given names, in order.
     *
     * @param taken field names already used (e.g. {@code id}), compared without case
     */
    public static Map<String, String> shorten(List<String> names, Set<String> taken) {
        Set<String> used = new HashSet<>();
        taken.forEach(t -> used.add(t.toLowerCase(Locale.ROOT)));
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : names) {
            String field = name.length() <= MAX_LENGTH ? name : name.substring(0, MAX_LENGTH);
            for (int n = 1; used.contains(field.toLowerCase(Locale.ROOT)); n++) {
                String suffix = "_" + n;
                field = name.substring(0, Math.min(name.length(), MAX_LENGTH - suffix.length())) + suffix;
            }
            used.add(field.toLowerCase(Locale.ROOT));
            out.put(name, field);
        }
        return out;
    }
}
