package org.sinkatlas.sink.standard;

import org.sinkatlas.layers.model.Localized;

/** Whether a class's sink can be credited, in words, with its source. */
public record Eligibility(String id, Localized text, String source, Checked checked) {}
