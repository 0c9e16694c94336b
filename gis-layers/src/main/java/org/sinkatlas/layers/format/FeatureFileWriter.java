package org.sinkatlas.layers.format;

import java.io.IOException;
import java.util.List;
import org.sinkatlas.layers.model.Feature;

/**
 * Writes a layer's features into a file of one format (see {@link org.sinkatlas.layers.transfer.FeatureFormat#writer}), one at a time as
 * they are read from the store. {@link #finish} completes the file into the output stream; closing without
 * finishing abandons it (temporary files are removed either way). Not thread-safe.
 */
public interface FeatureFileWriter extends AutoCloseable {

    /** Adds a feature (geometry in the storage CRS). */
    void write(Feature feature) throws IOException;

    /** Completes the file and returns what the format changed (shortened names, cut texts), for the report. */
    List<String> finish() throws IOException;

    @Override
    void close();
}
