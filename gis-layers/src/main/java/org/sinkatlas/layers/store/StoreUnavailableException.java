package org.sinkatlas.layers.store;

/** The store cannot be reached or opened now (down, locked, corrupt); not the caller's fault. */
public class StoreUnavailableException extends StoreException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreUnavailableException(String message) {
        super(message);
    }
}
