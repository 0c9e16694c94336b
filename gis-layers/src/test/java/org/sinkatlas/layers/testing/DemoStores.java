package org.sinkatlas.layers.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.demo.DemoDataset;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.StoreCopy;
import org.sinkatlas.layers.store.geopackage.GeoPackageStore;
import org.sinkatlas.layers.store.postgis.PostgisStore;

/**
 * The demo dataset in a store of each engine, made once per test run and shared by the test classes that
 * read it: built into a GeoPackage, then copied into a PostGIS schema of its own (ids and versions
 * included). Tests may annotate features (derived values) but must not change what others read.
 */
public final class DemoStores {

    private static LayerStore geopackage;
    private static LayerStore postgis;

    private DemoStores() {}

    /** The demo on the embedded GeoPackage engine. */
    public static synchronized LayerStore geopackage() {
        if (geopackage == null) {
            try {
                LayerStore store = GeoPackageStore.open(Files.createTempDirectory("sink-atlas-demo").resolve("demo.gpkg"));
                DemoDataset.loadIfEmpty(store, new CrsService(), line -> { });
                Runtime.getRuntime().addShutdownHook(new Thread(store::close));
                geopackage = store;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return geopackage;
    }

    /** The same demo on PostGIS. */
    public static synchronized LayerStore postgis() {
        if (postgis == null) {
            LayerStore store = PostgisStore.open(TestPostgis.freshSchema());
            StoreCopy.copy(geopackage(), store, "copy", line -> { });
            Runtime.getRuntime().addShutdownHook(new Thread(store::close));
            postgis = store;
        }
        return postgis;
    }
}
