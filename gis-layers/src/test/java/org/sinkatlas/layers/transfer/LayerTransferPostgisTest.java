package org.sinkatlas.layers.transfer;

import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.postgis.PostgisSettings;
import org.sinkatlas.layers.store.postgis.PostgisStore;
import org.sinkatlas.layers.testing.TestPostgis;

/** Imports and exports on PostGIS. */
class LayerTransferPostgisTest extends LayerTransferSuite {

    private PostgisSettings schema;

    @Override
    protected LayerStore newStore() {
        schema = TestPostgis.freshSchema();
        return PostgisStore.open(schema);
    }

    @Override
    protected void dropStore() throws Exception {
        TestPostgis.dropSchema(schema);
    }
}
