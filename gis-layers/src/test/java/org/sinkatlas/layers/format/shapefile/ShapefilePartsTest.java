package org.sinkatlas.layers.format.shapefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.format.CodePages;
import org.sinkatlas.layers.format.SourceFeature;
import org.sinkatlas.layers.format.SourceOptions;

/** The shapefile parts on their own: ring assignment, DBF types, code pages, field names. */
class ShapefilePartsTest {

    @TempDir
    Path dir;

    private Geometry roundTrip(int type, String wkt) throws Exception {
        Path shp = dir.resolve("t.shp");
        java.nio.file.Files.deleteIfExists(shp);
        java.nio.file.Files.deleteIfExists(dir.resolve("t.shx"));
        try (ShpWriter w = new ShpWriter(shp, dir.resolve("t.shx"), type)) {
            w.write(new WKTReader().read(wkt));
        }
        try (ShpReader r = new ShpReader(shp)) {
            assertEquals(1, r.count());
            return r.next();
        }
    }

    @Test
    void ringsAreAssignedToTheSmallestShellThatHoldsThem() throws Exception {
        // A lake (shell with a hole) holding an island in its hole, and a second polygon far away.
        Geometry g = roundTrip(ShpReader.POLYGON, "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 8 2, 8 8, 2 8, 2 2)),"
                + " ((4 4, 6 4, 6 6, 4 6, 4 4)), ((20 0, 21 0, 21 1, 20 0)))");
        assertEquals("MultiPolygon", g.getGeometryType());
        assertEquals(3, g.getNumGeometries());
        assertEquals(100 - 36 + 4 + 0.5, g.getArea(), 1e-12);
        assertTrue(g.isValid());
        Geometry one = roundTrip(ShpReader.POLYGON, "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 8, 8 8, 8 2, 2 2))");
        assertEquals("Polygon", one.getGeometryType());
        assertEquals(64, one.getArea(), 1e-12);
    }

    @Test
    void linesAndPointsKeepTheirParts() throws Exception {
        assertEquals("LineString", roundTrip(ShpReader.POLYLINE, "LINESTRING (0 0, 1 1, 2 0)").getGeometryType());
        Geometry m = roundTrip(ShpReader.POLYLINE, "MULTILINESTRING ((0 0, 1 1), (2 2, 3 3, 4 2))");
        assertEquals(2, m.getNumGeometries());
        assertEquals(5, m.getNumPoints());
        assertEquals("POINT (120.5 31.25)", roundTrip(ShpReader.POINT, "POINT (120.5 31.25)").toText());
        assertEquals(3, roundTrip(ShpReader.MULTIPOINT, "MULTIPOINT ((0 0), (1 1), (2 3))").getNumGeometries());
    }

    @Test
    void dbfValuesKeepTheirTypes() throws Exception {
        Path dbf = dir.resolve("t.dbf");
        try (DbfWriter w = new DbfWriter(dbf, List.of(new DbfWriter.Field("name", 'C', 254, 0),
                new DbfWriter.Field("n", 'N', 18, 0), new DbfWriter.Field("r", 'N', 24, 15),
                new DbfWriter.Field("ok", 'L', 1, 0), new DbfWriter.Field("d", 'D', 8, 0)))) {
            w.write(new Object[] {"淀山湖", 42L, 0.1 + 0.2, true, LocalDate.of(2024, 2, 29)});
            w.write(new Object[] {"x".repeat(300), null, -1.5e300, null, null});
        }
        try (DbfReader r = new DbfReader(dbf, StandardCharsets.UTF_8)) {
            assertEquals(2, r.count());
            assertEquals(254, r.fields().get(0).length(), "the text field is as wide as its longest value");
            Object[] a = r.next().values();
            assertEquals("淀山湖", a[0]);
            assertEquals(42L, a[1]);
            assertEquals(0.1 + 0.2, a[2], "doubles read back exactly");
            assertEquals(true, a[3]);
            assertEquals(LocalDate.of(2024, 2, 29), a[4]);
            Object[] b = r.next().values();
            assertEquals(254, ((String) b[0]).length(), "cut to the DBF limit");
            assertEquals(null, b[1]);
            assertEquals(-1.5e300, b[2]);
            assertEquals(null, b[3]);
            assertEquals(null, b[4]);
        }
    }

