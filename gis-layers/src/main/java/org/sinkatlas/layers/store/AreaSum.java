package org.sinkatlas.layers.store;

/**
 * Summed area of one class in one group.
 *
 * @param group        the group's value (null for features without one)
 * @param weightedM2   Σ area × weight over features that have a weight
 * @param weightKnownM2 the area of those features
 * @param features     Σ fraction: the number of features, counting a mixed one by its share
 */
public record AreaSum(Object group, String cls, double areaM2, double weightedM2, double weightKnownM2, double features) {}
