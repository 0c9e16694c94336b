package org.sinkatlas.layers.store;

import java.util.Iterator;

/**
 * A streaming read from a store: one row at a time, never the whole result in memory. Close it
 * (try-with-resources) to return its connection; a cursor read to its end closes itself.
 */
public interface StoreCursor<T> extends Iterator<T>, AutoCloseable {

    @Override
    void close();
}
