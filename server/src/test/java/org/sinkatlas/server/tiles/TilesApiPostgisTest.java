package org.sinkatlas.server.tiles;

import org.sinkatlas.server.testing.DemoServer;

/** TilesApiSuite on PostGIS. */
class TilesApiPostgisTest extends TilesApiSuite {

    @Override
    protected DemoServer demo() {
        return DemoServer.postgis();
    }
}
