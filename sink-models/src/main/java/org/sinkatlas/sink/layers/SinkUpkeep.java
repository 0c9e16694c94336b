package org.sinkatlas.sink.layers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import org.sinkatlas.layers.filter.Filter;
import org.sinkatlas.layers.model.Feature;
import org.sinkatlas.layers.model.FeatureDraft;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.PropertyDef;
import org.sinkatlas.layers.model.SinkFields;
import org.sinkatlas.layers.store.FeatureWriter;
import org.sinkatlas.layers.store.InvalidFeatureException;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.sink.calc.LandCoverMix;
import org.sinkatlas.sink.calc.SinkCalculator;
import org.sinkatlas.sink.calc.SinkInputException;
import org.sinkatlas.sink.standard.SinkStandard;
import org.sinkatlas.sink.standard.StandardCatalog;

/**
 * Keeps a store's sink layers estimated, in one place that edits, imports, the {@code compute} command
 * and start-up all use: one calculator per standard (it holds the standard's Monte Carlo draws), the
 * sink properties a newer version keeps added to layers made by an older one, the land-use history of a
 * feature whose land cover an edit changes, the estimate stored with a written feature in the write's own
 * transaction, and the recompute of layers whose estimates are missing or from another standard. From its
 * making on, every write to the store's sink layers must give a land cover the standard can estimate (a
 * {@link org.sinkatlas.layers.store.FeatureRule}), so that no route stores what {@code /sinks/estimate} refuses.
 */
public final class SinkUpkeep {

    private final LayerStore store;
    private final StandardCatalog standards;
    private final Map<String, SinkCalculator> calculators = new ConcurrentHashMap<>();

    public SinkUpkeep(LayerStore store, StandardCatalog standards) {
        this.store = store;
        this.standards = standards;
        store.rules().add(this::checkSinkInput);
    }

    /**
     * The rules of {@code /sinks/estimate} for a feature of a sink layer that gives a land cover: known codes,
     * fractions that sum to 1, a land-use history and crown fraction the calculator can read. A feature
     * without a land cover is not yet classified, and allowed.
     */
    private void checkSinkInput(LayerInfo layer, FeatureDraft draft) {
        if (!SinkFields.isSinkLayer(layer)) return;
        Map<String, ?> p = draft.properties();
        if (p.get(SinkFields.LANDCOVER) == null && p.get(SinkFields.FRACTIONS) == null) return;
        try {
            current().areas(FeatureSinkInput.of(draft.geometry(), p));
        } catch (SinkInputException e) {
            throw new InvalidFeatureException(e.getMessage());
        }
    }

    public StandardCatalog standards() {
        return standards;
    }

    /** The calculator of a standard (made once). */
    public SinkCalculator calculator(SinkStandard standard) {
        return calculators.computeIfAbsent(standard.key(), k -> new SinkCalculator(standard));
    }

    /** The calculator of the current standard. */
    public SinkCalculator current() {
        return calculator(standards.current());
    }

    /** Adds the land-use history and estimate properties this version keeps to sink layers that lack them. */
    public void upgradeLayers() {
        for (LayerInfo layer : store.layers()) upgradeLayer(layer);
    }

    /** Adds what {@link #upgradeLayers()} adds to one layer, when it is a sink layer. */
    public void upgradeLayer(LayerInfo layer) {
        if (!SinkFields.isSinkLayer(layer)) return;
        List<PropertyDef> wanted = new ArrayList<>(SinkFields.historyDefinitions());
        wanted.addAll(SinkFields.definitions());
        store.addProperties(layer.id(), wanted);
    }

    /**
     * The draft of an edit with the land-use history it implies: when the edit changes the main land cover
     * and does not give {@code landuse_since} itself, the new land cover begins {@code today} and the old one
     * becomes {@code previous_landcover}. Drafts of other layers, and edits that keep the land cover, are
     * returned as they are.
     */
    public FeatureDraft recordLandUseChange(LayerInfo layer, Feature before, FeatureDraft draft, LocalDate today) {
        if (before == null || !SinkFields.isSinkLayer(layer) || layer.property(SinkFields.LANDUSE_SINCE).isEmpty()
                || layer.property(SinkFields.PREVIOUS).isEmpty()) {
            return draft;
        }
        String was = mainClass(before.properties());
        String now = mainClass(draft.properties());
        if (was == null || now == null || was.equals(now)) return draft;
        if (!Objects.equals(draft.properties().get(SinkFields.LANDUSE_SINCE), before.property(SinkFields.LANDUSE_SINCE))) {
            return draft;
        }
        Map<String, Object> p = new LinkedHashMap<>(draft.properties());
        p.put(SinkFields.LANDUSE_SINCE, today);
        p.put(SinkFields.PREVIOUS, was);
        return new FeatureDraft(draft.geometry(), p);
    }

    private static String mainClass(Map<String, ?> p) {
        try {
            Object code = p.get(SinkFields.LANDCOVER);
            @SuppressWarnings("unchecked")
            Map<String, ?> fractions = p.get(SinkFields.FRACTIONS) instanceof Map<?, ?> m ? (Map<String, ?>) m : null;
            if (code == null && fractions == null) return null;
            return LandCoverMix.of(code == null ? null : code.toString(), fractions).main();
        } catch (SinkInputException bad) {
            return null;
        }
    }

    /**
     * Stores a just-written feature's estimate in the write's own transaction (sink layers only), in the
     * estimate properties the layer has: they are the service's own, and never block a write.
     */
    public void estimateWritten(FeatureWriter writer, LayerInfo layer, Feature written) {
        if (!SinkFields.isSinkLayer(layer)) return;
        writer.annotate(layer.id(), written.id(), StoredEstimates.valuesFor(current(), layer, written));
    }

    /** Sink layers whose stored estimates are missing or from another standard, with how many features each. */
    public Map<String, Long> staleLayers() {
        Map<String, Long> out = new LinkedHashMap<>();
        SinkCalculator calc = current();
        for (LayerInfo layer : store.layers()) {
            if (!SinkFields.isSinkLayer(layer)) continue;
            long stale = StoredEstimates.stale(store, layer.id(), calc);
            if (stale > 0) out.put(layer.id(), stale);
        }
        return out;
    }

    /** Recomputes a layer's stored estimates with the current standard; returns how many features. */
    public long recompute(String layerId, LongConsumer progress) {
        return StoredEstimates.recompute(store, layerId, current(), progress);
    }

    /** How many features a layer holds, for progress. */
    public long size(String layerId) {
        return store.count(layerId, Filter.ALL);
    }
}
