package org.sinkatlas.sink.layers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.locationtech.jts.geom.Geometry;
import org.sinkatlas.layers.filter.ComparisonOp;
import org.sinkatlas.layers.filter.Filter;
import org.sinkatlas.layers.model.Feature;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.SinkFields;
import org.sinkatlas.layers.store.FeatureQuery;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.StoreCursor;
import org.sinkatlas.sink.calc.Eligibility;
import org.sinkatlas.sink.calc.ScenarioPath;
import org.sinkatlas.sink.calc.SinkCalculator;
import org.sinkatlas.sink.calc.SinkEstimate;
import org.sinkatlas.sink.calc.SinkInput;
import org.sinkatlas.sink.calc.SinkInputException;

/**
 * The sink estimates a sink layer keeps with its features (see {@link SinkFields}): the values for one
 * feature, in the standard's accounting year with its default GWP set, and the recompute of a whole layer,
 * in parallel across cores and written in transactions of a few thousand features, reporting progress.
 * Every figure is the headline, the mean of the draws; the stored net is the stored removal less the stored
 * methane and nitrous oxide, to the stored precision.
 */
public final class StoredEstimates {

    private static final int BATCH = 4_000;

    private StoredEstimates() {}

    /**
     * The stored-estimate properties of one feature that its layer has (all null when its land cover cannot be
     * estimated): a layer made with only some of them keeps those.
     */
    public static Map<String, Object> valuesFor(SinkCalculator calc, LayerInfo layer, Feature f) {
        Map<String, Object> all = valuesFor(calc, f.geometry(), f.properties()).values();
        all.keySet().removeIf(name -> layer.property(name).isEmpty());
        return all;
    }

    /** Stored-estimate values, or the reason there are none. */
    public record Values(Map<String, Object> values, String error) {}

    /** The stored-estimate properties of a geometry with its properties, with the reason when it has none. */
    public static Values valuesFor(SinkCalculator calc, Geometry geometry, Map<String, ?> properties) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (org.sinkatlas.layers.model.PropertyDef d : SinkFields.definitions()) v.put(d.name(), null);
        SinkEstimate e;
        SinkInput input;
        int year = calc.standard().accountingYear();
        double planDiff;
        try {
            input = FeatureSinkInput.of(geometry, properties);
            e = calc.estimate(input, year, null, false);
            planDiff = planDifference(calc, input, year);
        } catch (SinkInputException bad) {
            return new Values(v, bad.getMessage());
        }
        double removal = round(e.removals().mean(), 4);
        double methane = round(e.methane().mean(), 4);
        double n2o = round(e.nitrousOxide().mean(), 4);
        double net = round(removal - methane - n2o, 4);
        double area = round(e.areaM2(), 2);
        v.put(SinkFields.AREA, area);
        v.put(SinkFields.STOCK, round(e.stock().mean(), 3));
        v.put(SinkFields.REMOVAL, removal);
        v.put(SinkFields.METHANE, methane);
        v.put(SinkFields.N2O, n2o);
        v.put(SinkFields.NET, net);
        v.put(SinkFields.NET_P5, round(e.net().p5(), 4));
        v.put(SinkFields.NET_P95, round(e.net().p95(), 4));
        v.put(SinkFields.DENSITY, round(net / (area / 10_000), 4));
        v.put(SinkFields.STANDARD, calc.standard().key());
        v.put(SinkFields.GWP, e.gwp());
        v.put(SinkFields.YEAR, (long) e.year());
        v.put(SinkFields.ELIGIBILITY, eligibility(e.eligibility()));
        v.put(SinkFields.PLAN_DIFF, round(planDiff, 4));
        return new Values(v, null);
    }

    /** The stored form of how a sink may be counted (see {@link SinkFields#ELIGIBILITY}). */
    static String eligibility(Eligibility e) {
        if (e == null) return null;
        return e.verdict() != null ? "ccer-" + e.verdict() : e.category();
    }

    /**
     * The planned land cover's net less the current one's in the plan year (or the accounting year, when later),
     * the change made in the accounting year; 0 for a feature without a planned land cover of its own.
     */
    private static double planDifference(SinkCalculator calc, SinkInput input, int year) {
        if (input.planned() == null || input.planned().equals(input.landcover())) return 0;
        int to = Math.max(SinkFields.PLAN_YEAR, year);
        ScenarioPath path = calc.path(calc.areas(input), calc.plannedAreas(input, year), year, to, year, null);
        return path.years().get(path.years().size() - 1).difference().mean();
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }

    /** How many features of a layer are not estimated with this standard (none yet, or another). */
    public static long stale(LayerStore store, String layerId, SinkCalculator calc) {
        List<Filter> stale = new ArrayList<>(List.of(new Filter.IsNull(SinkFields.STANDARD),
                new Filter.Compare(SinkFields.STANDARD, ComparisonOp.NE, calc.standard().key())));
        // Estimated by an older version that kept fewer properties, too.
        if (store.layer(layerId).flatMap(l -> l.property(SinkFields.ELIGIBILITY)).isPresent()) {
            stale.add(new Filter.IsNull(SinkFields.ELIGIBILITY));
        }
        return store.count(layerId, new Filter.Or(stale));
    }

    /**
     * Recomputes every feature's stored estimate.
     *
     * @param progress receives the number of features done so far
     * @return how many features were estimated
     */
    public static long recompute(LayerStore store, String layerId, SinkCalculator calc, LongConsumer progress) {
        LayerInfo layer = store.layer(layerId).orElseThrow(() -> new IllegalArgumentException("no layer " + layerId));
        if (!SinkFields.isSinkLayer(layer)) throw new IllegalArgumentException("layer " + layerId + " keeps no sink estimates");
        AtomicLong done = new AtomicLong();
        List<Feature> batch = new ArrayList<>(BATCH);
        try (StoreCursor<Feature> features = store.query(layerId, FeatureQuery.all())) {
            while (features.hasNext()) {
                batch.add(features.next());
                if (batch.size() == BATCH) {
                    writeBatch(store, layer, calc, batch);
                    progress.accept(done.addAndGet(batch.size()));
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            writeBatch(store, layer, calc, batch);
            progress.accept(done.addAndGet(batch.size()));
        }
        return done.get();
    }

    private static void writeBatch(LayerStore store, LayerInfo layer, SinkCalculator calc, List<Feature> batch) {
        // Estimates in parallel (the calculator is thread-safe), the write in one transaction.
        List<Map<String, Object>> values = batch.parallelStream().map(f -> valuesFor(calc, layer, f)).toList();
        store.write("sink-estimates", w -> {
            for (int i = 0; i < batch.size(); i++) w.annotate(layer.id(), batch.get(i).id(), values.get(i));
            return null;
        });
    }
}
