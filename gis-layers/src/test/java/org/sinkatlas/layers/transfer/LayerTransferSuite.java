package org.sinkatlas.layers.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import org.sinkatlas.layers.crs.CrsDefinition;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.filter.ComparisonOp;
import org.sinkatlas.layers.filter.Filter;
import org.sinkatlas.layers.format.FeatureSource;
import org.sinkatlas.layers.format.FormatException;
import org.sinkatlas.layers.format.SourceOptions;
import org.sinkatlas.layers.model.Feature;
import org.sinkatlas.layers.model.FeatureDraft;
import org.sinkatlas.layers.model.GeometryKind;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.Localized;
import org.sinkatlas.layers.model.PropertyDef;
import org.sinkatlas.layers.model.PropertyType;
import org.sinkatlas.layers.store.FeatureQuery;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.StoreCursor;
import org.sinkatlas.layers.testing.Gdal;
import org.sinkatlas.layers.transfer.FeatureFormat;

/**
 * Imports of officers' files and exports of layers, on a real store of each engine: files written by GDAL read
 * into layers, every format exported and imported back, GDAL reading what the writers made, and a corpus of bad
 * files each refused with its reason while the layer stays as it was.
 */
public abstract class LayerTransferSuite {

    /** An empty store of the engine under test. */
    protected abstract LayerStore newStore() throws Exception;

    /** Releases what {@link #newStore} made. */
    protected void dropStore() throws Exception {}

    @TempDir
    protected Path dir;

    protected LayerStore store;
    protected final CrsService crs = new CrsService();

    static final LayerInfo PLOTS = new LayerInfo("survey-plots", Localized.of("调查图斑", "Survey plots"),
            Localized.of("测试", "Test"), GeometryKind.MULTIPOLYGON,
            List.of(PropertyDef.of("name", PropertyType.STRING, "名称", "Name"),
                    PropertyDef.of("landcover", PropertyType.STRING, "地类", "Land cover"),
                    PropertyDef.of("area_ha", PropertyType.REAL, "面积", "Area (ha)"),
                    PropertyDef.of("trees", PropertyType.INTEGER, "株数", "Trees"),
                    PropertyDef.of("surveyed", PropertyType.DATE, "调查日期", "Surveyed"),
                    PropertyDef.of("is_protected", PropertyType.BOOLEAN, "保护", "Protected"),
                    PropertyDef.of("checked_at", PropertyType.DATETIME, "核查时间", "Checked at"),
                    PropertyDef.of("extra", PropertyType.JSON, "附加", "Extra"),
                    PropertyDef.of("surveyor_name_full", PropertyType.STRING, "调查人", "Surveyor"),
                    PropertyDef.of("surveyor_name_part", PropertyType.STRING, "调查组", "Survey team")),
            "surveyed", true, "test", List.of());

    static final LayerInfo SITES = new LayerInfo("pv-test", Localized.of("光伏", "PV"), Localized.of("测试", "Test"),
            GeometryKind.POINT, List.of(PropertyDef.of("name", PropertyType.STRING, "名称", "Name"),
                    PropertyDef.of("capacity_mw", PropertyType.REAL, "容量", "Capacity (MW)")),
            null, true, "test", List.of());

    static final LayerInfo LINES = new LayerInfo("greenway-test", Localized.of("绿道", "Greenways"), Localized.of("测试", "Test"),
            GeometryKind.MULTILINESTRING, List.of(PropertyDef.of("name", PropertyType.STRING, "名称", "Name")),
            null, true, "test", List.of());

    /** Two plots drawn by hand: a polygon with a hole, and a shell with a hole holding an island. */
    static final String PLOTS_GEOJSON = "{\"type\":\"FeatureCollection\",\"features\":["
            + "{\"type\":\"Feature\",\"id\":7,\"properties\":{\"name\":\"淀山湖湿地\",\"landcover\":\"1101\",\"area_ha\":12.5,"
            + "\"trees\":3,\"surveyed\":\"2021-05-01\",\"is_protected\":true},\"geometry\":{\"type\":\"Polygon\","
            + "\"coordinates\":[[[120.90,31.00],[120.95,31.00],[120.95,31.05],[120.90,31.05],[120.90,31.00]],"
            + "[[120.91,31.01],[120.91,31.02],[120.92,31.02],[120.92,31.01],[120.91,31.01]]]}},"
            + "{\"type\":\"Feature\",\"id\":8,\"properties\":{\"name\":\"元荡 island\",\"landcover\":\"0301\",\"area_ha\":null,"
            + "\"trees\":null,\"surveyed\":null,\"is_protected\":false},\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":"
            + "[[[[121.0,31.0],[121.1,31.0],[121.1,31.1],[121.0,31.1],[121.0,31.0]],[[121.02,31.02],[121.08,31.02],"
            + "[121.08,31.08],[121.02,31.08],[121.02,31.02]]],[[[121.04,31.04],[121.06,31.04],[121.06,31.06],[121.04,31.06],"
            + "[121.04,31.04]]]]}}]}";

    @BeforeEach
    void openStore() throws Exception {
        store = newStore();
        store.createLayer(PLOTS);
        store.createLayer(SITES);
        store.createLayer(LINES);
    }

