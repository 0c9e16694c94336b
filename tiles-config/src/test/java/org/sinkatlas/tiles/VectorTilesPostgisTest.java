package org.sinkatlas.tiles;

import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.postgis.PostgisSettings;
import org.sinkatlas.layers.store.postgis.PostgisStore;
import org.sinkatlas.layers.testing.TestPostgis;

/** VectorTilesSuite on PostGIS: tiles made in the database with ST_AsMVT. */
class VectorTilesPostgisTest extends VectorTilesSuite {

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
