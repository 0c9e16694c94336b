package org.sinkatlas.layers.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import org.sinkatlas.layers.model.Feature;
import org.sinkatlas.layers.model.FeatureDraft;
import org.sinkatlas.layers.model.FeatureVersion;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.store.geopackage.GeoPackageStore;
import org.sinkatlas.layers.store.postgis.PostgisSettings;
import org.sinkatlas.layers.store.postgis.PostgisStore;
import org.sinkatlas.layers.testing.DelegatingStore;
import org.sinkatlas.layers.testing.TestPostgis;

/** A whole store moved GeoPackage → PostGIS → GeoPackage keeps every feature, version, time and history row. */
class StoreCopyTest {

    @TempDir
    Path dir;

    private static Geometry square(double x, double y) throws Exception {
        return new WKTReader().read(String.format(java.util.Locale.ROOT,
                "POLYGON ((%f %f, %f %f, %f %f, %f %f, %f %f))", x, y, x + .01, y, x + .01, y + .01, x, y + .01, x, y));
    }

    /** A store with two layers, edits and deletes, so that history is more than inserts. */
    private void fill(LayerStore s) throws Exception {
        s.createLayer(LayerStoreContract.PLOTS);
        s.createLayer(LayerStoreContract.AREAS);
        List<Feature> made = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Geometry g = square(120.9 + i * 0.02, 31);
            Feature f = s.write("loader", w -> w.insert("test-plots", new FeatureDraft(g, Map.of("name", "p",
                    "opened", java.time.LocalDate.of(2021, 1, 1), "extra", Map.of("k", 1L)))));
            made.add(f);
        }
        Geometry moved = square(121.5, 31.5);
        s.write("alice", w -> w.replace("test-plots", made.get(2).id(), new FeatureDraft(moved, Map.of("name", "moved")), 1));
        s.write("bob", w -> {
            // The highest id: a copy must not hand it out again.
            w.delete("test-plots", made.get(11).id(), 1);
            return null;
        });
        Geometry area = square(121, 31);
        s.write("carol", w -> w.insert("test-areas", new FeatureDraft(area, Map.of("name", "a"))));
        s.appendRecord("api-key", Map.of("name", "officer", "hash", "x"), "admin");
        s.appendRecord("target-report", Map.of("value", 0.9), "dave");
    }

    private static void assertSameStores(LayerStore a, LayerStore b) {
        assertEquals(a.layers(), b.layers());
        assertEquals(a.records(null), b.records(null));
        for (LayerInfo layer : a.layers()) {
            List<Feature> fa = all(a, layer.id());
            List<Feature> fb = all(b, layer.id());
            assertEquals(fa.size(), fb.size(), layer.id());
            for (int i = 0; i < fa.size(); i++) {
                Feature x = fa.get(i);
                Feature y = fb.get(i);
                assertEquals(x.id(), y.id());
                assertEquals(x.version(), y.version());
                assertEquals(x.created(), y.created());
                assertEquals(x.updated(), y.updated());
                assertEquals(x.properties(), y.properties());
                assertTrue(x.geometry().equalsExact(y.geometry()), x.geometry() + " / " + y.geometry());
            }
            List<FeatureVersion> ha = history(a, layer.id());
            List<FeatureVersion> hb = history(b, layer.id());
            assertEquals(ha.size(), hb.size());
            for (int i = 0; i < ha.size(); i++) {
                assertEquals(ha.get(i).featureId(), hb.get(i).featureId());
                assertEquals(ha.get(i).version(), hb.get(i).version());
                assertEquals(ha.get(i).operation(), hb.get(i).operation());
                assertEquals(ha.get(i).author(), hb.get(i).author());
                assertEquals(ha.get(i).at(), hb.get(i).at());
            }
        }
    }

    private static List<Feature> all(LayerStore s, String layer) {
        List<Feature> out = new ArrayList<>();
        try (StoreCursor<Feature> c = s.query(layer, FeatureQuery.all())) {
            c.forEachRemaining(out::add);
        }
        return out;
    }

    private static List<FeatureVersion> history(LayerStore s, String layer) {
        List<FeatureVersion> out = new ArrayList<>();
        try (StoreCursor<FeatureVersion> c = s.historyOf(layer)) {
            c.forEachRemaining(out::add);
        }
        return out;
    }

    @Test
    void geoPackageToPostgisAndBackLosesNothing() throws Exception {
        PostgisSettings schema = TestPostgis.freshSchema();
        try (LayerStore gpkg = GeoPackageStore.open(dir.resolve("a.gpkg")); LayerStore pg = PostgisStore.open(schema);
                LayerStore back = GeoPackageStore.open(dir.resolve("b.gpkg"))) {
            fill(gpkg);
            StoreCopy.Report r = StoreCopy.copy(gpkg, pg, "copy", line -> { });
            assertEquals(2, r.layers());
            assertEquals(12, r.features());
            assertEquals(15, r.historyRows(), "12 inserts, an update and a delete, and one area");
            assertEquals(2, r.records());
            assertSameStores(gpkg, pg);
            StoreCopy.copy(pg, back, "copy", line -> { });
            assertSameStores(gpkg, back);
            // New ids continue after every copied id, the deleted feature's included, in both engines.
            Geometry g = square(120, 30);
            assertEquals(13, pg.write("x", w -> w.insert("test-plots", new FeatureDraft(g, Map.of()))).id());
            assertEquals(13, back.write("x", w -> w.insert("test-plots", new FeatureDraft(g, Map.of()))).id());
            // And so do record ids.
            long lastRecord = gpkg.records(null).get(1).id();
            assertTrue(pg.appendRecord("audit", Map.of(), "x").id() > lastRecord);
            assertTrue(back.appendRecord("audit", Map.of(), "x").id() > lastRecord);
        } finally {
            TestPostgis.dropSchema(schema);
        }
    }

    @Test
    void aTargetWithLayersIsRefusedAndAFailedCopyLeavesItEmpty() throws Exception {
        try (LayerStore source = GeoPackageStore.open(dir.resolve("a.gpkg"));
                LayerStore target = GeoPackageStore.open(dir.resolve("b.gpkg"))) {
            fill(source);
            target.createLayer(LayerStoreContract.AREAS);
            assertThrows(IllegalArgumentException.class, () -> StoreCopy.copy(source, target, "copy", l -> { }));
            target.dropLayer("test-areas");
            // A target that fails on its second write transaction: everything copied before is removed again.
            LayerStore failing = new FailingWrites(target, 1);
            assertThrows(StoreUnavailableException.class, () -> StoreCopy.copy(source, failing, "copy", l -> { }));
            assertTrue(target.layers().isEmpty(), "target emptied again: " + target.layers());
        }
    }

    /** A real store whose writes start failing after a number of transactions, as a dying disk would. */
    private static final class FailingWrites extends DelegatingStore {
        private int allowed;

        FailingWrites(LayerStore inner, int allowed) {
            super(inner);
            this.allowed = allowed;
        }

        @Override
        public <T> T write(String author, WriteWork<T> work) {
            if (allowed-- <= 0) throw new StoreUnavailableException("disk failed");
            return inner.write(author, work);
        }
    }
}