    @AfterEach
    void closeStore() throws Exception {
        store.close();
        dropStore();
    }

    // ------------------------------------------------------------------------------------------------
    // Helpers

    static Geometry wkt(String text) {
        try {
            return new WKTReader().read(text);
        } catch (org.locationtech.jts.io.ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    Path write(String name, String text) throws IOException {
        return write(name, text, StandardCharsets.UTF_8);
    }

    Path write(String name, String text, Charset charset) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, charset);
        return p;
    }

    /** Runs ogr2ogr with the arguments, e.g. to write a test file as GDAL would. */
    static void ogr2ogr(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ogr2ogr"));
        cmd.addAll(List.of(args));
        Gdal.run(cmd.toArray(String[]::new));
    }

    /** Zips the files of a shapefile (those of {@code shp}'s base name with the given extensions). */
    Path zip(Path shp, String zipName, String... extensions) throws IOException {
        String base = shp.getFileName().toString().replaceFirst("\\.shp$", "");
        Path zip = dir.resolve(zipName);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String ext : extensions) {
                Path part = shp.resolveSibling(base + "." + ext);
                if (!Files.exists(part)) continue;
                out.putNextEntry(new ZipEntry("survey/" + base + "." + ext));
                Files.copy(part, out);
                out.closeEntry();
            }
        }
        return zip;
    }

    ImportReport importFile(String layer, Path file, SourceOptions options, boolean repair, boolean ignoreUnknown) {
        FeatureFormat format = FeatureFormat.byFileName(file.getFileName().toString()).orElseThrow();
        try (FeatureSource source = format.open(file, options, crs)) {
            return new LayerImport(store, crs).run(layer, source, new LayerImport.Options(repair, ignoreUnknown, false,
                    "officer"), LayerImport.Progress.NONE);
        }
    }

    ImportReport importFile(String layer, Path file) {
        return importFile(layer, file, SourceOptions.NONE, false, false);
    }

    List<Feature> all(String layer) {
        List<Feature> out = new ArrayList<>();
        try (StoreCursor<Feature> c = store.query(layer, FeatureQuery.all())) {
            c.forEachRemaining(out::add);
        }
        return out;
    }

    /**
     * Same shape within a tolerance in degrees, whatever the ring orientation and start: same type, parts and
     * vertex count, and no vertex farther than the tolerance from the other shape (Hausdorff distance).
     */
    static void assertSameGeometry(Geometry expected, Geometry actual, double tolerance) {
        String shown = "expected " + expected + "\n but got " + actual;
        assertEquals(expected.getGeometryType(), actual.getGeometryType(), shown);
        assertEquals(expected.getNumGeometries(), actual.getNumGeometries(), shown);
        assertEquals(expected.getNumPoints(), actual.getNumPoints(), shown);
        double d = org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance.distance(expected, actual);
        assertTrue(d <= tolerance, "Hausdorff distance " + d + " > " + tolerance + ": " + shown);
        assertEquals(expected.getArea(), actual.getArea(), Math.max(1e-12, tolerance * expected.getLength()), shown);
    }

    // ------------------------------------------------------------------------------------------------
    // Files written by GDAL, read into a layer

    @Test
    void aGbkShapefileWrittenByGdalIsImported() throws Exception {
        Path geojson = write("plots.geojson", PLOTS_GEOJSON);
        Path shp = dir.resolve("gdal/plots.shp");
        Files.createDirectories(shp.getParent());
        ogr2ogr("-f", "ESRI Shapefile", "-lco", "ENCODING=GBK", shp.toString(), geojson.toString());
        assertEquals("GBK", Files.readString(shp.resolveSibling("plots.cpg")).trim());
        Path zip = zip(shp, "plots.zip", "shp", "shx", "dbf", "prj", "cpg");

        ImportReport r = importFile(PLOTS.id(), zip);
        assertTrue(r.committed(), r.toString());
        assertEquals(2, r.read());
        assertEquals(2, r.written());
        assertEquals("EPSG:4326", r.crs());
        List<Feature> stored = all(PLOTS.id());
        assertEquals(2, stored.size());
        Feature wetland = stored.get(0);
        assertEquals("淀山湖湿地", wetland.property("name"));
        assertEquals("1101", wetland.property("landcover"));
        assertEquals(12.5, (Double) wetland.property("area_ha"), 1e-12);
        assertEquals(3L, wetland.property("trees"));
        assertEquals(LocalDate.of(2021, 5, 1), wetland.property("surveyed"));
        assertEquals(Boolean.TRUE, wetland.property("is_protected"));
        assertSameGeometry(wkt("MULTIPOLYGON (((120.9 31, 120.95 31, 120.95 31.05, 120.9 31.05, 120.9 31),"
                + " (120.91 31.01, 120.91 31.02, 120.92 31.02, 120.92 31.01, 120.91 31.01)))"), wetland.geometry(), 1e-12);
        // The island in the lake's hole is a polygon of its own; the hole belongs to the big shell.
        Feature lake = stored.get(1);
        assertEquals("元荡 island", lake.property("name"));
        assertEquals(2, lake.geometry().getNumGeometries());
        assertEquals(0.01 - 0.0036 + 0.0004, lake.geometry().getArea(), 1e-12);
        assertNull(lake.property("trees"));
        assertEquals(Boolean.FALSE, lake.property("is_protected"));
    }

    @Test
    void aGbkShapefileWithoutCpgIsReadAsGbk() throws Exception {
        Path geojson = write("plots.geojson", PLOTS_GEOJSON);
        Path shp = dir.resolve("gdal/plots.shp");
        Files.createDirectories(shp.getParent());
        ogr2ogr("-f", "ESRI Shapefile", "-lco", "ENCODING=GBK", shp.toString(), geojson.toString());
        Path zip = zip(shp, "nocpg.zip", "shp", "shx", "dbf", "prj");
        ImportReport r = importFile(PLOTS.id(), zip);
        assertTrue(r.committed(), r.toString());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("no .cpg") && n.contains("GBK")), r.notes().toString());
        assertEquals("淀山湖湿地", all(PLOTS.id()).get(0).property("name"));
    }

    @Test
    void aUtf8ShapefileWithoutCpgIsRefusedAsNotGbkUnlessTheEncodingIsGiven() throws Exception {
        Path geojson = write("plots.geojson", PLOTS_GEOJSON);
        Path shp = dir.resolve("gdal/plots.shp");
        Files.createDirectories(shp.getParent());
        ogr2ogr("-f", "ESRI Shapefile", "-lco", "ENCODING=UTF-8", shp.toString(), geojson.toString());
        Path zip = zip(shp, "utf8.zip", "shp", "shx", "dbf", "prj");
        ImportReport r = importFile(PLOTS.id(), zip);
        // 淀山湖湿地 in UTF-8 is 15 bytes that are not valid GBK: refused, not stored as garbage.
        assertFalse(r.committed());
        assertEquals(1, r.rejected(), r.toString());
        assertEquals("record 1", r.rejections().get(0).place());
        assertTrue(r.rejections().get(0).reason().contains("not valid GBK"), r.rejections().get(0).reason());
        assertEquals(0, store.count(PLOTS.id(), Filter.ALL));

        r = importFile(PLOTS.id(), zip, new SourceOptions(null, StandardCharsets.UTF_8, null), false, false);
        assertTrue(r.committed(), r.toString());
        assertEquals("淀山湖湿地", all(PLOTS.id()).get(0).property("name"));
    }

    @Test
    void aShapefileInGaussKrugerIsTransformedToStorage() throws Exception {
        Path geojson = write("plots.geojson", PLOTS_GEOJSON);
        Path shp = dir.resolve("gk/plots.shp");
        Files.createDirectories(shp.getParent());
        ogr2ogr("-f", "ESRI Shapefile", "-t_srs", "EPSG:4549", "-lco", "ENCODING=UTF-8", shp.toString(), geojson.toString());
        ImportReport r = importFile(PLOTS.id(), shp);
        assertTrue(r.committed(), r.toString());
        assertEquals("EPSG:4549", r.crs());
        // PROJ (through GDAL) there, proj4j back here: within a millimetre's worth of degrees.
        assertSameGeometry(wkt("MULTIPOLYGON (((120.9 31, 120.95 31, 120.95 31.05, 120.9 31.05, 120.9 31),"
                + " (120.91 31.01, 120.91 31.02, 120.92 31.02, 120.92 31.01, 120.91 31.01)))"),
                all(PLOTS.id()).get(0).geometry(), 1e-8);
    }

    @Test
    void geoJsonAndGeoPackageWrittenByGdalInCgcs2000GaussKrugerAreImported() throws Exception {
        Path geojson = write("plots.geojson", PLOTS_GEOJSON);
        Path gk = dir.resolve("gk.geojson");
        ogr2ogr("-f", "GeoJSON", "-t_srs", "EPSG:4549", gk.toString(), geojson.toString());
        assertTrue(Files.readString(gk).contains("EPSG::4549"), "GDAL names the CRS in a crs member");
        ImportReport r = importFile(PLOTS.id(), gk);
        assertTrue(r.committed(), r.toString());
        assertEquals("EPSG:4549", r.crs());

        Path gpkg = dir.resolve("gk.gpkg");
        ogr2ogr("-f", "GPKG", "-t_srs", "EPSG:4549", "-nln", "survey", gpkg.toString(), geojson.toString());
        r = importFile(PLOTS.id(), gpkg);
        assertTrue(r.committed(), r.toString());
        assertEquals("EPSG:4549", r.crs());
        List<Feature> stored = all(PLOTS.id());
        assertEquals(4, stored.size());
        for (int i = 0; i < 2; i++) {
            assertSameGeometry(stored.get(i).geometry(), stored.get(i + 2).geometry(), 1e-8);
            assertEquals(stored.get(i).properties(), stored.get(i + 2).properties());
        }
        assertEquals(LocalDate.of(2021, 5, 1), stored.get(2).property("surveyed"));
        assertEquals("8", r.rejections().isEmpty() ? "8" : "", "source ids are kept for the report");
    }

    @Test
    void csvWithWktOrLonLatInUtf8OrGbkIsImported() throws Exception {
        Path wktCsv = write("plots.csv", "\uFEFFname,WKT,trees,surveyed,is_protected\r\n"
                + "\"青浦, 林地\",\"POLYGON ((120.9 31, 121 31, 121 31.1, 120.9 31, 120.9 31))\",12,2022-03-04,true\r\n");
        ImportReport r = importFile(PLOTS.id(), wktCsv);
        assertTrue(r.committed(), r.toString());
        Feature f = all(PLOTS.id()).get(0);
        assertEquals("青浦, 林地", f.property("name"));
        assertEquals(12L, f.property("trees"));
        assertEquals(LocalDate.of(2022, 3, 4), f.property("surveyed"));

        Path gbk = write("sites.csv", "名称,lng,lat,容量\nname,lng,lat,capacity_mw\n", StandardCharsets.UTF_8);
        Files.writeString(gbk, "id,name,lng,lat,capacity_mw\r\n1,渔光互补,120.65,31.05,35\r\n2,屋顶光伏,120.9,31.1,1.5\r\n",
                Charset.forName("GBK"));
        r = importFile(SITES.id(), gbk);
        assertTrue(r.committed(), r.toString());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("GBK")), r.notes().toString());
        List<Feature> sites = all(SITES.id());
        assertEquals("渔光互补", sites.get(0).property("name"));
        assertEquals(35.0, sites.get(0).property("capacity_mw"));
        assertSameGeometry(wkt("POINT (120.65 31.05)"), sites.get(0).geometry(), 0);

        Path metres = write("gk.csv", "x,y,name\n393000.5,3433000.25,GK point\n");
        r = importFile(SITES.id(), metres, new SourceOptions(crs.require("EPSG:4549"), null, null), false, false);
        assertTrue(r.committed(), r.toString());
        Geometry p = all(SITES.id()).get(2).geometry();
        assertTrue(p.getCoordinate().x > 118.5 && p.getCoordinate().x < 121.5, p.toString());
    }

    // ------------------------------------------------------------------------------------------------
    // Round trips: every format, in CRS84 and in Gauss-Kruger metres

    private void fillPlots() {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("name", "西岑科创中心 \"A\", 北区");
        first.put("landcover", "0301");
        first.put("area_ha", 1234.5678901234);
        first.put("trees", 9_000_000_000L);
        first.put("surveyed", LocalDate.of(2023, 12, 31));
        first.put("is_protected", true);
        first.put("checked_at", Instant.parse("2024-05-01T08:30:15.250Z"));
        first.put("extra", Map.of("source", "外业", "points", 12));
        first.put("surveyor_name_full", "张三");
        first.put("surveyor_name_part", "第二组");
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("name", "empty values");
        second.put("area_ha", -0.000123);
        second.put("is_protected", false);
        store.write("loader", w -> {
            w.insert(PLOTS.id(), new FeatureDraft(wkt("POLYGON ((120.91 31.01, 120.93 31.01, 120.93 31.03, 120.91 31.03,"
                    + " 120.91 31.01), (120.915 31.015, 120.915 31.02, 120.92 31.02, 120.915 31.015))"), first));
            w.insert(PLOTS.id(), new FeatureDraft(wkt("MULTIPOLYGON (((121.0 31.0, 121.001 31.0, 121.001 31.001, 121.0 31.0)),"
                    + " ((121.01 31.01, 121.011 31.01, 121.011 31.011, 121.01 31.01)))"), second));
            return null;
        });
    }

    private Path export(LayerInfo layer, FeatureFormat format, CrsDefinition outCrs, Filter filter) throws IOException {
        Path file = dir.resolve(layer.tableName() + "-" + outCrs.epsg() + format.extension());
        try (OutputStream out = Files.newOutputStream(file)) {
            LayerExport.Report r = new LayerExport(store, crs).run(layer.id(), FeatureQuery.of(filter), format, outCrs, out,
                    LayerImport.Progress.NONE);
            assertEquals(store.count(layer.id(), filter), r.features());
        }
        return file;
    }

    @ParameterizedTest
    @EnumSource(FeatureFormat.class)
    void anExportImportsBackAsTheSameFeatures(FeatureFormat format) throws Exception {
        fillPlots();
        LayerInfo copy = new LayerInfo("survey-copy", Localized.of("副本", "Copy"), PLOTS.description(), PLOTS.geometryKind(),
                PLOTS.properties(), PLOTS.temporalProperty(), true, "", List.of());
        store.createLayer(copy);
        List<Feature> original = all(PLOTS.id());
        for (CrsDefinition outCrs : List.of(CrsService.CRS84, CrsService.EPSG_4549)) {
            Path file = export(PLOTS, format, outCrs, Filter.ALL);
            // A CSV cannot say its CRS: the officer does.
            SourceOptions options = format == FeatureFormat.CSV ? new SourceOptions(outCrs, null, null) : SourceOptions.NONE;
            ImportReport r = importFile(copy.id(), file, options, false, false);
            assertTrue(r.committed(), format + " " + outCrs.code() + ": " + r);
            assertEquals(outCrs.epsg(), crs.require(r.crs()).epsg(), r.crs());
        }
        List<Feature> back = all(copy.id());
        assertEquals(2 * original.size(), back.size());
        for (int i = 0; i < back.size(); i++) {
            Feature o = original.get(i % original.size());
            Feature b = back.get(i);
            // Stated tolerance: 1e-7 degree (about 1 cm), the precision of GeoJSON and CSV coordinates.
            assertSameGeometry(o.geometry(), b.geometry(), 1e-7);
            assertEquals(o.properties(), b.properties(), format + " feature " + i);
        }
    }

    @ParameterizedTest
    @EnumSource(FeatureFormat.class)
    void gdalReadsWhatTheWritersMake(FeatureFormat format) throws Exception {
        fillPlots();
        Path file = export(PLOTS, format, CrsService.EPSG_4549, Filter.ALL);
        String source = format == FeatureFormat.SHAPEFILE ? "/vsizip/" + file : format == FeatureFormat.CSV
                ? "CSV:" + file : file.toString();
        List<String> cmd = new ArrayList<>(List.of("ogrinfo", "-ro", "-al"));
        if (format == FeatureFormat.CSV) cmd.addAll(List.of("-oo", "GEOM_POSSIBLE_NAMES=wkt", "-oo", "KEEP_GEOM_COLUMNS=NO"));
        cmd.add(source);
        String info = Gdal.run(cmd.toArray(String[]::new));
        assertTrue(info.contains("Feature Count: 2"), info);
        assertTrue(info.contains("西岑科创中心 \"A\", 北区"), info);
        assertTrue(info.contains("Polygon") || info.contains("MULTIPOLYGON (("), info);
        if (format != FeatureFormat.CSV) assertTrue(info.contains("4549") || info.contains("CGCS2000_3_Degree_GK_CM_120E"), info);
        switch (format) {
            case SHAPEFILE:
                assertTrue(info.contains("area_ha: Real (24.15)"), info);
                assertTrue(info.contains("trees: Integer64 (18.0)"), info);
                assertTrue(info.contains("surveyed: Date"), info);
                assertTrue(info.contains("surveyor_n: String"), info);
                assertTrue(info.contains("surveyor_1: String"), info);
                break;
            case GEOPACKAGE:
                assertTrue(info.contains("area_ha: Real"), info);
                assertTrue(info.contains("trees: Integer64"), info);
                assertTrue(info.contains("surveyed: Date"), info);
                assertTrue(info.contains("checked_at: DateTime"), info);
                assertTrue(info.contains("is_protected: Integer(Boolean)"), info);
                break;
            default:
                break;
        }
    }

    @Test
    void aFilteredExportHoldsOnlyTheSelectedFeatures() throws Exception {
        fillPlots();
        Path file = export(PLOTS, FeatureFormat.GEOJSON, CrsService.CRS84,
                new Filter.Compare("name", ComparisonOp.EQ, "empty values"));
        String text = Files.readString(file);
        assertTrue(text.contains("empty values"));
        assertFalse(text.contains("西岑"));
    }

    // ------------------------------------------------------------------------------------------------
    // Bad input: each refused with a reason naming the file, feature or line; the layer unchanged

    private void assertUnchanged(List<Feature> before) {
        List<Feature> after = all(PLOTS.id());
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            assertEquals(before.get(i).id(), after.get(i).id());
            assertEquals(before.get(i).version(), after.get(i).version());
            assertEquals(before.get(i).properties(), after.get(i).properties());
        }
    }

    private List<Feature> seeded() {
        fillPlots();
        List<Feature> before = all(PLOTS.id());
        assertEquals(2, before.size());
        return before;
    }

    private static String refusal(org.junit.jupiter.api.function.Executable open) {
        FormatException e = assertThrows(FormatException.class, open);
        return e.getMessage();
    }

    private void open(Path file) {
        open(file, SourceOptions.NONE);
    }

    private void open(Path file, SourceOptions options) {
        FeatureFormat.byFileName(file.getFileName().toString()).orElseThrow().open(file, options, crs).close();
    }

    private Path gdalShapefile(String name, String geojson, String... options) throws Exception {
        Path src = write(name + ".geojson", geojson);
        Path shp = dir.resolve(name + "/" + name + ".shp");
        Files.createDirectories(shp.getParent());
        List<String> args = new ArrayList<>(List.of("-f", "ESRI Shapefile"));
        args.addAll(List.of(options));
        args.addAll(List.of(shp.toString(), src.toString()));
        ogr2ogr(args.toArray(String[]::new));
        return shp;
    }

    @Test
    void brokenShapefilesAreRefusedWithTheirReason() throws Exception {
        List<Feature> before = seeded();
        Path shp = gdalShapefile("plots", PLOTS_GEOJSON, "-lco", "ENCODING=UTF-8");

        String m = refusal(() -> open(zip(shp, "noshp.zip", "shx", "dbf", "prj")));
        assertTrue(m.contains("noshp.zip holds no .shp file"), m);
        m = refusal(() -> open(zip(shp, "nodbf.zip", "shp", "shx", "prj")));
        assertTrue(m.contains("nodbf.zip") && m.contains("plots.shp has no plots.dbf"), m);
        m = refusal(() -> open(dir.resolve("empty.zip")));
        assertTrue(m.contains("empty.zip"), m);

        Path prj = shp.resolveSibling("plots.prj");
        String good = Files.readString(prj);
        Files.writeString(prj, Files.readString(prj).replace("GCS_WGS_1984", "GCS_Xian_1980").replace("D_WGS_1984",
                "D_Xian_1980").replace("6378137.0,298.257223563", "6378140.0,298.257"));
        m = refusal(() -> open(zip(shp, "xian.zip", "shp", "shx", "dbf", "prj")));
        assertTrue(m.contains("xian.zip: plots.prj") && m.contains("GCS_Xian_1980") && m.contains("EPSG:4549"), m);
        Files.writeString(prj, good);

        Path cut = dir.resolve("cut/plots.shp");
        Files.createDirectories(cut.getParent());
        for (String ext : List.of("shx", "dbf", "prj")) Files.copy(shp.resolveSibling("plots." + ext), cut.resolveSibling("plots." + ext));
        byte[] bytes = Files.readAllBytes(shp);
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 40));
        m = refusal(() -> open(zip(cut, "truncated.zip", "shp", "shx", "dbf", "prj")));
        assertTrue(m.contains("plots.shp is truncated"), m);

        Path dbf = cut.resolveSibling("plots.dbf");
        Files.write(cut, bytes);
        byte[] table = Files.readAllBytes(dbf);
        table[4] = 5;
        Files.write(dbf, table);
        m = refusal(() -> open(zip(cut, "count.zip", "shp", "shx", "dbf", "prj")));
        assertTrue(m.contains("plots.dbf says it holds 5 records but has data for only 2"), m);
        table[4] = 1;
        Files.write(dbf, java.util.Arrays.copyOf(table, table.length - 1));
        m = refusal(() -> open(zip(cut, "count1.zip", "shp", "shx", "dbf", "prj")));
        assertTrue(m.contains("plots.dbf says it holds 1 records but has data for 2"), m);

        Files.delete(prj);
        m = refusal(() -> open(shp));
        assertTrue(m.contains("plots.shp has no .prj"), m);
        assertUnchanged(before);
    }

    @Test
    void invalidGeometriesAreRejectedWithReasonAndPlaceAndNothingIsWritten() throws Exception {
        List<Feature> before = seeded();
        Path csv = write("bad.csv", "name,wkt\n"
                + "ok,\"POLYGON ((120.9 31, 121 31, 121 31.1, 120.9 31))\"\n"
                + "bowtie,\"POLYGON ((120.9 31, 121 31.1, 121 31, 120.9 31.1, 120.9 31))\"\n"
                + "typo,\"POLYGON ((120.9 31, 121 31 121 31.1, 120.9 31))\"\n"
                + "far,\"POLYGON ((200 31, 201 31, 201 32, 200 31))\"\n"
                + "line,\"LINESTRING (120.9 31, 121 31)\"\n"
                + "swapped,\"POLYGON ((31 120.9, 31 121, 31.1 121, 31 120.9))\"\n"
                + "unknown type,\"POLYGON ((120.9 31, 121 31, 121 31.1, 120.9 31))\",extra\n");
        ImportReport r = importFile(PLOTS.id(), csv);
        assertFalse(r.committed());
        assertEquals(0, r.written());
        assertEquals(7, r.read());
        assertEquals(6, r.rejected(), r.toString());
        Map<String, String> byPlace = new LinkedHashMap<>();
        r.rejections().forEach(x -> byPlace.put(x.place(), x.reason()));
        assertTrue(byPlace.get("line 3").contains("Self-intersection at (120.950000, 31.050000)"), byPlace.toString());
        assertTrue(byPlace.get("line 4").startsWith("line 4: unreadable WKT in column 'wkt'"), byPlace.toString());
        assertTrue(byPlace.get("line 5").contains("(200, 31) is outside the area where OGC:CRS84 is used"), byPlace.toString());
        assertTrue(byPlace.get("line 6").contains("holds MultiPolygon geometries, got LineString"), byPlace.toString());
        assertTrue(byPlace.get("line 7").contains("outside"), byPlace.toString());
        assertTrue(byPlace.get("line 8").contains("has 3 values but the header has 2 columns"), byPlace.toString());
        assertUnchanged(before);
    }

    @Test
    void repairFixesWhatGeometryFixerCanAndReportsIt() throws Exception {
        List<Feature> before = seeded();
        Path csv = write("bowtie.csv", "name,wkt\n"
                + "bowtie,\"POLYGON ((120.9 31, 121 31.1, 121 31, 120.9 31.1, 120.9 31))\"\n"
                + "spike,\"POLYGON ((120.9 31, 121 31, 121 31.1, 121 31, 120.9 31.1, 120.9 31))\"\n");
        ImportReport r = importFile(PLOTS.id(), csv, SourceOptions.NONE, true, false);
        assertTrue(r.committed(), r.toString());
        assertEquals(2, r.repaired());
        assertEquals(2, r.written());
        assertTrue(r.repairs().get(0).fault().contains("Self-intersection"), r.toString());
        assertTrue(r.repairs().get(0).result().contains("MultiPolygon of 2 parts"), r.toString());
        List<Feature> after = all(PLOTS.id());
        assertEquals(before.size() + 2, after.size());
        assertTrue(after.get(2).geometry().isValid());
        assertEquals(0.005, after.get(2).geometry().getArea(), 1e-12);

        // A Polygon layer cannot hold the two triangles a bow-tie becomes: rejected even with repair.
        LayerInfo single = new LayerInfo("single-plots", Localized.of("单面", "Single"), PLOTS.description(), GeometryKind.POLYGON,
                List.of(PropertyDef.of("name", PropertyType.STRING, "名称", "Name")), null, true, "", List.of());
        store.createLayer(single);
        r = importFile(single.id(), csv, SourceOptions.NONE, true, false);
        assertFalse(r.committed());
        assertEquals(1, r.rejected(), r.toString());
        assertTrue(r.rejections().get(0).reason().contains("cannot be repaired"), r.toString());
        assertEquals(0, store.count(single.id(), Filter.ALL));
    }

    @Test
    void unknownColumnsAreRefusedUnlessIgnored() throws Exception {
        List<Feature> before = seeded();
        Path csv = write("extra.csv", "name,Colour,wkt\n"
                + "a,red,\"POLYGON ((120.9 31, 121 31, 121 31.1, 120.9 31))\"\n");
        ImportReport r = importFile(PLOTS.id(), csv);
        assertFalse(r.committed());
        assertEquals(List.of("Colour"), r.unknownColumns());
        assertTrue(r.refusal().contains("[Colour]"), r.refusal());
        assertEquals(0, r.read(), "refused before reading");
        assertUnchanged(before);

        Path geojson = write("extra.geojson", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                + "\"properties\":{\"NAME\":\"x\",\"colour\":\"red\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[120.9,31]}}]}");
        r = importFile(SITES.id(), geojson);
        assertFalse(r.committed());
        assertEquals(List.of("colour"), r.unknownColumns());
        assertEquals(0, store.count(SITES.id(), Filter.ALL));

        r = importFile(PLOTS.id(), csv, SourceOptions.NONE, false, true);
        assertTrue(r.committed(), r.toString());
        assertEquals(before.size() + 1, store.count(PLOTS.id(), Filter.ALL));
        r = importFile(SITES.id(), geojson, SourceOptions.NONE, false, true);
        assertTrue(r.committed(), r.toString());
        assertEquals("x", all(SITES.id()).get(0).property("name"), "NAME matches name without case");
    }

    @Test
    void emptyAndMalformedFilesAreRefused() throws Exception {
        List<Feature> before = seeded();
        assertTrue(refusal(() -> open(write("empty.geojson", ""))).contains("empty.geojson is empty"));
        assertTrue(refusal(() -> open(write("empty.csv", ""))).contains("empty.csv is empty"));
        String m = refusal(() -> open(write("broken.geojson", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":")));
        assertTrue(m.contains("broken.geojson is not valid JSON at line 1"), m);
        m = refusal(() -> open(write("nogeom.csv", "name,colour\na,b\n")));
        assertTrue(m.contains("nogeom.csv has no geometry column"), m);
        m = refusal(() -> open(write("geometry.geojson", "{\"type\":\"Point\",\"coordinates\":[1,2]}")));
        assertTrue(m.contains("expected a GeoJSON FeatureCollection or Feature"), m);
        m = refusal(() -> open(write("declared.geojson", "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\","
                + "\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::2385\"}},\"features\":[]}")));
        assertTrue(m.contains("EPSG::2385"), m);
        ImportReport r = importFile(PLOTS.id(), write("none.geojson", "{\"type\":\"FeatureCollection\",\"features\":[]}"));
        assertFalse(r.committed());
        assertTrue(r.refusal().contains("none.geojson has no features"), r.refusal());
        r = importFile(PLOTS.id(), write("header.csv", "name,wkt\r\n"));
        assertTrue(r.refusal().contains("has no features"), r.refusal());
        assertUnchanged(before);
    }

    @Test
    void gaussKrugerCoordinatesWithAZonePrefixAreOutsideTheCrs() throws Exception {
        List<Feature> before = seeded();
        // EPSG:4528 coordinates (zone 40 prefix on the easting) declared as EPSG:4549.
        Path csv = write("zone.csv", "name,x,y\nprefixed,40393000,3433000\n");
        ImportReport r = importFile(SITES.id(), csv, new SourceOptions(crs.require("EPSG:4549"), null, null), false, false);
        assertFalse(r.committed());
        assertEquals(1, r.rejected(), r.toString());
        assertTrue(r.rejections().get(0).reason().contains("(40393000, 3433000) is outside the area where EPSG:4549"),
                r.rejections().get(0).reason());
        assertEquals(0, store.count(SITES.id(), Filter.ALL));
        assertUnchanged(before);
    }

    @Test
    void progressIsReportedAsFeaturesAreRead() throws Exception {
        StringBuilder csv = new StringBuilder("name,lon,lat\n");
        for (int i = 0; i < 250; i++) csv.append("p").append(i).append(',').append(120.9 + i * 1e-4).append(",31\n");
        Path file = write("many.csv", csv.toString());
        List<long[]> seen = new ArrayList<>();
        try (FeatureSource source = FeatureFormat.CSV.open(file, SourceOptions.NONE, crs)) {
            assertEquals(250, source.count());
            ImportReport r = new LayerImport(store, crs).run(SITES.id(), source, new LayerImport.Options(false, false, false,
                    "officer"), (read, total) -> seen.add(new long[] {read, total}));
            assertTrue(r.committed());
        }
        assertEquals(250, seen.size());
        assertEquals(250, seen.get(249)[0]);
        assertEquals(250, seen.get(0)[1]);
        assertEquals(250, store.count(SITES.id(), Filter.ALL));
    }

    @Test
    void aDryRunChecksEverythingAndWritesNothing() throws Exception {
        Path file = write("plots.geojson", PLOTS_GEOJSON);
        try (FeatureSource source = FeatureFormat.GEOJSON.open(file, SourceOptions.NONE, crs)) {
            ImportReport r = new LayerImport(store, crs).run(PLOTS.id(), source, new LayerImport.Options(false, false, true,
                    "officer"), LayerImport.Progress.NONE);
            assertTrue(r.ok(), r.toString());
            assertTrue(r.dryRun());
            assertFalse(r.committed());
            assertEquals(2, r.read());
        }
        assertEquals(0, store.count(PLOTS.id(), Filter.ALL));
    }

    @Test
    void linesAndPointsRoundTripThroughAShapefile() throws Exception {
        store.write("loader", w -> {
            w.insert(LINES.id(), new FeatureDraft(wkt("MULTILINESTRING ((120.9 31, 121 31.1), (121.1 31.1, 121.2 31.2, 121.3 31.2))"),
                    Map.of("name", "环湖绿道")));
            w.insert(SITES.id(), new FeatureDraft(wkt("POINT (120.65 31.05)"), Map.of("name", "渔光互补", "capacity_mw", 35.0)));
            return null;
        });
        for (LayerInfo layer : List.of(LINES, SITES)) {
            Path file = export(layer, FeatureFormat.SHAPEFILE, CrsService.EPSG_4490, Filter.ALL);
            Feature original = all(layer.id()).get(0);
            ImportReport r = importFile(layer.id(), file);
            assertTrue(r.committed(), r.toString());
            Feature back = all(layer.id()).get(1);
            assertSameGeometry(original.geometry(), back.geometry(), 1e-12);
            assertEquals(original.properties(), back.properties());
        }
    }

    /** Lists the entries of a zip, for checks on exported shapefiles. */
    static List<String> entries(byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) names.add(e.getName());
        }
        return names;
    }

    @Test
    void aShapefileExportHoldsItsFiveParts() throws Exception {
        fillPlots();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LayerExport.Report r = new LayerExport(store, crs).run(PLOTS.id(), FeatureQuery.all(), FeatureFormat.SHAPEFILE,
                CrsService.EPSG_4549, out, LayerImport.Progress.NONE);
        assertEquals(List.of("survey_plots.shp", "survey_plots.shx", "survey_plots.dbf", "survey_plots.prj",
                "survey_plots.cpg"), entries(out.toByteArray()));
        assertTrue(r.notes().contains("property surveyor_name_full is the DBF field surveyor_n"), r.notes().toString());
        assertTrue(r.notes().contains("property surveyor_name_part is the DBF field surveyor_1"), r.notes().toString());
        assertNotNull(r.crs());
        assertEquals("EPSG:4549", r.crs().toUpperCase(Locale.ROOT));
    }

    @Test
    void aFileOfManyBadFeaturesCountsThemAllAndListsTheFirstThousand() throws Exception {
        StringBuilder csv = new StringBuilder("name,lon,lat\n");
        for (int i = 0; i < 2_500; i++) csv.append("site ").append(i).append(",east,north\n");
        ImportReport r = importFile(SITES.id(), write("bad.csv", csv.toString()));
        assertEquals(2_500, r.read());
        assertEquals(2_500, r.rejected());
        assertEquals(LayerImport.MAX_LISTED, r.rejections().size());
        assertEquals("line 2", r.rejections().get(0).place());
        assertTrue(r.notes().contains("only the first 1,000 rejections and repairs are listed"), r.notes().toString());
        assertEquals(0, store.count(SITES.id(), Filter.ALL));
    }

    @ParameterizedTest
    @EnumSource(FeatureFormat.class)
    void anExportThatFailsLeavesNoFileOrFolderBehind(FeatureFormat format) throws Exception {
        fillPlots();
        Path mine = Path.of(System.getProperty("java.io.tmpdir"), "sink-atlas-work", Long.toString(ProcessHandle.current().pid()));
        java.util.Set<Path> before = leftovers(mine);
        // The disk fills, or the client goes away, after 100 bytes.
        java.io.OutputStream failing = new java.io.OutputStream() {
            long written;

            @Override
            public void write(int b) throws java.io.IOException {
                if (++written > 100) throw new java.io.IOException("no space left on device");
            }
        };
        assertThrows(java.io.IOException.class, () -> new LayerExport(store, crs).run(PLOTS.id(), FeatureQuery.all(), format,
                CrsService.CRS84, failing, LayerImport.Progress.NONE));
        assertEquals(before, leftovers(mine), "the export's temporary folder is removed");
    }

    private static java.util.Set<Path> leftovers(Path folder) throws java.io.IOException {
        if (!Files.isDirectory(folder)) return java.util.Set.of();
        try (java.util.stream.Stream<Path> s = Files.list(folder)) {
            return s.collect(java.util.stream.Collectors.toSet());
        }
    }
}
