package org.sinkatlas.layers.crs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

class CrsServiceTest {

    private final CrsService crs = new CrsService();

    @Test
    void namesAreResolvedInEveryCommonSpelling() {
        assertSame(CrsService.CRS84, crs.require("http://www.opengis.net/def/crs/OGC/1.3/CRS84"));
        assertSame(CrsService.CRS84, crs.require("OGC:CRS84"));
        assertSame(CrsService.EPSG_4549, crs.require("http://www.opengis.net/def/crs/EPSG/0/4549"));
        assertSame(CrsService.EPSG_4549, crs.require("EPSG:4549"));
        assertSame(CrsService.EPSG_4549, crs.require("[EPSG:4549]"));
        assertSame(CrsService.EPSG_4490, crs.require("urn:ogc:def:crs:EPSG::4490"));
        assertSame(CrsService.EPSG_4326, crs.require("epsg:4326"));
        assertSame(CrsService.EPSG_3857, crs.require("http://www.opengis.net/def/crs/EPSG/0/3857"));
        UnknownCrsException e = assertThrows(UnknownCrsException.class, () -> crs.require("EPSG:2000"));
        assertTrue(e.getMessage().contains("EPSG/0/4549"), "the error lists what is supported: " + e.getMessage());
        assertTrue(crs.find("nonsense").isEmpty());
    }

    @Test
    void axisOrderFollowsTheAuthority() {
        assertEquals(false, CrsService.CRS84.northingFirst());
        assertEquals(true, CrsService.EPSG_4326.northingFirst());
        assertEquals(true, CrsService.EPSG_4490.northingFirst());
        assertEquals(true, CrsService.EPSG_4549.northingFirst(), "EPSG:4549 axes are northing (X), easting (Y)");
        assertEquals(false, CrsService.EPSG_3857.northingFirst());
    }

    @Test
    void gaussKrugerMatchesProj() {
        // Reference: PROJ 9 via GDAL 3.6, `gdaltransform -s_srs EPSG:4326 -t_srs EPSG:4549 -output_xy` of 120.9 31.0.
        Coordinate c = new Coordinate(120.9, 31.0);
        crs.fromStorage(CrsService.EPSG_4549).apply(c, c);
        assertEquals(585955.508408, c.x, 0.01);
        assertEquals(3431322.039838, c.y, 0.01);
        crs.toStorage(CrsService.EPSG_4549).apply(c, c);
        assertEquals(120.9, c.x, 1e-9);
        assertEquals(31.0, c.y, 1e-9);
    }

    @Test
    void webMercatorMatchesItsFormula() {
        Coordinate c = new Coordinate(120.9, 31.0);
        crs.fromStorage(CrsService.EPSG_3857).apply(c, c);
        double r = 6378137;
        assertEquals(r * Math.toRadians(120.9), c.x, 0.001);
        assertEquals(r * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(31.0) / 2)), c.y, 0.001);
    }

    @Test
    void cgcs2000IsTakenAsWgs84() {
        assertTrue(crs.transform(CrsService.EPSG_4490, CrsService.CRS84).isIdentity());
        assertTrue(crs.transform(CrsService.EPSG_4326, CrsService.CRS84).isIdentity());
    }

    @Test
    void aProjectedBoxBecomesTheEnvelopeOfItsCurvedImage() {
        Envelope metres = new Envelope(580000, 590000, 3430000, 3440000);
        Envelope lonLat = crs.toStorage(CrsService.EPSG_4549).apply(metres);
        Coordinate corner = new Coordinate(580000, 3430000);
        crs.toStorage(CrsService.EPSG_4549).apply(corner, corner);
        assertTrue(lonLat.covers(corner.x, corner.y));
        assertTrue(lonLat.getWidth() > 0.1 && lonLat.getWidth() < 0.11, "10 km is about 0.105 degree of longitude here");
    }
}
