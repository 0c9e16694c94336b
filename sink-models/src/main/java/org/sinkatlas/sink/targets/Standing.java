package org.sinkatlas.sink.targets;

import java.time.LocalDate;

/**
 * Where a target (or a part of it) stands on the date asked.
 *
 * @param value     its value, or null without data
 * @param valueDate the date of that value: the date asked for a measured target, the figure's date for a
 *                  reported one
 * @param due       the milestone due next (the final one once all are past)
 * @param percent   the value as a percentage of the milestone due (for an at-most target: of the way from its
 *                  start to it), or null
 * @param expected  the trajectory's value on {@code valueDate} (on the date asked without data)
 */
public record Standing(Double value, LocalDate valueDate, Milestone due, Double percent, Double expected,
        TargetStatus status) {}
