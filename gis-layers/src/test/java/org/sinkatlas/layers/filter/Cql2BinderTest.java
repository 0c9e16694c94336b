package org.sinkatlas.layers.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.sinkatlas.layers.crs.CrsDefinition;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.store.LayerStoreContract;

/** CQL2 bound to a layer: names checked, literals typed, geometry brought to the storage CRS. */
class Cql2BinderTest {

    private static final CrsService CRS = new CrsService();
    private static final LayerInfo LAYER = LayerStoreContract.PLOTS;

    private static Filter bind(String text, CrsDefinition crs) {
        return new Cql2Binder(LAYER, CRS, crs).bind(Cql2TextParser.parse(text));
    }

    private static Filter bind(String text) {
        return bind(text, CrsService.CRS84);
    }

    @Test
    void literalsTakeThePropertysType() {
        assertEquals(new Filter.Compare("count", ComparisonOp.EQ, 3L), bind("count = 3"));
        assertEquals(new Filter.Compare("count", ComparisonOp.EQ, 3L), bind("count = 3.0"));
        assertEquals(new Filter.Compare("value", ComparisonOp.LT, 3.0), bind("value < 3"));
        assertEquals(new Filter.Compare("opened", ComparisonOp.GE, LocalDate.of(2020, 1, 1)), bind("opened >= '2020-01-01'"));
        // GDAL 3.6 writes dates so.
        assertEquals(new Filter.Compare("opened", ComparisonOp.GE, LocalDate.of(2020, 1, 1)), bind("opened >= '2020-01-01T'"));
        assertEquals(TemporalOp.AFTER, ((Filter.Temporal) bind("checked > '2024-05-01'")).op());
        assertEquals(new Filter.Compare("checked", ComparisonOp.LT, Instant.parse("2024-01-01T08:00:00Z")),
                bind("checked < TIMESTAMP('2024-01-01T16:00:00+08:00')"));
        assertEquals(new Filter.In("name", List.of("a", "b"), true), bind("CASEI(name) IN (CASEI('a'), 'b')"));
        assertEquals(new Filter.Like("name", "Qing%", true), bind("name ILIKE 'Qing%'"));
        assertEquals(new Filter.IsNull("extra"), bind("extra IS NULL"));
        assertEquals(new Filter.Compare("id", ComparisonOp.EQ, 7L), bind("id = 7"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "nmae = 'x'|unknown property 'nmae' for collection test-plots (queryables: id, geometry, name, kind, count, value,"
                + " active, opened, checked) (at character 1)",
        "count = 'many'|property 'count' is an integer; 'many' is a string (at character 9)",
        "count = 2.5|property 'count' is an integer; 2.5 is a number",
        "name = 5|property 'name' is a string; 5 is a number",
        "active = 'yes'|property 'active' is true or false; 'yes' is a string",
        "opened = 5|property 'opened' is a date (YYYY-MM-DD); 5 is a number",
        "opened = 'soon'|property 'opened': expected a date",
        "opened = TIMESTAMP('2024-01-01T00:00:00Z')|property 'opened' holds dates, which have no time of day",
        "extra = 'x'|property 'extra' holds JSON objects and cannot be filtered by value",
        "count = value|comparing two properties is not supported",
        "5 = count|expected a property name on the left of =",
        "CASEI(count) = 3|CASEI applies to strings; property 'count' is an integer",
        "count LIKE '1%'|LIKE applies to strings",
        "name LIKE 5|LIKE needs a pattern in single quotes",
        "S_INTERSECTS(name, POINT(1 2))|S_INTERSECTS compares the property 'geometry' with a geometry literal",
        "S_INTERSECTS(geometry, geometry)|expected a geometry literal",
        "S_INTERSECTS(geometry, POINT(90 180))|the geometry is not valid in OGC:CRS84: a coordinate is outside longitude",
        "S_WITHIN(geometry, POLYGON((121.5 31.5, 121.6 31.6, 121.6 31.5, 121.5 31.6, 121.5 31.5)))|Self-intersection at (121.550000, 31.550000)",
        "S_INTERSECTS(geometry, BBOX(120, 32, 121, 31))|BBOX: the lower corner must not exceed the upper corner",
        "geometry = 'x'|'geometry' is compared with the S_ functions",
        "T_DURING(opened, INTERVAL('2020-01-01', '2021-01-01'))|T_DURING compares intervals, and this is an instant",
        "T_AFTER(DATE('2020-01-01'), opened)|T_AFTER takes a time property (or an INTERVAL of properties) first",
        "T_AFTER(opened, checked)|comparing two properties is not supported",
        "T_AFTER(name, DATE('2020-01-01'))|property 'name' is a string, not a date or timestamp",
        "T_AFTER(opened, INTERVAL('2021-01-01', '2020-01-01'))|the interval starts after it ends",
        "T_NEVER(opened, DATE('2020-01-01'))|unknown temporal function 'T_NEVER'",
        "A_CONTAINS(name, ('a'))|A_CONTAINS at character 1: array functions are not supported",
        "ACCENTI(name) = 'a'|expected a property name on the left of =",
        "foo(name) = 1|expected a property name on the left of =",
        "CASEI(name)|expected a comparison operator",
        "count BETWEEN 'a' AND 3|property 'count' is an integer; 'a' is a string"
    })
    void mistakesAreRefusedWithTheReasonAndPosition(String filter, String message) {
        Cql2Exception e = assertThrows(Cql2Exception.class, () -> bind(filter));
        assertTrue(e.getMessage().startsWith("filter: "), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void geometryLiteralsComeFromTheFilterCrsInItsAxisOrder() {
        Filter lonLat = bind("S_INTERSECTS(geometry, POINT(120.9 31.0))");
        Filter latLon = bind("S_INTERSECTS(geometry, POINT(31.0 120.9))", CrsService.EPSG_4326);
        Geometry a = ((Filter.Intersects) lonLat).geometry();
        Geometry b = ((Filter.Intersects) latLon).geometry();
        assertEquals(120.9, b.getCoordinate().x, 1e-12);
        assertEquals(31.0, b.getCoordinate().y, 1e-12);
        assertTrue(a.equalsExact(b, 1e-12));
        // The same point in CGCS2000 Gauss-Kruger metres (northing, easting), from proj4j.
        Coordinate gk = new Coordinate();
        CRS.fromStorage(CrsService.EPSG_4549).apply(new Coordinate(120.9, 31.0), gk);
        Filter metres = bind(String.format(java.util.Locale.ROOT, "S_INTERSECTS(geometry, POINT(%.4f %.4f))", gk.y, gk.x),
                CrsService.EPSG_4549);
        Coordinate back = ((Filter.Intersects) metres).geometry().getCoordinate();
        assertEquals(120.9, back.x, 1e-8);
        assertEquals(31.0, back.y, 1e-8);
        // A box in metres is densified so that its curved edges in lon/lat are followed.
        Filter box = bind(String.format(java.util.Locale.ROOT, "S_WITHIN(geometry, BBOX(%.1f, %.1f, %.1f, %.1f))",
                gk.y - 1000, gk.x - 1000, gk.y + 1000, gk.x + 1000), CrsService.EPSG_4549);
        assertTrue(((Filter.Spatial) box).geometry().getNumPoints() > 5);
    }

    @Test
    void spatialFunctionsTakeTheirArgumentsEitherWayRound() {
        Filter.Spatial within = (Filter.Spatial) bind("S_CONTAINS(POLYGON((0 0, 1 0, 1 1, 0 1, 0 0)), geometry)");
        assertEquals(SpatialOp.WITHIN, within.op());
        assertInstanceOf(Filter.Not.class, bind("S_DISJOINT(POINT(1 1), geometry)"));
    }

    @Test
    void aDateAgainstATimestampPropertyIsItsWholeDay() {
        Filter.Temporal eq = (Filter.Temporal) bind("checked = DATE('2024-05-01')");
        assertEquals(TemporalOp.INTERSECTS, eq.op());
        assertEquals(new TimeSpan.ValueEnd(Instant.parse("2024-05-01T00:00:00Z")), eq.right().start());
        assertEquals(new TimeSpan.ValueEnd(Instant.parse("2024-05-01T23:59:59.999Z")), eq.right().end());
    }
}
