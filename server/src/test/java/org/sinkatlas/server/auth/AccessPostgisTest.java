package org.sinkatlas.server.auth;

import org.sinkatlas.server.testing.DemoServer;

/** AccessSuite on PostGIS. */
class AccessPostgisTest extends AccessSuite {

    @Override
    protected DemoServer demo() {
        return DemoServer.postgis();
    }
}
