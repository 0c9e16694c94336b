package org.sinkatlas.layers.store;

import org.sinkatlas.layers.fault.Fault;
import org.sinkatlas.layers.fault.FaultKind;

/** The store cannot be reached or opened now (down, locked, corrupt); not the caller's fault. */
public class StoreUnavailableException extends StoreException implements Fault {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreUnavailableException(String message) {
        super(message);
    }

    @Override
    public FaultKind kind() {
        return FaultKind.UNAVAILABLE;
    }
}
