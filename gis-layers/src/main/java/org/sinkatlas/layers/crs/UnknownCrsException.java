package org.sinkatlas.layers.crs;

import org.sinkatlas.layers.fault.Fault;
import org.sinkatlas.layers.fault.FaultKind;

/** A CRS reference the service does not know; the message lists what it does know. */
public class UnknownCrsException extends IllegalArgumentException implements Fault {

    public UnknownCrsException(String message) {
        super(message);
    }

    @Override
    public FaultKind kind() {
        return FaultKind.INVALID_INPUT;
    }
}
