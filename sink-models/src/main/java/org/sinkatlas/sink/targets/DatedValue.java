package org.sinkatlas.sink.targets;

import java.time.LocalDate;

/** A figure on a date: where a trajectory starts, or a value measured or reported. */
public record DatedValue(LocalDate date, double value) {}
