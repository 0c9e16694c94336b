package org.sinkatlas.server.features;

import org.sinkatlas.server.testing.DemoServer;

/** DownloadsSuite on PostGIS. */
class DownloadsPostgisTest extends DownloadsSuite {

    @Override
    protected DemoServer demo() {
        return DemoServer.postgis();
    }
}
