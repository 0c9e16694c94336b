package org.sinkatlas.server.features;

import org.sinkatlas.server.testing.DemoServer;

/** GdalClientSuite on the embedded GeoPackage store. */
class GdalClientGeoPackageTest extends GdalClientSuite {

    @Override
    protected DemoServer demo() {
        return DemoServer.geopackage();
    }
}
