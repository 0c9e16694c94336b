package org.sinkatlas.layers.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners of a store's changes, and the changes of one transaction as it runs: engines note the
 * boxes their writes touch and publish them once the transaction has committed (never for one rolled
 * back). Past {@link #MAX_AREAS} boxes in a layer, the change is the whole layer: a cache drops it whole
 * faster than it would test each box.
 */
public final class ChangeLog {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeLog.class);

    /** Boxes kept per layer and transaction before the change counts as the whole layer. */
    public static final int MAX_AREAS = 1_000;

    private final List<Consumer<StoreChange>> listeners = new CopyOnWriteArrayList<>();

    public void addListener(Consumer<StoreChange> listener) {
        listeners.add(listener);
    }

    /** Tells every listener; a failing listener is logged and does not stop the others. */
    public void publish(StoreChange change) {
        for (Consumer<StoreChange> l : listeners) {
            try {
                l.accept(change);
            } catch (RuntimeException e) {
                LOG.warn("a store change listener failed on {}: {}", change.layerId(), e.toString());
            }
        }
    }

    /** A new, empty record of one transaction's changes. */
    public Pending begin() {
        return new Pending();
    }

    /** The changes of one transaction, published by {@link #commit} after it commits. */
    public final class Pending {
        private final Map<String, List<Envelope>> areas = new LinkedHashMap<>();

        private Pending() {}

        /** Whether the layer's change is already the whole layer (so that boxes need not be looked up). */
        public boolean isWholeLayer(String layerId) {
            return areas.containsKey(layerId) && areas.get(layerId) == null;
        }

        /** Notes a box touched in a layer (a null box, from an empty geometry, is ignored). */
        public void touch(String layerId, Envelope box) {
            if (isWholeLayer(layerId)) return;
            List<Envelope> list = areas.computeIfAbsent(layerId, k -> new ArrayList<>());
            if (box == null || box.isNull()) return;
            if (list.size() >= MAX_AREAS) areas.put(layerId, null);
            else list.add(box);
        }

        public void touchWholeLayer(String layerId) {
            areas.put(layerId, null);
        }

        public void commit() {
            areas.forEach((layer, boxes) -> publish(new StoreChange(layer, boxes)));
            areas.clear();
        }
    }
}
