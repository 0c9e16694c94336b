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
import org.sinkatlas.sink.calc.ScenarioPath;
import org.sinkatlas.sink.calc.SinkCalculator;
import org.sinkatlas.sink.calc.SinkEstimate;
import org.sinkatlas.sink.standard.StandardCatalog;

/** Stored estimates and summaries of the demo parcels, equal on both store engines. */
class SinkSummariesTest {

    static LayerStore gpkg;
    static LayerStore pg;
    static final SinkCalculator CALC = new SinkCalculator(StandardCatalog.builtIn().current());
    static final int YEAR = CALC.standard().accountingYear();

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
    void storedEstimatesAreTheMeansOfTheDrawsWithNetExactlyRemovalLessEmissions() {
        try (StoreCursor<Feature> c = gpkg.query(DemoLayers.PARCELS, new FeatureQuery(Filter.ALL, 0, 200))) {
            while (c.hasNext()) {
                Feature f = c.next();
                SinkEstimate e = CALC.estimate(FeatureSinkInput.of(f), YEAR, null, false);
                double net = (Double) f.property(SinkFields.NET);
                assertEquals(e.net().mean(), net, 2e-4);
                assertEquals(e.net().p95(), (Double) f.property(SinkFields.NET_P95), 1e-4);
                assertEquals(e.stock().mean(), (Double) f.property(SinkFields.STOCK), 1e-3);
                assertEquals((Double) f.property(SinkFields.REMOVAL) - (Double) f.property(SinkFields.METHANE)
                        - (Double) f.property(SinkFields.N2O), net, 1e-9, "net = removal − methane − nitrous oxide, as stored");
                assertEquals(Math.round(net / ((Double) f.property(SinkFields.AREA) / 10_000) * 1e4) / 1e4,
                        (Double) f.property(SinkFields.DENSITY), 1e-9, "the map's density is the headline per hectare");
                assertEquals("yrd-ess@2027.1", f.property(SinkFields.STANDARD));
                assertEquals("ar5", f.property(SinkFields.GWP));
                assertEquals((long) YEAR, ((Number) f.property(SinkFields.YEAR)).longValue());
                assertEquals(1, f.version(), "estimates are derived values, not new versions");
            }
        }
    }

    @Test
    void summariesAgreeBetweenEnginesAndAddUpToTheParcelsHeadlines() {
        SinkSummaries a = new SinkSummaries(gpkg);
        SinkSummaries b = new SinkSummaries(pg);
        double storedNet = 0;
        long parcels = 0;
        try (StoreCursor<Feature> c = gpkg.query(DemoLayers.PARCELS, FeatureQuery.all())) {
            while (c.hasNext()) {
                storedNet += (Double) c.next().property(SinkFields.NET);
                parcels++;
            }
        }
        for (SinkSummaries.By by : SinkSummaries.By.values()) {
            SinkSummaries.Summary x = a.summary(DemoLayers.PARCELS, by, CALC, YEAR, null);
            SinkSummaries.Summary y = b.summary(DemoLayers.PARCELS, by, CALC, YEAR, null);
            double tolerance = by == SinkSummaries.By.ZONE || by == SinkSummaries.By.PROJECT ? 1e-5 : 1e-9;
            assertEquals(x.groups().size(), y.groups().size(), by + " groups");
            Map<String, SinkSummaries.Group> other = new HashMap<>();
            y.groups().forEach(g -> other.put(g.key(), g));
            for (SinkSummaries.Group g : x.groups()) {
                SinkSummaries.Group h = other.get(g.key());
                double gross = Math.abs(g.estimate().removals().mean()) + Math.abs(g.estimate().emissions().mean());
                assertEquals(g.estimate().net().mean(), h.estimate().net().mean(), gross * tolerance + 1e-6, by + " " + g.key());
                assertEquals(g.estimate().areaM2(), h.estimate().areaM2(), g.estimate().areaM2() * tolerance, by + " area");
                assertEquals(g.estimate().net().p5(), h.estimate().net().p5(), gross * tolerance * 10 + 1e-6, by + " p5");
            }
            if (by == SinkSummaries.By.DISTRICT || by == SinkSummaries.By.LANDCOVER) {
                // A summary's headline is the sum of its parcels' headlines (each stored to 1e-4).
                assertEquals(storedNet, x.total().net().mean(), parcels * 1e-4, by + " total");
                assertEquals(parcels, x.groups().stream().mapToDouble(SinkSummaries.Group::features).sum(), 1e-6);
            }
        }
        SinkSummaries.Summary districts = a.summary(DemoLayers.PARCELS, SinkSummaries.By.DISTRICT, CALC, YEAR, null);
        assertEquals(List.of("吴江区", "嘉善县", "青浦区"), districts.groups().stream().map(SinkSummaries.Group::key).toList());
        assertEquals(0, districts.unestimated());
    }

