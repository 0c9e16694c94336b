package org.sinkatlas.layers.crs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinkatlas.layers.testing.Gdal;

/** .prj and GeoPackage WKT recognised among the accepted CRSs, as GDAL writes them, and others refused with a reason. */
class WktCrsTest {

    private final CrsService crs = new CrsService();

    @TempDir
    Path dir;

    /** The .prj GDAL writes for an EPSG code (ESRI WKT, no codes in it). */
    private String prj(int epsg) throws Exception {
        Path geojson = dir.resolve("p.geojson");
        Files.writeString(geojson, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},"
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[120.9,31.0]}}]}");
        Path shp = dir.resolve("s" + epsg + ".shp");
        Gdal.run("ogr2ogr", "-f", "ESRI Shapefile", "-t_srs", "EPSG:" + epsg, shp.toString(), geojson.toString());
        return Files.readString(dir.resolve("s" + epsg + ".prj"));
    }

    @Test
    void theAcceptedCrssAreRecognisedFromGdalsEsriWkt() throws Exception {
        assertEquals(4326, crs.fromWkt(prj(4326)).epsg());
        assertEquals(4490, crs.fromWkt(prj(4490)).epsg());
        assertEquals(4549, crs.fromWkt(prj(4549)).epsg());
        assertEquals(3857, crs.fromWkt(prj(3857)).epsg());
    }

    @Test
    void ogcWktWithAnAuthorityCodeIsTakenByTheCode() throws Exception {
        for (int epsg : new int[] {4326, 4490, 4549, 3857}) {
            String wkt = Gdal.run("gdalsrsinfo", "-o", "wkt1", "EPSG:" + epsg);
            assertEquals(epsg, crs.fromWkt(wkt).epsg(), wkt);
            String wkt2 = Gdal.run("gdalsrsinfo", "-o", "wkt2", "EPSG:" + epsg);
            assertEquals(epsg, crs.fromWkt(wkt2).epsg(), wkt2);
            assertEquals(epsg, crs.fromWkt(CrsService.ogcWkt(crs.require("EPSG:" + epsg))).epsg());
        }
    }

    @Test
    void otherCrssAreRefusedSayingWhatTheyAre() throws Exception {
        // Zone 40 with its prefix on the easting: the same projection, another false easting.
        UnknownCrsException e = assertThrows(UnknownCrsException.class, () -> crs.fromWkt(prj(4528)));
        assertTrue(e.getMessage().contains("CGCS2000_3_Degree_GK_Zone_40") && e.getMessage().contains("false easting 40500000")
                && e.getMessage().contains("EPSG:4549"), e.getMessage());
        e = assertThrows(UnknownCrsException.class, () -> crs.fromWkt(prj(2385)));
        assertTrue(e.getMessage().contains("D_Xian_1980"), e.getMessage());
        // ETRS89 shares CGCS2000's ellipsoid (GRS 80) but is another datum.
        e = assertThrows(UnknownCrsException.class, () -> crs.fromWkt(prj(4258)));
        assertTrue(e.getMessage().contains("ETRS"), e.getMessage());
        // World Mercator (ellipsoidal) is not Web Mercator.
        assertThrows(UnknownCrsException.class, () -> crs.fromWkt(prj(3395)));
        e = assertThrows(UnknownCrsException.class, () -> crs.fromWkt("GEOGCS[\"broken\""));
        assertTrue(e.getMessage().contains("not readable WKT"), e.getMessage());
    }
}
