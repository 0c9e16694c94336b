package org.sinkatlas.sink.targets;

import java.time.LocalDate;

/**
 * A target's value at the end of a year (or on the date asked, in its year) and the trajectory's value then.
 * A measured target's value is its state on that date; a reported target's is the figure reported for that
 * year. Years after the date asked carry only the trajectory.
 *
 * @param value null when there is no figure (a future year, or no report for the year)
 */
public record YearPoint(int year, LocalDate date, Double value, Double expected) {}
