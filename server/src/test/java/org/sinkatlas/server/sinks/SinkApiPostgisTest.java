package org.sinkatlas.server.sinks;

import org.sinkatlas.server.testing.DemoServer;

/** SinkApiSuite on PostGIS. */
class SinkApiPostgisTest extends SinkApiSuite {

    @Override
    protected DemoServer demo() {
        return DemoServer.postgis();
    }
}
