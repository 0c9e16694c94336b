package org.sinkatlas.layers.store;

/** A failure inside a store; subclasses say whose fault it is. */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
