package org.sinkatlas.sink.standard;

/**
 * A set of 100-year global warming potentials, named (e.g. {@code ar5}, {@code ar6}), that turns methane
 * and nitrous oxide into CO2 equivalents.
 *
 * @param n2o null when the standard has no N2O flux (2026.1)
 */
public record GwpSet(String id, Figure ch4, Figure n2o) {

    public double n2oValue() {
        return n2o == null ? 0 : n2o.value();
    }
}