    @Test
    void thePlansPathIsTheSameOnBothEnginesAndItsYearsAddUp() {
        SinkSummaries.Plan x = new SinkSummaries(gpkg).plan(DemoLayers.PARCELS, SinkSummaries.By.DISTRICT, CALC, 2026, 2060, 2027,
                null);
        SinkSummaries.Plan y = new SinkSummaries(pg).plan(DemoLayers.PARCELS, SinkSummaries.By.DISTRICT, CALC, 2026, 2060, 2027,
                null);
        ScenarioPath p = x.total();
        assertEquals(35, p.years().size());
        assertEquals(0, p.years().get(0).difference().mean(), 1e-6, "nothing differs before the change year");
        double sum = 0;
        for (ScenarioPath.Year yr : p.years()) sum += yr.difference().mean();
        assertEquals(sum, p.total().mean(), Math.abs(sum) * 1e-9);
        assertEquals(p.total().mean(), y.total().total().mean(), Math.abs(sum) * 1e-6);
        assertTrue(p.total().mean() > 0, "planned forests and parks add to the sink");
        // Today's path is today's summary, year after year.
        SinkSummaries.Summary now = new SinkSummaries(gpkg).summary(DemoLayers.PARCELS, SinkSummaries.By.DISTRICT, CALC, 2026, null);
        assertEquals(now.total().net().mean(), p.years().get(0).currentNet().mean(), Math.abs(now.total().net().mean()) * 1e-9);
    }

    @Test
    void theGridHoldsEveryParcelsFiguresOnceAndAgreesBetweenEngines() {
        Map<String, Map<String, Object>> cells = new HashMap<>();
        double parcelsNet = 0;
        double parcelsArea = 0;
        try (StoreCursor<Feature> c = gpkg.query(DemoLayers.PARCELS, FeatureQuery.all())) {
            while (c.hasNext()) {
                Feature f = c.next();
                parcelsNet += (Double) f.property(SinkFields.NET);
                parcelsArea += (Double) f.property(SinkFields.AREA);
            }
        }
        for (LayerStore s : List.of(gpkg, pg)) {
            int holding = new SinkGrid(s, new org.sinkatlas.layers.crs.CrsService()).rebuild();
            assertEquals(s.count(SinkGrid.LAYER, Filter.ALL), holding, "one cell per square kilometre that holds parcels");
            double net = 0;
            double area = 0;
            try (StoreCursor<Feature> c = s.query(SinkGrid.LAYER, FeatureQuery.all())) {
                while (c.hasNext()) {
                    Feature cell = c.next();
                    net += (Double) cell.property(SinkFields.NET);
                    area += (Double) cell.property(SinkFields.AREA);
                    if (s == gpkg) {
                        cells.put((String) cell.property(SinkGrid.CELL), cell.properties());
                        // A cell is a square kilometre of the grid: on the ellipsoid a little less, by the square of
                        // the Gauss-Kruger scale (1 + 2e-4 at the zone's east edge, 1.3 degrees from 120E).
                        assertEquals(1e6, org.sinkatlas.layers.geom.EllipsoidMeasure.areaM2(cell.geometry()), 1e6 * 5e-4);
                    } else {
                        Map<String, Object> same = cells.get((String) cell.property(SinkGrid.CELL));
                        assertEquals((Double) same.get(SinkFields.NET), (Double) cell.property(SinkFields.NET), 1e-6);
                        assertEquals(same.get(SinkGrid.LANDCOVER_SHARES), cell.property(SinkGrid.LANDCOVER_SHARES));
                    }
                }
            }
            assertTrue(holding > 2_000 && holding < 3_500, holding + " cells over the zone's 2,400 km2");
            // Each parcel is shared between its cells by area: nothing lost, nothing counted twice.
            assertEquals(parcelsNet, net, holding * 1e-3, "net sums to the parcels'");
            assertEquals(parcelsArea, area, holding * 0.1, "area sums to the parcels'");
        }
    }

    @Test
    void anEditSumsAgainOnlyTheCellsUnderIt() {
        SinkGrid grid = new SinkGrid(gpkg, new org.sinkatlas.layers.crs.CrsService());
        grid.rebuild();
        Feature parcel;
        try (StoreCursor<Feature> c = gpkg.query(DemoLayers.PARCELS, new FeatureQuery(Filter.ALL, 500, 1))) {
            parcel = c.next();
        }
        Map<String, Double> before = gridNets();
        double was = (Double) parcel.property(SinkFields.NET);
        try {
            // As a recompute after an edit would: the parcel's stored net grows by 1,000 tCO2e/yr.
            gpkg.write("test", w -> {
                w.annotate(DemoLayers.PARCELS, parcel.id(), Map.of(SinkFields.NET, was + 1000));
                return null;
            });
            grid.update(List.of(parcel.geometry().getEnvelopeInternal()));
            Map<String, Double> after = gridNets();
            double grown = 0;
            int changed = 0;
            for (Map.Entry<String, Double> e : after.entrySet()) {
                double d = e.getValue() - before.get(e.getKey());
                if (Math.abs(d) > 1e-6) changed++;
                grown += d;
            }
            assertEquals(1000, grown, 0.01, "the parcel's growth, shared between its cells");
            assertTrue(changed >= 1 && changed <= 4, changed + " cells changed");
        } finally {
            gpkg.write("test", w -> {
                w.annotate(DemoLayers.PARCELS, parcel.id(), Map.of(SinkFields.NET, was));
                return null;
            });
            grid.rebuild();
        }
    }

    private static Map<String, Double> gridNets() {
        Map<String, Double> out = new HashMap<>();
        try (StoreCursor<Feature> c = gpkg.query(SinkGrid.LAYER, FeatureQuery.all())) {
            while (c.hasNext()) {
                Feature f = c.next();
                out.put((String) f.property(SinkGrid.CELL), (Double) f.property(SinkFields.NET));
            }
        }
        return out;
    }
}
