package org.sinkatlas.layers.transfer;

import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.geopackage.GeoPackageStore;

/** Imports and exports on the embedded GeoPackage store. */
class LayerTransferGeoPackageTest extends LayerTransferSuite {

    @Override
    protected LayerStore newStore() {
        return GeoPackageStore.open(dir.resolve("store.gpkg"));
    }
}
