package org.sinkatlas.layers.crs;

/** A CRS reference the service does not know; the message lists what it does know. */
public class UnknownCrsException extends IllegalArgumentException {

    public UnknownCrsException(String message) {
        super(message);
    }
}
