package org.sinkatlas.layers.store;

import java.util.Iterator;
import org.sinkatlas.layers.model.Feature;

/**
 * A streaming read over a store's features: one row at a time, never the whole result in memory.
 * Close it (try-with-resources) to return its connection.
 */
public interface FeatureCursor extends Iterator<Feature>, AutoCloseable {

    @Override
    void close();
}
