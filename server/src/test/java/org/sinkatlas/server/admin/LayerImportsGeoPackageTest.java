package org.sinkatlas.server.admin;

import org.sinkatlas.server.testing.DemoServer;

/** LayerImportsSuite on the embedded GeoPackage store. */
class LayerImportsGeoPackageTest extends LayerImportsSuite {

    @Override
    protected DemoServer demo() {
        return DemoServer.geopackage();
    }
}
