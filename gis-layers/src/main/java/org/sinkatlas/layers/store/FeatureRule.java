package org.sinkatlas.layers.store;

import org.sinkatlas.layers.model.FeatureDraft;
import org.sinkatlas.layers.model.LayerInfo;

/** A check a feature must pass to be written, beyond the store's own: the sink standard's land-cover codes. */
@FunctionalInterface
public interface FeatureRule {

    /**
     * @param prepared the draft as the store would write it (typed, every property present)
     * @throws InvalidFeatureException naming what is wrong
     */
    void check(LayerInfo layer, FeatureDraft prepared);
}
