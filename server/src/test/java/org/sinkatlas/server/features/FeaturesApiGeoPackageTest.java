package org.sinkatlas.server.features;

import org.sinkatlas.server.testing.DemoServer;

/** FeaturesApiSuite on the embedded GeoPackage store. */
class FeaturesApiGeoPackageTest extends FeaturesApiSuite {

    @Override
    protected DemoServer demo() {
        return DemoServer.geopackage();
    }
}
