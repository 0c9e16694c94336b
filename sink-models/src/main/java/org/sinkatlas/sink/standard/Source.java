package org.sinkatlas.sink.standard;

/**
 * A document the standard's figures come from.
 *
 * @param policy true for the standard's own accounting choices (not a measured figure): their figures are
 *               left out of the share of figures read in their source
 */
public record Source(String id, String citation, String url, Checked checked, boolean policy) {}
