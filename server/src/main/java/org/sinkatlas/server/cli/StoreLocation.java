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

/**
 * Opens the store that {@code --store} names: a GeoPackage file path. A new GeoPackage is filled with the
 * demo dataset in a side file that is renamed into place only when complete, so an interrupted first
 * start never leaves a half-loaded store behind.
 */
final class StoreLocation {

    private StoreLocation() {}

    static LayerStore open(String location, boolean demo, Consumer<String> progress) {
        if (location.startsWith("postgresql://") || location.startsWith("postgres://")) {
            throw new StoreUnavailableException("PostgreSQL stores are not available in this build; use a GeoPackage path");
        }
        Path file = Path.of(location).toAbsolutePath().normalize();
        if (Files.exists(file) || !demo) return GeoPackageStore.open(file);
        String name = file.getFileName().toString();
        Path partial = file.resolveSibling(name.replaceFirst("(?i)\\.gpkg$", "") + ".partial.gpkg");
        try {
            deleteWithSidecars(partial);
            try (LayerStore fresh = GeoPackageStore.open(partial)) {
                DemoDataset.loadIfEmpty(fresh, new CrsService(), progress);
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreUnavailableException("could not create " + file + ": " + e.getMessage(), e);
        }
        return GeoPackageStore.open(file);
    }

    private static void deleteWithSidecars(Path p) throws IOException {
        Files.deleteIfExists(p);
        Files.deleteIfExists(p.resolveSibling(p.getFileName() + "-wal"));
        Files.deleteIfExists(p.resolveSibling(p.getFileName() + "-shm"));
    }
}
