package org.sinkatlas.layers.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.sinkatlas.layers.filter.Filter;
import org.sinkatlas.layers.model.Feature;
import org.sinkatlas.layers.model.FeatureVersion;
import org.sinkatlas.layers.model.LayerInfo;

/**
 * Moves a whole store into another, empty one, whatever the two engines: every layer, every feature with
 * its id, version and times, every history row including deleted features, and every service record. Features are streamed
 * (with their history, joined by id) and written in transactions of a few thousand; if anything fails,
 * the target is emptied again, so it ends with all of the source or nothing.
 */
public final class StoreCopy {

    /** What was copied. */
    public record Report(int layers, long features, long historyRows, long records) {}

    private static final int FEATURES_PER_TRANSACTION = 5_000;

    private StoreCopy() {}

    /**
     * @param progress receives a line per layer
     * @throws IllegalArgumentException when the target already has layers
     */
    public static Report copy(LayerStore from, LayerStore to, String author, Consumer<String> progress) {
        if (!to.layers().isEmpty()) {
            throw new IllegalArgumentException("the target store already has layers " + to.layers().stream()
                    .map(LayerInfo::id).toList() + "; copy into an empty store");
        }
        if (!to.records(null).isEmpty()) {
            throw new IllegalArgumentException("the target store already has service records; copy into an empty store");
        }
        long features = 0;
        long history = 0;
        long recordCount;
        List<LayerInfo> layers = from.layers();
        try {
            for (LayerInfo layer : layers) {
                to.createLayer(layer);
                long[] copied = copyLayer(from, to, layer, author);
                features += copied[0];
                history += copied[1];
                progress.accept(String.format("%-20s %,9d features %,9d history rows", layer.id(), copied[0], copied[1]));
            }
            List<ServiceRecord> records = from.records(null);
            to.write(author, w -> {
                records.forEach(w::restoreRecord);
                return null;
            });
            recordCount = records.size();
            progress.accept(String.format("%-20s %,9d records", "(service)", recordCount));
        } catch (RuntimeException e) {
            try {
                to.dropAllLayers();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return new Report(layers.size(), features, history, recordCount);
    }

    /** {features, history rows} copied. */
    private static long[] copyLayer(LayerStore from, LayerStore to, LayerInfo layer, String author) {
        long expected = from.count(layer.id(), Filter.ALL);
        long features = 0;
        long rows = 0;
        try (StoreCursor<Feature> current = from.query(layer.id(), FeatureQuery.all());
                StoreCursor<FeatureVersion> versions = from.historyOf(layer.id())) {
            Feature nextFeature = current.hasNext() ? current.next() : null;
            FeatureVersion nextVersion = versions.hasNext() ? versions.next() : null;
            while (nextFeature != null || nextVersion != null) {
                List<Group> batch = new ArrayList<>();
                while (batch.size() < FEATURES_PER_TRANSACTION && (nextFeature != null || nextVersion != null)) {
                    long id = Math.min(nextFeature == null ? Long.MAX_VALUE : nextFeature.id(),
                            nextVersion == null ? Long.MAX_VALUE : nextVersion.featureId());
                    Feature feature = null;
                    if (nextFeature != null && nextFeature.id() == id) {
                        feature = nextFeature;
                        nextFeature = current.hasNext() ? current.next() : null;
                    }
                    List<FeatureVersion> group = new ArrayList<>();
                    while (nextVersion != null && nextVersion.featureId() == id) {
                        group.add(nextVersion);
                        nextVersion = versions.hasNext() ? versions.next() : null;
                    }
                    batch.add(new Group(feature, group));
                }
                to.write(author, w -> {
                    for (Group g : batch) w.restore(layer, g.feature, g.history);
                    return null;
                });
                for (Group g : batch) {
                    if (g.feature != null) features++;
                    rows += g.history.size();
                }
            }
        }
        if (features != expected) {
            throw new StoreException("layer " + layer.id() + " changed while it was copied (" + expected + " features"
                    + " counted, " + features + " read); copy again from a store that nobody writes to");
        }
        return new long[] {features, rows};
    }

    private record Group(Feature feature, List<FeatureVersion> history) {}
}
