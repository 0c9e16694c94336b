package org.sinkatlas.sink.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.sinkatlas.layers.demo.DemoLayers;
import org.sinkatlas.layers.geom.EllipsoidMeasure;
import org.sinkatlas.layers.model.Feature;
import org.sinkatlas.layers.model.FeatureDraft;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.store.FeatureWriter;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.geopackage.GeoPackageStore;

/** A small store edited between questions: the answers follow the features and the scope's boundary. */
class TargetTrackerEditsTest {

    @TempDir
    Path dir;

    private static LayerInfo layer(String id) {
        return DemoLayers.all().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }

    private static Geometry wkt(String text) {
        try {
            return new WKTReader().read(text);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Map<String, Object> props(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    @Test
    void theValueFollowsEditsOfTheFeaturesAndOfTheScope() {
        try (LayerStore store = GeoPackageStore.open(dir.resolve("small.gpkg"))) {
            store.createLayer(layer(DemoLayers.DISTRICTS));
            store.createLayer(layer(DemoLayers.GREENWAYS));
            Feature qingpu = store.write("t", w -> w.insert(DemoLayers.DISTRICTS, new FeatureDraft(
                    wkt("POLYGON ((121 31, 121.1 31, 121.1 31.1, 121 31.1, 121 31))"), props("name", "青浦区", "name_en", "Qingpu"))));
            // Half inside Qingpu; a second built path without a date; a planned one.
            Geometry line = wkt("LINESTRING (120.95 31.05, 121.05 31.05)");
            Feature path = store.write("t", w -> w.insert(DemoLayers.GREENWAYS, new FeatureDraft(line,
                    props("name", "A", "status", "built", "completed", LocalDate.of(2022, 5, 1)))));
            store.write("t", w -> w.insert(DemoLayers.GREENWAYS, new FeatureDraft(wkt("LINESTRING (121.02 31.02, 121.02 31.08)"),
                    props("name", "B", "status", "built"))));
            store.write("t", w -> w.insert(DemoLayers.GREENWAYS, new FeatureDraft(wkt("LINESTRING (121.03 31.02, 121.03 31.08)"),
                    props("name", "C", "status", "planned"))));
            TargetTracker tracker = new TargetTracker(store, TargetCatalog.builtIn(), TargetReportsTest.CLOCK);
            Target greenways = tracker.catalog().find("greenway-km").orElseThrow();
            double half = EllipsoidMeasure.lengthM(wkt("LINESTRING (121 31.05, 121.05 31.05)")) / 1000;
            // About 4.77 km: 0.05 degrees of longitude at 31.05 degrees north.
            assertEquals(0.05 * Math.PI / 180 * 6378.137 * Math.cos(Math.toRadians(31.05)), half, 0.02);
            TargetProgress p = tracker.progress(greenways, LocalDate.of(2024, 1, 1));
            assertEquals(half, p.standing().value(), 1e-9);
            assertEquals(Map.of("A", Counted.YES, "B", Counted.UNDATED, "C", Counted.NOT_BUILT),
                    Map.of(p.features().get(0).feature().name(), p.features().get(0).counted(),
                            p.features().get(1).feature().name(), p.features().get(1).counted(),
                            p.features().get(2).feature().name(), p.features().get(2).counted()));
            assertEquals(0, tracker.progress(greenways, LocalDate.of(2022, 4, 30)).standing().value(), 0, "before it was built");

            // Qingpu's boundary moves west: the whole path lies inside.
            store.write("t", w -> w.replace(DemoLayers.DISTRICTS, qingpu.id(), new FeatureDraft(
                    wkt("POLYGON ((120.9 31, 121.1 31, 121.1 31.1, 120.9 31.1, 120.9 31))"),
                    props("name", "青浦区", "name_en", "Qingpu")), FeatureWriter.ANY_VERSION));
            double whole = EllipsoidMeasure.lengthM(line) / 1000;
            assertEquals(whole, tracker.progress(greenways, LocalDate.of(2024, 1, 1)).standing().value(), 1e-9);
            // The date of completion moves: the as-of rule follows.
            store.write("t", w -> w.replace(DemoLayers.GREENWAYS, path.id(), new FeatureDraft(line,
                    props("name", "A", "status", "built", "completed", LocalDate.of(2024, 6, 1))), FeatureWriter.ANY_VERSION));
            assertEquals(0, tracker.progress(greenways, LocalDate.of(2024, 1, 1)).standing().value(), 0);
            TargetProgress later = tracker.progress(greenways, LocalDate.of(2024, 6, 1));
            assertEquals(whole, later.standing().value(), 1e-9);
            assertEquals(List.of(path.id()), later.countedIds());
            assertTrue(later.standing().status() == TargetStatus.BEHIND, "10 km of 45 in mid-2024");
        }
    }

    @Test
    void anEditOfTheScopeThatLandsDuringItsReadIsNotLost() {
        Geometry small = wkt("POLYGON ((121 31, 121.1 31, 121.1 31.1, 121 31.1, 121 31))");
        Geometry large = wkt("POLYGON ((120.9 31, 121.1 31, 121.1 31.1, 120.9 31.1, 120.9 31))");
        try (LayerStore real = GeoPackageStore.open(dir.resolve("race.gpkg"))) {
            real.createLayer(layer(DemoLayers.DISTRICTS));
            real.createLayer(layer(DemoLayers.GREENWAYS));
            Feature qingpu = real.write("t", w -> w.insert(DemoLayers.DISTRICTS, new FeatureDraft(small,
                    props("name", "青浦区", "name_en", "Qingpu"))));
            real.write("t", w -> w.insert(DemoLayers.GREENWAYS, new FeatureDraft(wkt("LINESTRING (120.95 31.05, 121.05 31.05)"),
                    props("name", "A", "status", "built", "completed", LocalDate.of(2022, 5, 1)))));
            // The first read of the districts gets the shapes as they were, then an officer's edit commits.
            LayerStore store = new org.sinkatlas.layers.testing.DelegatingStore(real) {
                private boolean edited;

                @Override
                public org.sinkatlas.layers.store.StoreCursor<Feature> query(String id, org.sinkatlas.layers.store.FeatureQuery q) {
                    if (!id.equals(DemoLayers.DISTRICTS) || edited) return inner.query(id, q);
                    edited = true;
                    List<Feature> before = new java.util.ArrayList<>();
                    try (var c = inner.query(id, q)) {
                        c.forEachRemaining(before::add);
                    }
                    inner.write("officer", w -> w.replace(DemoLayers.DISTRICTS, qingpu.id(), new FeatureDraft(large,
                            props("name", "青浦区", "name_en", "Qingpu")), FeatureWriter.ANY_VERSION));
                    var rows = before.iterator();
                    return new org.sinkatlas.layers.store.StoreCursor<>() {
                        @Override public boolean hasNext() { return rows.hasNext(); }
                        @Override public Feature next() { return rows.next(); }
                        @Override public void close() { }
                    };
                }
            };
            TargetTracker tracker = new TargetTracker(store, TargetCatalog.builtIn(), TargetReportsTest.CLOCK);
            Target greenways = tracker.catalog().find("greenway-km").orElseThrow();
            double half = EllipsoidMeasure.lengthM(wkt("LINESTRING (121 31.05, 121.05 31.05)")) / 1000;
            double whole = EllipsoidMeasure.lengthM(wkt("LINESTRING (120.95 31.05, 121.05 31.05)")) / 1000;
            assertEquals(half, tracker.progress(greenways, LocalDate.of(2024, 1, 1)).standing().value(), 1e-9,
                    "measured in the shape as it was read");
            assertEquals(whole, tracker.progress(greenways, LocalDate.of(2024, 1, 1)).standing().value(), 1e-9,
                    "the edit is seen next: the shape read across it was not kept");
        }
    }
}
