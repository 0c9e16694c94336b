package org.sinkatlas.server.features;

import org.sinkatlas.server.testing.DemoServer;

/** FilterApiSuite on the embedded GeoPackage store. */
class FilterApiGeoPackageTest extends FilterApiSuite {

    @Override
    protected DemoServer demo() {
        return DemoServer.geopackage();
    }
}
