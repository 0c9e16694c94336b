package org.sinkatlas.server.features;

import org.sinkatlas.server.testing.DemoServer;

/** GdalClientSuite on PostGIS. */
class GdalClientPostgisTest extends GdalClientSuite {

    @Override
    protected DemoServer demo() {
        return DemoServer.postgis();
    }
}
