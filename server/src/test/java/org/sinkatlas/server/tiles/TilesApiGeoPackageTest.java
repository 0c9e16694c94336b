package org.sinkatlas.server.tiles;

import org.sinkatlas.server.testing.DemoServer;

/** TilesApiSuite on GeoPackage. */
class TilesApiGeoPackageTest extends TilesApiSuite {

    @Override
    protected DemoServer demo() {
        return DemoServer.geopackage();
    }
}
