package org.sinkatlas.sink.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sinkatlas.layers.demo.DemoLayers;
import org.sinkatlas.layers.filter.Filter;
import org.sinkatlas.layers.model.Feature;
import org.sinkatlas.layers.model.SinkFields;
import org.sinkatlas.layers.store.FeatureQuery;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.StoreCursor;
import org.sinkatlas.layers.testing.DemoStores;
import org.sinkatlas.sink.calc.SinkCalculator;
import org.sinkatlas.sink.standard.StandardCatalog;

/** Stored estimates and summaries of the demo parcels, equal on both store engines. */
class SinkSummariesTest {

    static LayerStore gpkg;
    static LayerStore pg;
    static final SinkCalculator CALC = new SinkCalculator(StandardCatalog.builtIn().current());

    @BeforeAll
    static void stores() {
        gpkg = DemoStores.geopackage();
        pg = DemoStores.postgis();
        for (LayerStore s : List.of(gpkg, pg)) {
            assertTrue(StoredEstimates.stale(s, DemoLayers.PARCELS, CALC) > 0);
            long[] last = new long[1];
            long n = StoredEstimates.recompute(s, DemoLayers.PARCELS, CALC, d -> last[0] = d);
            assertEquals(s.count(DemoLayers.PARCELS, Filter.ALL), n);
            assertEquals(n, last[0], "progress reached the end");
            assertEquals(0, StoredEstimates.stale(s, DemoLayers.PARCELS, CALC));
        }
    }

    @Test
    void storedEstimatesAreThoseOfTheCalculatorAndKeepTheVersion() {
        try (StoreCursor<Feature> c = gpkg.query(DemoLayers.PARCELS, new FeatureQuery(Filter.ALL, 0, 50))) {
            while (c.hasNext()) {
                Feature f = c.next();
                var e = CALC.estimate(FeatureSinkInput.of(f), false);
                assertEquals(e.net().p50(), (Double) f.property(SinkFields.NET), 1e-4);
                assertEquals(e.net().p95(), (Double) f.property(SinkFields.NET_P95), 1e-4);
                assertEquals(e.stockTc().total(), (Double) f.property(SinkFields.STOCK), 1e-3);
                assertEquals("yrd-ess@2026.1", f.property(SinkFields.STANDARD));
                assertEquals(1, f.version(), "estimates are derived values, not new versions");
            }
        }
    }

    @Test
    void summariesAgreeBetweenEnginesAndAddUpToTheParcels() {
        SinkSummaries a = new SinkSummaries(gpkg);
        SinkSummaries b = new SinkSummaries(pg);
        // Values from the central coefficients add up; percentiles do not (groups come from the draws).
        double storedNet = 0;
        try (StoreCursor<Feature> c = gpkg.query(DemoLayers.PARCELS, FeatureQuery.all())) {
            while (c.hasNext()) storedNet += CALC.estimate(FeatureSinkInput.of(c.next()), false).net().central();
        }
        for (SinkSummaries.By by : SinkSummaries.By.values()) {
            for (boolean planned : new boolean[] {false, true}) {
                SinkSummaries.Summary x = a.summary(DemoLayers.PARCELS, by, planned, CALC);
                SinkSummaries.Summary y = b.summary(DemoLayers.PARCELS, by, planned, CALC);
                double tolerance = by == SinkSummaries.By.ZONE || by == SinkSummaries.By.PROJECT ? 1e-5 : 1e-9;
                assertEquals(x.groups().size(), y.groups().size(), by + " groups");
                Map<String, SinkSummaries.Group> other = new HashMap<>();
                y.groups().forEach(g -> other.put(g.key(), g));
                for (SinkSummaries.Group g : x.groups()) {
                    SinkSummaries.Group h = other.get(g.key());
                    // Net is removal less methane: compare it on the scale of its gross parts.
                    double gross = Math.abs(g.estimate().annualRemoval().central()) + Math.abs(g.estimate().methane().central());
                    assertEquals(g.estimate().net().central(), h.estimate().net().central(), gross * tolerance + 1e-6,
                            by + " " + g.key());
                    assertEquals(g.estimate().areaM2(), h.estimate().areaM2(), g.estimate().areaM2() * tolerance, by + " area");
                    assertEquals(g.estimate().net().p5(), h.estimate().net().p5(), gross * tolerance * 10 + 1e-6, by + " p5");
                }
                if (!planned && (by == SinkSummaries.By.DISTRICT || by == SinkSummaries.By.LANDCOVER)) {
                    assertEquals(storedNet, x.total().net().central(), Math.abs(storedNet) * 1e-6, by + " total");
                    assertEquals(gpkg.count(DemoLayers.PARCELS, Filter.ALL),
                            x.groups().stream().mapToDouble(SinkSummaries.Group::features).sum(), 1e-6);
                }
            }
        }
        SinkSummaries.Summary districts = a.summary(DemoLayers.PARCELS, SinkSummaries.By.DISTRICT, false, CALC);
        assertEquals(List.of("吴江区", "嘉善县", "青浦区"), districts.groups().stream().map(SinkSummaries.Group::key).toList());
        SinkSummaries.Summary plan = a.summary(DemoLayers.PARCELS, SinkSummaries.By.DISTRICT, true, CALC);
        assertTrue(plan.change().netChange().central() > 0, "planned forests and parks add to the sink");
        assertEquals(0, districts.unestimated());
    }
}
