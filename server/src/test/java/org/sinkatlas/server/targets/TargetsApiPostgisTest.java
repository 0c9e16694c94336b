package org.sinkatlas.server.targets;

import org.sinkatlas.server.testing.DemoServer;

/** TargetsApiSuite on PostGIS. */
class TargetsApiPostgisTest extends TargetsApiSuite {

    @Override
    protected DemoServer demo() {
        return DemoServer.postgis();
    }
}
