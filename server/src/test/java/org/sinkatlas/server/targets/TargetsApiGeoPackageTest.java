package org.sinkatlas.server.targets;

import org.sinkatlas.server.testing.DemoServer;

/** TargetsApiSuite on the embedded GeoPackage store. */
class TargetsApiGeoPackageTest extends TargetsApiSuite {

    @Override
    protected DemoServer demo() {
        return DemoServer.geopackage();
    }
}
