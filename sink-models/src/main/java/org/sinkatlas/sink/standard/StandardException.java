package org.sinkatlas.sink.standard;

/** A standard file that cannot be used, with the file and line of the fault. */
public class StandardException extends RuntimeException {

    public StandardException(String message) {
        super(message);
    }

    public StandardException(String message, Throwable cause) {
        super(message, cause);
    }
}
