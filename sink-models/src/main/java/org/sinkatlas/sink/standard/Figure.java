package org.sinkatlas.sink.standard;

/**
 * One fixed number of the standard with where it comes from.
 *
 * @param id     where the figure sits in the standard, e.g. {@code parameters.co2_per_c}; names it in
 *               reports, the sensitivity list and comparisons
 * @param source id of an entry of the standard's sources
 * @param where  where in the source (document, table, page) or how it was derived
 */
public record Figure(String id, double value, String unit, String source, String where, Checked checked, String note)
        implements Coefficient {

    @Override
    public double centralValue() {
        return value;
    }
}