    @Test
    void codePagesAreRecognised() {
        Charset gbk = Charset.forName("GBK");
        for (String cpg : List.of("GBK", "gb2312", "936", "CP936", "ANSI 936")) assertEquals(gbk, CodePages.charset(cpg).orElseThrow(), cpg);
        for (String cpg : List.of("UTF-8", "utf8", "65001")) assertEquals(StandardCharsets.UTF_8, CodePages.charset(cpg).orElseThrow(), cpg);
        assertEquals(Charset.forName("windows-1252"), CodePages.charset("1252").orElseThrow());
        assertTrue(CodePages.charset("no such encoding").isEmpty());
    }

    @Test
    void longNamesAreCutToTenCharactersWithoutClashes() {
        Map<String, String> names = DbfFieldNames.shorten(List.of("name", "sink_net_tco2e", "sink_net_p5", "sink_net_p95",
                "landcover_fractions", "landcover"), Set.of("id"));
        assertEquals(Map.of("name", "name", "sink_net_tco2e", "sink_net_t", "sink_net_p5", "sink_net_p",
                "sink_net_p95", "sink_net_1", "landcover_fractions", "landcover_", "landcover", "landcover"), names);
        assertEquals("ID_1", DbfFieldNames.shorten(List.of("ID"), Set.of("id")).get("ID"));
    }

    @Test
    void zipEntryNamesWrittenInGbkAreRead() throws Exception {
        // Windows zip tools on Chinese systems write entry names in GBK without the UTF-8 flag.
        Path parts = java.nio.file.Files.createDirectories(dir.resolve("parts"));
        try (ShpWriter w = new ShpWriter(parts.resolve("t.shp"), parts.resolve("t.shx"), ShpReader.POINT)) {
            w.write(new WKTReader().read("POINT (120.9 31.1)"));
        }
        try (DbfWriter w = new DbfWriter(parts.resolve("t.dbf"), List.of(new DbfWriter.Field("name", 'C', 20, 0)))) {
            w.write(new Object[] {"林地"});
        }
        java.nio.file.Files.writeString(parts.resolve("t.cpg"), "UTF-8");
        Path zip = dir.resolve("青浦林地.zip");
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(zip),
                Charset.forName("GBK"))) {
            for (String ext : List.of("shp", "shx", "dbf", "cpg")) {
                out.putNextEntry(new java.util.zip.ZipEntry("青浦林地/林地." + ext));
                out.write(java.nio.file.Files.readAllBytes(parts.resolve("t." + ext)));
                out.closeEntry();
            }
        }
        SourceOptions options = new SourceOptions(CrsService.EPSG_4490, null, null);
        try (ShapefileSource source = ShapefileSource.open(zip, options, new CrsService())) {
            assertTrue(source.hasNext());
            SourceFeature f = source.next();
            assertEquals("林地", f.properties().get("name"));
            assertEquals("POINT (120.9 31.1)", f.geometry().toText());
        }
    }

    @Test
    void aRecordAskingForHugeCountsIsRefusedWithoutAllocatingThem() throws Exception {
        Path shp = dir.resolve("t.shp");
        try (ShpWriter w = new ShpWriter(shp, dir.resolve("t.shx"), ShpReader.POLYGON)) {
            w.write(new WKTReader().read("POLYGON ((0 0, 0 1, 1 1, 0 0))"));
        }
        // Part count 2^30: four bytes each wraps round to 0 in int arithmetic.
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(shp, java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(0, 1 << 30), 108 + 36);
        }
        try (ShpReader r = new ShpReader(shp)) {
            ShpReader.ShapeException e = assertThrows(ShpReader.ShapeException.class, r::next);
            assertEquals("the shape record is shorter than its content says", e.getMessage());
        }
    }

    @Test
    void heightsOfZShapesAreRead() throws Exception {
        Path src = dir.resolve("z.geojson");
        java.nio.file.Files.writeString(src, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[120.9,31.0,2.5],[120.91,31.0,2.5],"
                + "[120.91,31.01,3.0],[120.9,31.0,2.5]]]}}]}");
        Path shp = dir.resolve("z.shp");
        org.sinkatlas.layers.testing.Gdal.run("ogr2ogr", "-f", "ESRI Shapefile", shp.toString(), src.toString());
        try (ShpReader r = new ShpReader(shp)) {
            assertEquals(15, r.shapeType(), "PolygonZ");
            Geometry g = r.next();
            // The shapefile turns the ring clockwise: find the corner by its place.
            for (org.locationtech.jts.geom.Coordinate c : g.getCoordinates()) {
                assertEquals(c.x == 120.91 && c.y == 31.01 ? 3.0 : 2.5, c.getZ(), c.toString());
            }
        }
    }
}
