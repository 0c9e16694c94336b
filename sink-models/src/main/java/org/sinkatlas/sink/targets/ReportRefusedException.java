package org.sinkatlas.sink.targets;

/** A report that was not stored, with the reason in words; nothing was written. */
public class ReportRefusedException extends RuntimeException {

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
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
