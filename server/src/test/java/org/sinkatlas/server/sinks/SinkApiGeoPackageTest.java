package org.sinkatlas.server.sinks;

import org.sinkatlas.server.testing.DemoServer;

/** SinkApiSuite on the embedded GeoPackage store. */
class SinkApiGeoPackageTest extends SinkApiSuite {

    @Override
    protected DemoServer demo() {
        return DemoServer.geopackage();
    }
}
