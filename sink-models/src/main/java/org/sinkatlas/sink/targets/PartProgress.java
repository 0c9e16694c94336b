package org.sinkatlas.sink.targets;

import java.util.List;
import org.sinkatlas.layers.model.Localized;

/** Where one part of a target stands, where its trajectory starts, and its history by year. */
public record PartProgress(Parts.Part part, Localized scopeLabel, DatedValue start, Standing standing,
        List<YearPoint> history) {

    public PartProgress {
        history = List.copyOf(history);
    }
}
