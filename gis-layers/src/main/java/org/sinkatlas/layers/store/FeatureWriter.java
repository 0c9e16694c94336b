package org.sinkatlas.layers.store;

import java.util.List;
import java.util.Map;
import org.sinkatlas.layers.model.Feature;
import org.sinkatlas.layers.model.FeatureDraft;
import org.sinkatlas.layers.model.FeatureVersion;
import org.sinkatlas.layers.model.LayerInfo;

/**
 * The writes available inside one transaction of a {@link LayerStore}. Each checks the draft against the
 * layer (geometry kind and validity, property types) before writing and throws
 * {@link InvalidFeatureException} when it does not fit.
 */
public interface FeatureWriter {

    /** Sentinel for "any version": write whatever the current version is. */
    long ANY_VERSION = -1;

    /** Adds a feature with a new id at version 1. */
    Feature insert(String layerId, FeatureDraft draft);

    /**
     * Replaces a feature's geometry and properties, giving it the next version.
     *
     * @param expectedVersion the version the caller read, or {@link #ANY_VERSION}
     */
    Feature replace(String layerId, long featureId, FeatureDraft draft, long expectedVersion);

    /** Deletes a feature; its history stays, ending with a tombstone. */
    void delete(String layerId, long featureId, long expectedVersion);

    /**
     * Sets values that the service derives from a feature (e.g. its sink estimate) without a new version or
     * a history row: they follow from the feature and the standard that computed them, and are recomputed
     * rather than restored. Only the named properties change.
     */
    void annotate(String layerId, long featureId, Map<String, ?> derived);

    /**
     * Writes a feature exactly as given (id, version, timestamps) with its history rows; used to move
     * a whole store between engines with nothing lost. A null feature restores only history (a
     * deleted feature).
     */
    void restore(LayerInfo layer, Feature feature, List<FeatureVersion> history);

    /** Appends a service record in this transaction, by this transaction's author and at its time. */
    ServiceRecord appendRecord(String kind, Map<String, ?> body);

    /** Writes a record exactly as given (id, author, time); used to move a whole store between engines. */
    void restoreRecord(ServiceRecord record);
}
