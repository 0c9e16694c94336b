package org.sinkatlas.server.features;

import org.sinkatlas.server.testing.DemoServer;

/** DownloadsSuite on the embedded GeoPackage store. */
class DownloadsGeoPackageTest extends DownloadsSuite {

    @Override
    protected DemoServer demo() {
        return DemoServer.geopackage();
    }
}
