package org.sinkatlas.sink.calc;

/**
 * One step of an estimate, for people who want to see why: what was done, the number it gave, and where
 * the coefficient came from.
 *
 * @param source  source id of the coefficient, or null
 * @param checked how well that coefficient was checked (V, V2, D, U), or null
 */
public record ExplainStep(String step, String detail, double value, String unit, String source, String checked) {}
