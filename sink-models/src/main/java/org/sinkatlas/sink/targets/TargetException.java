package org.sinkatlas.sink.targets;

/** A targets file that cannot be used, with the file and line of the fault. */
public class TargetException extends RuntimeException {

    public TargetException(String message) {
        super(message);
    }
}
