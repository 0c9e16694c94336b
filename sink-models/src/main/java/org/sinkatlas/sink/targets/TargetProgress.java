package org.sinkatlas.sink.targets;

import java.time.LocalDate;
import java.util.List;
import org.sinkatlas.layers.model.Localized;

/**
 * A target's progress on a date: where it stands, where its trajectory started, its history by year, its parts,
 * the features in its scope (those that count and those that do not yet) or the reports it rests on.
 *
 * @param start    where the trajectory starts, or null when a reported target has no figure yet
 * @param features the features in scope, for a measured target (empty for a reported one)
 * @param reports  every report of a reported target, corrected ones included (empty for a measured one)
 * @param problem  why it could not be measured (a missing layer or scope), or null
 */
public record TargetProgress(Target target, LocalDate asOf, Localized scopeLabel, DatedValue start, Standing standing,
        List<YearPoint> history, List<PartProgress> parts, List<Contribution> features, List<TargetReport> reports,
        Localized problem) {

    public TargetProgress {
        history = List.copyOf(history);
        parts = List.copyOf(parts);
        features = List.copyOf(features);
        reports = List.copyOf(reports);
    }

    /** The ids of the features that count, in id order. */
    public List<Long> countedIds() {
        return features.stream().filter(Contribution::counts).map(c -> c.feature().id()).sorted().toList();
    }
}
