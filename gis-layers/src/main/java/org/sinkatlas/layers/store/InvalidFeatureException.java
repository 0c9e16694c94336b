package org.sinkatlas.layers.store;

/** A feature that does not fit its layer: wrong geometry kind, invalid geometry, a property of the wrong type. */
public class InvalidFeatureException extends StoreException {

    public InvalidFeatureException(String message) {
        super(message);
    }

    public InvalidFeatureException(String message, Throwable cause) {
        super(message, cause);
    }
}
