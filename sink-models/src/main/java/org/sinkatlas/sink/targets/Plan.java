package org.sinkatlas.sink.targets;

import java.time.LocalDate;
import org.sinkatlas.layers.model.Localized;

/**
 * The plan the targets come from, and the rules its targets share.
 *
 * @param baselineYear the year spatial baselines are measured at, unless a target states its own
 * @param atRiskMargin a figure short of its trajectory by at most this share of the way from the trajectory's
 *                     start to the final target is "at risk"; further short, "behind"
 * @param file         the targets file, for messages
 */
public record Plan(String id, Localized title, String document, LocalDate issued, int baselineYear,
        double atRiskMargin, String file) {}
