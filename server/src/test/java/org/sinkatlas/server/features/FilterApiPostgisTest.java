package org.sinkatlas.server.features;

import org.sinkatlas.server.testing.DemoServer;

/** FilterApiSuite on PostGIS. */
class FilterApiPostgisTest extends FilterApiSuite {

    @Override
    protected DemoServer demo() {
        return DemoServer.postgis();
    }
}
