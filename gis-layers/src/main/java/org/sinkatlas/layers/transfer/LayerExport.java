package org.sinkatlas.layers.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.sinkatlas.layers.crs.CrsDefinition;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.filter.Filter;
import org.sinkatlas.layers.format.FeatureFileWriter;
import org.sinkatlas.layers.model.Feature;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.store.FeatureQuery;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.NotFoundException;
import org.sinkatlas.layers.store.StoreCursor;
import org.sinkatlas.layers.transfer.FeatureFormat;

/**
 * Exports a layer, or the features a query selects, into a file of any {@link FeatureFormat} in a chosen CRS,
 * streaming from the store: one feature is in memory at a time.
 */
public final class LayerExport {

    /** What an export wrote, and what the format changed (shortened field names, cut texts). */
    public record Report(String layer, String format, String crs, long features, List<String> notes) {}

    private final LayerStore store;
    private final CrsService crs;

    public LayerExport(LayerStore store, CrsService crs) {
        this.store = store;
        this.crs = crs;
    }

    /**
     * Writes the selected features into {@code out} (which the caller closes).
     *
     * @param progress receives how many features were written of how many
     * @throws NotFoundException for an unknown layer
     */
    public Report run(String layerId, FeatureQuery query, FeatureFormat format, CrsDefinition outputCrs, OutputStream out,
            LayerImport.Progress progress) throws IOException {
        LayerInfo layer = store.layer(layerId).orElseThrow(() -> new NotFoundException("no layer '" + layerId + "'"));
        long total = count(layerId, query);
        long written = 0;
        try (FeatureFileWriter writer = format.writer(layer, outputCrs, crs, out);
                StoreCursor<Feature> features = store.query(layerId, query)) {
            while (features.hasNext()) {
                writer.write(features.next());
                progress.update(++written, total);
            }
            List<String> notes = writer.finish();
            return new Report(layerId, format.key(), outputCrs.code(), written, notes);
        }
    }

    private long count(String layerId, FeatureQuery query) {
        long matched = store.count(layerId, query.filter() == null ? Filter.ALL : query.filter());
        long after = Math.max(0, matched - query.offset());
        return query.limit() == FeatureQuery.UNLIMITED ? after : Math.min(after, query.limit());
    }
}
