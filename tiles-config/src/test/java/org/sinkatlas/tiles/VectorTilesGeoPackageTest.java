package org.sinkatlas.tiles;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.geopackage.GeoPackageStore;

/** VectorTilesSuite on the embedded engine: tiles encoded in Java. */
class VectorTilesGeoPackageTest extends VectorTilesSuite {

    @TempDir
    Path dir;

    @Override
    protected LayerStore newStore() {
        return GeoPackageStore.open(dir.resolve("tiles.gpkg"));
    }
}
