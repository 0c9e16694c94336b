package org.sinkatlas.server.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.demo.DemoDataset;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.StoreUnavailableException;
import org.sinkatlas.layers.store.geopackage.GeoPackageStore;
import org.sinkatlas.layers.store.postgis.PostgisSettings;
import org.sinkatlas.layers.store.postgis.PostgisStore;

/**
 * Opens the store that a {@code --store} value names: a GeoPackage file path, or
 * {@code postgresql://[user@]host[:port]/database[?schema=name]} with the password in {@code PGPASSWORD}.
 * A new GeoPackage is filled in a side file that is renamed into place only when complete, so an
 * interrupted first start or copy never leaves a half-filled file behind; a PostGIS store that fails
 * half way is emptied again.
 */
final class StoreLocation {

    /** Fills a new, empty store. */
    @FunctionalInterface
    interface Fill {
        void into(LayerStore store);
    }

    private StoreLocation() {}

    /** Opens a store to serve; a new or empty one gets the demo dataset unless {@code demo} is false. */
    static LayerStore open(String location, boolean demo, Consumer<String> progress) {
        Fill demoFill = s -> DemoDataset.loadIfEmpty(s, new CrsService(), progress);
        if (PostgisSettings.isPostgisUrl(location)) {
            LayerStore store = openPostgis(location);
            if (demo && store.layers().isEmpty()) fillOrClose(store, demoFill);
            return store;
        }
        Path file = Path.of(location).toAbsolutePath().normalize();
        if (Files.exists(file)) return GeoPackageStore.open(file);
        if (!demo) return GeoPackageStore.open(file);
        createFilled(location, demoFill);
        return GeoPackageStore.open(file);
    }

    /** Opens an existing store (a missing GeoPackage is an error here, not created). */
    static LayerStore openExisting(String location) {
        if (PostgisSettings.isPostgisUrl(location)) return openPostgis(location);
        Path file = Path.of(location).toAbsolutePath().normalize();
        if (!Files.exists(file)) throw new StoreUnavailableException("there is no store at " + file);
        return GeoPackageStore.open(file);
    }

    /**
     * Creates a store and fills it all or nothing: a GeoPackage in a side file renamed into place, a PostGIS
     * schema emptied again on failure.
     *
     * @throws IllegalArgumentException when the target exists and has layers
     */
    static void createFilled(String location, Fill fill) {
        if (PostgisSettings.isPostgisUrl(location)) {
            try (LayerStore store = openPostgis(location)) {
                if (!store.layers().isEmpty()) throw new IllegalArgumentException(location + " already has layers");
                fill.into(store);
            }
            return;
        }
        Path file = Path.of(location).toAbsolutePath().normalize();
        if (Files.exists(file)) throw new IllegalArgumentException(file + " exists; give a new file name");
        String name = file.getFileName().toString();
        Path partial = file.resolveSibling(name.replaceFirst("(?i)\\.gpkg$", "") + ".partial.gpkg");
        try {
            deleteWithSidecars(partial);
            try (LayerStore fresh = GeoPackageStore.open(partial)) {
                fill.into(fresh);
            } catch (RuntimeException e) {
                deleteWithSidecars(partial);
                throw e;
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreUnavailableException("could not create " + file + ": " + e.getMessage(), e);
        }
    }

    private static LayerStore openPostgis(String location) {
        PostgisSettings settings;
        try {
            settings = PostgisSettings.parse(location, System.getenv());
        } catch (IllegalArgumentException e) {
            throw new StoreUnavailableException("bad store URL: " + e.getMessage(), e);
        }
        return PostgisStore.open(settings);
    }

    private static void fillOrClose(LayerStore store, Fill fill) {
        try {
            fill.into(store);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static void deleteWithSidecars(Path p) throws IOException {
        Files.deleteIfExists(p);
        Files.deleteIfExists(p.resolveSibling(p.getFileName() + "-wal"));
        Files.deleteIfExists(p.resolveSibling(p.getFileName() + "-shm"));
    }
}
