package org.sinkatlas.layers.store;

import org.sinkatlas.layers.fault.Fault;
import org.sinkatlas.layers.fault.FaultKind;

/** A feature that does not fit its layer: wrong geometry kind, invalid geometry, a property of the wrong type. */
public class InvalidFeatureException extends StoreException implements Fault {

    public InvalidFeatureException(String message) {
        super(message);
    }

    public InvalidFeatureException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public FaultKind kind() {
        return FaultKind.UNPROCESSABLE;
    }
}
