package org.sinkatlas.layers.store.postgis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sinkatlas.layers.filter.Filter;
import org.sinkatlas.layers.model.FeatureDraft;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.LayerStoreContract;
import org.sinkatlas.layers.store.StoreUnavailableException;
import org.sinkatlas.layers.testing.Gdal;
import org.sinkatlas.layers.testing.TestPostgis;

/** The store contract on PostgreSQL + PostGIS, and what only a database server can do wrong. */
class PostgisStoreTest extends LayerStoreContract {

    private final List<PostgisSettings> schemas = new ArrayList<>();

    private PostgisStore openFresh() {
        PostgisSettings s = TestPostgis.freshSchema();
        schemas.add(s);
        return PostgisStore.open(s);
    }

    @Override
    protected LayerStore newStore() {
        return openFresh();
    }

    @Override
    protected LayerStore newSecondStore() {
        return openFresh();
    }

    @Override
    protected void dropStore() throws Exception {
        for (PostgisSettings s : schemas) TestPostgis.dropSchema(s);
        schemas.clear();
    }

    @Test
    void reopeningMigratesNothingTwiceAndKeepsTheData() {
        store.write("tester", w -> w.insert("test-plots", new FeatureDraft(square(120.9, 31, 0.01), props("name", "kept"))));
        PostgisSettings s = ((PostgisStore) store).settings();
        store.close();
        store = PostgisStore.open(s);
        assertEquals(2, store.layers().size());
        assertEquals(1, store.count("test-plots", Filter.ALL));
    }

    @Test
    void aDatabaseThatIsDownIsReportedAtOnce() {
        PostgisSettings nowhere = PostgisSettings.parse("postgresql://sinkatlas@127.0.0.1:1/sinkatlas", Map.of());
        long start = System.nanoTime();
        StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> PostgisStore.open(nowhere));
        assertTrue(e.getMessage().contains("cannot connect to postgresql://sinkatlas@127.0.0.1:1/sinkatlas"), e.getMessage());
        assertTrue(System.nanoTime() - start < 15e9, "fails within seconds");
    }

    @Test
    void urlsCarryNoPasswords() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PostgisSettings.parse("postgresql://u:secret@h/db", Map.of()));
        assertTrue(e.getMessage().contains("PGPASSWORD"));
        assertFalse(e.getMessage().contains("secret"));
        PostgisSettings s = PostgisSettings.parse("postgresql://h:6543/atlas?schema=zone", Map.of("PGUSER", "officer",
                "PGPASSWORD", "pw"));
        assertEquals("jdbc:postgresql://h:6543/atlas", s.jdbcUrl());
        assertEquals("officer", s.user());
        assertEquals("pw", s.password());
        assertEquals("postgresql://officer@h:6543/atlas?schema=zone", s.toString());
        assertThrows(IllegalArgumentException.class, () -> PostgisSettings.parse("postgresql://h/db?schema=Bad-Name", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> PostgisSettings.parse("postgresql://h/", Map.of()));
    }

    @Test
    void gdalReadsTheLayerTablesDirectly() throws Exception {
        store.write("tester", w -> {
            for (int i = 0; i < 7; i++) {
                w.insert("test-plots", new FeatureDraft(square(120.9 + i * 0.01, 31, 0.005), props("name", "p" + i)));
            }
            return null;
        });
        PostgisSettings s = ((PostgisStore) store).settings();
        String info = Gdal.run("ogrinfo", "-ro", "-so", "PG:host=" + s.host() + " port=" + s.port() + " dbname="
                + s.database() + " user=" + s.user(), s.schema() + ".test_plots");
        assertTrue(info.contains("Feature Count: 7"), info);
        assertTrue(info.contains("Geometry: Polygon"), info);
    }
}
