package org.sinkatlas.sink.targets;

import java.time.LocalDate;
import java.util.List;

/**
 * A spatial target's features in one scope with their quantities, read once, from which its value on any
 * date follows (so that a history by year costs no further reads).
 *
 * @param baselineEnd the last day of the baseline year (features of a since-baseline measure count after it)
 * @param denominator what a share is divided by (the scope's area, or every matching feature's quantity); 0
 *                    when the measure is not a share
 */
record Measured(Measure measure, LocalDate baselineEnd, List<FeatureQuantity> features, double denominator) {

    Measured {
        features = List.copyOf(features);
    }

    Counted counted(FeatureQuantity f, LocalDate asOf) {
        if (!measure.statuses().contains(f.status())) return Counted.NOT_BUILT;
        if (f.date() == null) return Counted.UNDATED;
        if (f.date().isAfter(asOf)) return Counted.LATER;
        if (measure.sinceBaseline() && !f.date().isAfter(baselineEnd)) return Counted.BEFORE_BASELINE;
        if (Double.isNaN(f.quantity())) return Counted.NO_VALUE;
        return Counted.YES;
    }

    /** The target's value on a date: the sum of what counts, as a percentage of the denominator for a share. */
    double value(LocalDate asOf) {
        double sum = 0;
        for (FeatureQuantity f : features) {
            if (counted(f, asOf) == Counted.YES) sum += f.quantity();
        }
        if (measure.shareOf() == Measure.ShareOf.NONE) return sum;
        return denominator > 0 ? 100 * sum / denominator : 0;
    }

    List<Contribution> contributions(LocalDate asOf) {
        return features.stream().map(f -> new Contribution(f, counted(f, asOf))).toList();
    }
}
