package org.sinkatlas.sink.standard;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sinkatlas.layers.model.Localized;

/**
 * A released version of the zone's ecological carbon-sink standard: parameters, the urban-green splits and
 * components, one row per land-cover class (every GB/T 21010-2017 code has exactly one), eligibility texts
 * and sources. Immutable; loaded by {@link StandardLoader} from a YAML file that is never edited.
 */
public record SinkStandard(String id, String version, LocalDate released, Localized title, Localized summary,
        Map<String, Figure> parameters, Map<String, UrbanGreenSplit> urbanGreen, Map<String, Component> components,
        List<ClassRow> rows, Map<String, Eligibility> eligibility, Map<String, Source> sources, String file) {

    public SinkStandard {
        parameters = Map.copyOf(parameters);
        urbanGreen = Map.copyOf(urbanGreen);
        components = new LinkedHashMap<>(components);
        rows = List.copyOf(rows);
        eligibility = Map.copyOf(eligibility);
        sources = new LinkedHashMap<>(sources);
    }

    /** {@code id@version}, e.g. {@code yrd-ess@2026.1}. */
    public String key() {
        return id + "@" + version;
    }

    /** The row of a land-cover code. @throws IllegalArgumentException for a code without a row */
    public ClassRow row(String code) {
        for (ClassRow r : rows) {
            if (r.codes().contains(code)) return r;
        }
        throw new IllegalArgumentException("land cover '" + code + "' is not a GB/T 21010-2017 code of standard " + key());
    }

    public double parameter(String name) {
        Figure f = parameters.get(name);
        if (f == null) throw new IllegalArgumentException("standard " + key() + " has no parameter " + name);
        return f.value();
    }
}
