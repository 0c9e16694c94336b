package org.sinkatlas.server.features;

import org.sinkatlas.server.testing.DemoServer;

/** FeatureEditsSuite on PostGIS. */
class FeatureEditsPostgisTest extends FeatureEditsSuite {

    @Override
    protected DemoServer demo() {
        return DemoServer.postgis();
    }
}
