package org.sinkatlas.sink.standard;

/** A document the standard's figures come from. */
public record Source(String id, String citation, String url, Checked checked) {}
