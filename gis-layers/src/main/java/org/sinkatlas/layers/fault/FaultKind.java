package org.sinkatlas.layers.fault;

/**
 * Whose fault a failure is and what the caller can do about it, without any protocol: the HTTP layer
 * maps each kind to one status once, the command line to its messages.
 */
public enum FaultKind {
    /** A request or file that is malformed or names something unknown (a parameter, a CRS, a filter). */
    INVALID_INPUT,
    /** Well-formed content that breaks a rule of where it goes (a feature that does not fit its layer). */
    UNPROCESSABLE,
    /** What was asked for does not exist (a layer, a feature, a target). */
    NOT_FOUND,
    /** The request contradicts the current state (a layer id or title in use, a report already made). */
    CONFLICT,
    /** The write expected a version that is no longer current: read again, then write. */
    STALE_VERSION,
    /** The caller may not do this. */
    FORBIDDEN,
    /** The request is larger than the service takes. */
    TOO_LARGE,
    /** Not the caller's fault: a store or service cannot be reached now; trying again later may work. */
    UNAVAILABLE
}
