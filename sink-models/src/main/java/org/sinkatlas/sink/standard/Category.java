package org.sinkatlas.sink.standard;

import org.sinkatlas.layers.model.Localized;

/** How a class's sink is counted (CCER afforestation candidate, ecological accounting, not counted), in words. */
public record Category(String id, Localized text, String source, Checked checked) {}
