package org.sinkatlas.layers.fault;

/**
 * A value given by the caller that is malformed or out of its allowed set. An
 * {@link IllegalArgumentException}, so that code catching those keeps working, and a {@link Fault} of
 * kind {@link FaultKind#INVALID_INPUT}, so that the service answers it without a translation at the call site.
 */
public class InvalidInputException extends IllegalArgumentException implements Fault {

    public InvalidInputException(String message) {
        super(message);
    }

    @Override
    public FaultKind kind() {
        return FaultKind.INVALID_INPUT;
    }
}
