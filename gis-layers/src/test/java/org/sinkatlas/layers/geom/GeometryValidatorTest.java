package org.sinkatlas.layers.geom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

class GeometryValidatorTest {

    private static Geometry wkt(String s) throws Exception {
        return new WKTReader().read(s);
    }

    @Test
    void faultsNameTheReasonAndThePlace() throws Exception {
        GeometryFault bowTie = GeometryValidator.check(
                wkt("POLYGON ((120 31, 121 32, 121 31, 120 32, 120 31))")).orElseThrow();
        assertEquals("self-intersection", bowTie.code());
        assertEquals(120.5, bowTie.location().x, 1e-9);
        assertEquals(31.5, bowTie.location().y, 1e-9);
        assertEquals("Self-intersection at (120.500000, 31.500000)", bowTie.describe());

        GeometryFault hole = GeometryValidator.check(
                wkt("POLYGON ((120 31, 121 31, 121 32, 120 32, 120 31), (122 33, 123 33, 123 34, 122 33))")).orElseThrow();
        assertEquals("hole-outside-shell", hole.code());

        assertEquals("empty", GeometryValidator.check(wkt("POLYGON EMPTY")).orElseThrow().code());
        assertEquals("missing", GeometryValidator.check(null).orElseThrow().code());
        GeometryFault swapped = GeometryValidator.check(wkt("POINT (31 120.9)")).orElseThrow();
        assertEquals("out-of-range", swapped.code());
        assertTrue(swapped.reason().contains("axis order"));
        assertTrue(GeometryValidator.check(wkt("POLYGON ((120 31, 121 31, 121 32, 120 32, 120 31))")).isEmpty());
        assertTrue(GeometryValidator.check(wkt("LINESTRING (120 31, 121 32, 121 31, 120 32)")).isEmpty(),
                "a self-crossing line is valid in Simple Features");
    }

    @Test
    void repairMakesAValidGeometryOfTheSameArea() throws Exception {
        Geometry bowTie = wkt("POLYGON ((120 31, 121 32, 121 31, 120 32, 120 31))");
        Geometry fixed = GeometryValidator.repair(bowTie);
        assertTrue(GeometryValidator.check(fixed).isEmpty());
        assertEquals(0.5, fixed.getArea(), 1e-9);
    }

}
