package org.sinkatlas.layers.model;

import java.time.Instant;

/**
 * One row of a feature's history: the state after a write (or a tombstone for a delete), who made it
 * and when. A feature's history holds every version including the current one.
 */
public record FeatureVersion(String layerId, long featureId, long version, Operation operation, Feature state,
        Instant at, String author) {

    /** What a write did. */
    public enum Operation { INSERT, UPDATE, DELETE }
}
