package org.sinkatlas.layers.store;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.sinkatlas.layers.model.FeatureDraft;
import org.sinkatlas.layers.model.LayerInfo;

/**
 * The checks a store applies to every feature written, by any route (edits, imports, restores): its own
 * {@link FeatureChecks} and the rules added by the parts that know more (the sink standard), so that nothing
 * is stored that a later step would refuse.
 */
public final class FeatureRules {

    private final List<FeatureRule> rules = new CopyOnWriteArrayList<>();

    public void add(FeatureRule rule) {
        rules.add(rule);
    }

    /**
     * The draft as it will be stored ({@link FeatureChecks#prepare}), having passed every rule.
     *
     * @throws InvalidFeatureException naming what does not fit
     */
    public FeatureDraft prepare(LayerInfo layer, FeatureDraft draft) {
        FeatureDraft prepared = FeatureChecks.prepare(layer, draft);
        for (FeatureRule rule : rules) rule.check(layer, prepared);
        return prepared;
    }
}
