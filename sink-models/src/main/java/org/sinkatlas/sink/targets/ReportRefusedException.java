package org.sinkatlas.sink.targets;

import org.sinkatlas.layers.fault.FaultException;
import org.sinkatlas.layers.fault.FaultKind;

/** A report that was not stored, with the reason in words; nothing was written. */
public class ReportRefusedException extends FaultException {

    /** Why, in the terms an HTTP answer needs. */
    public enum Reason {
        /** No target has that id. */
        UNKNOWN_TARGET,
        /** The target is measured from the layers and takes no reports. */
        NOT_REPORTED,
        /** The report's content is wrong (not a number, a future date, out of range ...). */
        INVALID,
        /** A figure for that date stands already: a change must be posted as a correction. */
        CONFLICT
    }

    private final Reason reason;

    public ReportRefusedException(Reason reason, String message) {
        super(kindOf(reason), message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    private static FaultKind kindOf(Reason reason) {
        switch (reason) {
            case UNKNOWN_TARGET:
            case NOT_REPORTED:
                return FaultKind.NOT_FOUND;
            case CONFLICT:
                return FaultKind.CONFLICT;
            default:
                return FaultKind.INVALID_INPUT;
        }
    }
}
