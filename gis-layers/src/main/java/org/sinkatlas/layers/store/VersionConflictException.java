package org.sinkatlas.layers.store;

import org.sinkatlas.layers.fault.Fault;
import org.sinkatlas.layers.fault.FaultKind;

/** A write expected a version of a feature that is no longer current: someone else wrote first. */
public class VersionConflictException extends StoreException implements Fault {

    private final long expected;
    private final long actual;

    public VersionConflictException(String layerId, long featureId, long expected, long actual) {
        super("feature " + featureId + " in layer '" + layerId + "' is at version " + actual + ", not "
                + expected + ": it was changed since you read it");
        this.expected = expected;
        this.actual = actual;
    }

    public long expected() {
        return expected;
    }

    public long actual() {
        return actual;
    }

    @Override
    public FaultKind kind() {
        return FaultKind.STALE_VERSION;
    }
}
