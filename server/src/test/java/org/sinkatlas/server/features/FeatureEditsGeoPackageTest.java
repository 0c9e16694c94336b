package org.sinkatlas.server.features;

import org.sinkatlas.server.testing.DemoServer;

/** FeatureEditsSuite on GeoPackage. */
class FeatureEditsGeoPackageTest extends FeatureEditsSuite {

    @Override
    protected DemoServer demo() {
        return DemoServer.geopackage();
    }
}
