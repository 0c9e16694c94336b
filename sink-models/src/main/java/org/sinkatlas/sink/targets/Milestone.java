package org.sinkatlas.sink.targets;

import java.time.LocalDate;

/** A value a target must reach (cumulatively) by a date. */
public record Milestone(LocalDate by, double value) {}
