package org.sinkatlas.sink.standard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sinkatlas.layers.model.Localized;

/**
 * A released version of the zone's ecological carbon-sink standard: its accounting method, parameters,
 * GWP sets, the zone's reference soil carbon, the urban-green splits and components, one row per land-cover
 * class (every GB/T 21010-2017 code has exactly one), the eligibility categories and screen, and sources.
 * Immutable; loaded by {@link StandardLoader} from a YAML file that is never edited.
 *
 * @param socReference the zone's reference soil organic carbon (tC/ha, 0-30 cm), or null (2026.1)
 * @param carbonFraction carbon per dry matter of biomass, or null (2026.1)
 * @param screen       the CCER afforestation screen, or null (2026.1 gave a category note only)
 */
public record SinkStandard(String id, String version, LocalDate released, Method method, Localized title,
        Localized summary, Map<String, Figure> parameters, Map<String, GwpSet> gwpSets, String defaultGwp,
        UncertainFigure socReference, UncertainFigure carbonFraction, Map<String, UrbanGreenSplit> urbanGreen,
        Map<String, LandType> components, List<ClassRow> rows, Map<String, Category> categories, CcerScreen screen,
        Map<String, Source> sources, String file) {

    /** How a standard turns land into annual fluxes. */
    public enum Method {
        /**
         * 2026.1: fixed stocks per class and a constant annual removal rate per class; a change of land cover
         * changes the stock at once and the rate from then on.
         */
        CONSTANT_RATES,
        /**
         * From 2027.1, IPCC AFOLU on one basis: biomass by gain-loss with growth by age and a ceiling, soil by
         * stock-change factors with a linear transition, dead organic matter likewise, every non-CO2 flux
         * netted. The annual removal is the year's stock change.
         */
        STOCK_CHANGE
    }

    public SinkStandard {
        parameters = Map.copyOf(parameters);
        gwpSets = new LinkedHashMap<>(gwpSets);
        urbanGreen = Map.copyOf(urbanGreen);
        components = new LinkedHashMap<>(components);
        rows = List.copyOf(rows);
        categories = new LinkedHashMap<>(categories);
        sources = new LinkedHashMap<>(sources);
    }

    /** {@code id@version}, e.g. {@code yrd-ess@2027.1}. */
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

    /** A GWP set by name, or the default one for null. */
    public java.util.Optional<GwpSet> gwp(String name) {
        return java.util.Optional.ofNullable(gwpSets.get(name == null ? defaultGwp : name));
    }

    /** The year estimates are made for unless a caller names another. */
    public int accountingYear() {
        return (int) parameter("accounting_year");
    }

    /** Every number of the standard, the list the V share, sensitivity and comparisons read. */
    public List<Coefficient> coefficients() {
        List<Coefficient> out = new ArrayList<>(parameters.values());
        for (GwpSet g : gwpSets.values()) {
            out.add(g.ch4());
            if (g.n2o() != null) out.add(g.n2o());
        }
        if (socReference != null) out.add(socReference);
        if (carbonFraction != null) out.add(carbonFraction);
        for (LandType t : components.values()) Coefficients.of(t, out);
        for (ClassRow r : rows) {
            if (r.type() != null) Coefficients.of(r.type(), out);
        }
        if (screen != null) screen.rules().forEach(rule -> out.addAll(rule.parameters().values()));
        return out;
    }

    /**
     * Whether a coefficient is a measured or assumed figure (not one of the standard's own accounting
     * choices, whose source is a policy).
     */
    public boolean measured(Coefficient c) {
        Source s = sources.get(c.source());
        return s == null || !s.policy();
    }
}
