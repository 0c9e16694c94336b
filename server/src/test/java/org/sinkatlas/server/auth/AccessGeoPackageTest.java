package org.sinkatlas.server.auth;

import org.sinkatlas.server.testing.DemoServer;

/** AccessSuite on GeoPackage. */
class AccessGeoPackageTest extends AccessSuite {

    @Override
    protected DemoServer demo() {
        return DemoServer.geopackage();
    }
}
