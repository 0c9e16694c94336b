package org.sinkatlas.sink.standard;

/**
 * One number of the standard with where it comes from.
 *
 * @param source id of an entry of the standard's sources
 * @param where  where in the source (table, page) or how it was derived
 */
public record Figure(double value, String unit, String source, String where, Checked checked, String note) {}
