package org.sinkatlas.server.admin;

import org.sinkatlas.server.testing.DemoServer;

/** LayerImportsSuite on PostGIS. */
class LayerImportsPostgisTest extends LayerImportsSuite {

    @Override
    protected DemoServer demo() {
        return DemoServer.postgis();
    }
}
