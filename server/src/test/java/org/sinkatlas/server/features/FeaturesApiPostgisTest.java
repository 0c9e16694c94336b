package org.sinkatlas.server.features;

import org.sinkatlas.server.testing.DemoServer;

/** FeaturesApiSuite on PostGIS. */
class FeaturesApiPostgisTest extends FeaturesApiSuite {

    @Override
    protected DemoServer demo() {
        return DemoServer.postgis();
    }
}
