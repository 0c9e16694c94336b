package org.sinkatlas.sink.targets;

import java.time.LocalDate;

/**
 * Where a target starts from: a year, and its value at the year's end.
 *
 * @param value the stated value, or null when it is measured from the layers as of the year's end (spatial
 *              targets) or not known (reported targets: the trajectory then starts at the first report)
 */
public record Baseline(int year, Double value) {

    /** The last day of the baseline year. */
    public LocalDate date() {
        return LocalDate.of(year, 12, 31);
    }
}
