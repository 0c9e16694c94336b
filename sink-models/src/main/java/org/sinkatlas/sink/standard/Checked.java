package org.sinkatlas.sink.standard;

/** How well a figure of the standard was checked against its source. */
public enum Checked {
    /** Read in the cited source. */
    V,
    /** Seen only as quoted by a third party. */
    V2,
    /** Derived from checked inputs; the derivation is given. */
    D,
    /** Unverified: recalled or assumed; to be checked before official use. */
    U
}
