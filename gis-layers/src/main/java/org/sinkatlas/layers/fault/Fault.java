package org.sinkatlas.layers.fault;

/**
 * A failure that knows its {@link FaultKind}. Implemented by the domain exceptions of every module
 * (some of which stay {@link IllegalArgumentException}s for their callers), so that the layers above
 * translate them in one place instead of at each call site.
 */
public interface Fault {

    /** Whose fault this is; never null. */
    FaultKind kind();

    /** The reason in words, for the person who made the request. */
    String getMessage();
}
