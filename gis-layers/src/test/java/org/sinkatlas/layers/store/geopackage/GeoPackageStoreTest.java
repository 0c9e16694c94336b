package org.sinkatlas.layers.store.geopackage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinkatlas.layers.filter.Filter;
import org.sinkatlas.layers.model.Feature;
import org.sinkatlas.layers.model.FeatureDraft;
import org.sinkatlas.layers.store.FeatureQuery;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.LayerStoreContract;
import org.sinkatlas.layers.store.StoreCursor;
import org.sinkatlas.layers.store.StoreUnavailableException;
import org.sinkatlas.layers.testing.Gdal;

/** The store contract on the embedded GeoPackage engine, and what only a file can do wrong. */
class GeoPackageStoreTest extends LayerStoreContract {

    @TempDir
    Path dir;

    @Override
    protected LayerStore newStore() {
        return GeoPackageStore.open(dir.resolve("store.gpkg"));
    }

    @Override
    protected LayerStore newSecondStore() {
        return GeoPackageStore.open(dir.resolve("second.gpkg"));
    }

    @Test
    void dataSurvivesReopening() {
        store.write("tester", w -> w.insert("test-plots", new FeatureDraft(square(120.9, 31, 0.01), props("name", "kept"))));
        store.close();
        store = GeoPackageStore.open(dir.resolve("store.gpkg"));
        assertEquals(List.of("test-plots", "test-areas"), store.layers().stream().map(l -> l.id()).toList());
        assertEquals(1, store.count("test-plots", Filter.ALL));
    }

    @Test
    void noReadConnectionFreeInTimeIsUnavailableNotAFault() {
        store.write("tester", w -> w.insert("test-plots", new FeatureDraft(square(120.9, 31, 0.01), props("name", "busy"))));
        // Every read connection held by an open cursor: the next read waits for the pool's timeout, then is a
        // StoreUnavailableException (a 503 with Retry-After), never a plain failure (a 500).
        List<StoreCursor<Feature>> held = new ArrayList<>();
        try {
            for (int i = 0; i < Math.max(4, Runtime.getRuntime().availableProcessors() * 2); i++) {
                held.add(store.query("test-plots", FeatureQuery.all()));
            }
            assertThrows(StoreUnavailableException.class, () -> store.count("test-plots", Filter.ALL));
        } finally {
            held.forEach(StoreCursor::close);
        }
        assertEquals(1, store.count("test-plots", Filter.ALL));
    }

    @Test
    void gdalReadsTheFileAsAGeoPackage() throws Exception {
        store.write("tester", w -> {
            for (int i = 0; i < 5; i++) {
                w.insert("test-plots", new FeatureDraft(square(120.9 + i * 0.01, 31, 0.005), props("name", "p" + i)));
            }
            return null;
        });
        store.close();
        String info = Gdal.run("ogrinfo", "-ro", "-so", dir.resolve("store.gpkg").toString(), "test_plots");
        assertTrue(info.contains("Feature Count: 5"), info);
        assertTrue(info.contains("Geometry: Polygon"), info);
        assertTrue(info.contains("ID[\"EPSG\",4326]"), info);
        assertTrue(!info.contains("may only be partially supported"), "no GeoPackage version warning: " + info);
        String features = Gdal.run("ogrinfo", "-ro", "-q", "-where", "name = 'p3'", dir.resolve("store.gpkg").toString(),
                "test_plots");
        assertTrue(features.contains("POLYGON ((120.93 31.0,120.935 31.0,120.935 31.005,120.93 31.005,120.93 31.0))"), features);
        store = GeoPackageStore.open(dir.resolve("store.gpkg"));
    }

    @Test
    void aDamagedFileIsReportedAndLeftUntouched() throws Exception {
        Path damaged = dir.resolve("damaged.gpkg");
        byte[] junk = "SQLite format 3\0 but then nothing that SQLite can read".getBytes();
        Files.write(damaged, junk);
        StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> GeoPackageStore.open(damaged));
        assertTrue(e.getMessage().contains("damaged") || e.getMessage().contains("not a readable GeoPackage"),
                e.getMessage());
        assertArrayEquals(junk, Files.readAllBytes(damaged));

        Path notSqlite = dir.resolve("text.gpkg");
        Files.writeString(notSqlite, "hello");
        e = assertThrows(StoreUnavailableException.class, () -> GeoPackageStore.open(notSqlite));
        assertTrue(e.getMessage().contains("no SQLite header"), e.getMessage());
        assertEquals("hello", Files.readString(notSqlite));

        e = assertThrows(StoreUnavailableException.class, () -> GeoPackageStore.open(dir.resolve("store.sqlite")));
        assertTrue(e.getMessage().contains(".gpkg"), e.getMessage());
    }

    @Test
    void aFileLockedByAnotherWriterIsReported() throws Exception {
        store.close();
        Path file = dir.resolve("store.gpkg");
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = other.createStatement()) {
            st.execute("BEGIN EXCLUSIVE");
            StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> GeoPackageStore.open(file));
            assertTrue(e.getMessage().contains("locked"), e.getMessage());
            st.execute("ROLLBACK");
        }
        store = GeoPackageStore.open(file);
        assertEquals(2, store.layers().size());
    }

    @Test
    void aForeignGeoPackageIsNotTakenOver() throws Exception {
        Path foreign = dir.resolve("officer.gpkg");
        Gdal.run("ogr2ogr", "-f", "GPKG", foreign.toString(), "/vsistdin/", "-nln", "survey");
        long size = Files.size(foreign);
        StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> GeoPackageStore.open(foreign));
        assertTrue(e.getMessage().contains("did not create"), e.getMessage());
        assertEquals(size, Files.size(foreign));
    }
}
