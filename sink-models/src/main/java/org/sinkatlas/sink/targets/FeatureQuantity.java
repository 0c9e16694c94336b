package org.sinkatlas.sink.targets;

import java.time.LocalDate;

/**
 * What one feature of a target's layer brings to it inside the target's scope: its length or area clipped to
 * the scope, 1 for a count, or the summed property, in the target's unit (square metres for an area share).
 *
 * @param date   the date the feature counts from (its completion, or construction start), or null
 * @param status its status, e.g. {@code built}
 */
public record FeatureQuantity(long id, String name, String status, LocalDate date, double quantity) {}
