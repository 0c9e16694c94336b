package org.sinkatlas.layers.fault;

/** The base of domain exceptions that need no other superclass: a message and a {@link FaultKind}. */
public class FaultException extends RuntimeException implements Fault {

    private final FaultKind kind;

    public FaultException(FaultKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public FaultException(FaultKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    @Override
    public FaultKind kind() {
        return kind;
    }
}
