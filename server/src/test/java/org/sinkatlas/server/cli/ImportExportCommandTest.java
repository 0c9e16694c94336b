package org.sinkatlas.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinkatlas.layers.filter.Filter;
import org.sinkatlas.layers.model.GeometryKind;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.Localized;
import org.sinkatlas.layers.model.PropertyDef;
import org.sinkatlas.layers.model.PropertyType;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.geopackage.GeoPackageStore;
import org.sinkatlas.layers.testing.Gdal;

/** {@code import} and {@code export} of files on the command line: exit codes, progress, the report, both uses of each. */
class ImportExportCommandTest {

    @TempDir
    Path dir;

    private Path store;

    private static final LayerInfo WETLANDS = new LayerInfo("wetland-survey", Localized.of("湿地调查", "Wetland survey"),
            Localized.of("测试", "Test"), GeometryKind.MULTIPOLYGON,
            List.of(PropertyDef.of("name", PropertyType.STRING, "名称", "Name"),
                    PropertyDef.of("area_ha", PropertyType.REAL, "面积", "Area (ha)")), null, true, "test", List.of());

    /** Output and exit code of one run. */
    private record Run(int code, String out, String err) {}

    private static Run cli(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        try {
            int code = SinkAtlasCliAccess.execute(args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @BeforeEach
    void makeStore() {
        store = dir.resolve("store.gpkg");
        try (LayerStore s = GeoPackageStore.open(store)) {
            s.createLayer(WETLANDS);
        }
    }

    private long count() {
        try (LayerStore s = GeoPackageStore.open(store)) {
            return s.count(WETLANDS.id(), Filter.ALL);
        }
    }

    @Test
    void aShapefileIsImportedWithAProgressBarAndExportedAgain() throws Exception {
        Path geojson = dir.resolve("wetlands.geojson");
        Files.writeString(geojson, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
                + "{\"NAME\":\"大莲湖\",\"AREA_HA\":96.5},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[120.95,31.05],"
                + "[121.0,31.05],[121.0,31.1],[120.95,31.05]]]}}]}");
        Path shp = dir.resolve("shp/wetlands.shp");
        Files.createDirectories(shp.getParent());
        Gdal.run("ogr2ogr", "-f", "ESRI Shapefile", "-t_srs", "EPSG:4549", "-lco", "ENCODING=GBK", shp.toString(),
                geojson.toString());
        Run r = cli("import", "--store", store.toString(), "--layer", WETLANDS.id(), shp.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("import [##############################] 100% 1/1"), r.out());
        assertTrue(r.out().contains("imported wetlands.shp into wetland-survey (read 1, written 1, rejected 0, repaired 0)"), r.out());
        assertEquals(1, count());

        Path zip = dir.resolve("out.zip");
        r = cli("export", "--store", store.toString(), "--layer", WETLANDS.id(), "--to", zip.toString(), "--crs", "EPSG:4549");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("exported 1 features of wetland-survey to " + zip + " (Shapefile (zip), EPSG:4549)"), r.out());
        String info = Gdal.run("ogrinfo", "-ro", "-al", "/vsizip/" + zip);
        assertTrue(info.contains("name (String) = 大莲湖"), info);
        assertTrue(info.contains("area_ha (Real) = 96.5"), info);

        r = cli("export", "--store", store.toString(), "--layer", WETLANDS.id(), "--to", zip.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("exists"), r.err());
    }

    @Test
    void rejectedFeaturesExitWithOneAndAJsonReport() throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "name,wkt\nok,\"POLYGON ((120.9 31, 121 31, 121 31.1, 120.9 31))\"\n"
                + "bowtie,\"POLYGON ((120.9 31, 121 31.1, 121 31, 120.9 31.1, 120.9 31))\"\n");
        Run r = cli("import", "--store", store.toString(), "--layer", WETLANDS.id(), csv.toString(), "--json");
        assertEquals(1, r.code(), r.out() + r.err());
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertEquals(2, report.get("read").asLong());
        assertEquals(0, report.get("written").asLong());
        assertEquals("line 3", report.at("/rejections/0/place").asText());
        assertTrue(report.at("/rejections/0/reason").asText().contains("Self-intersection"), r.out());
        assertTrue(r.err().contains("100%"), "the bar goes to standard error with --json: " + r.err());
        assertEquals(0, count());

        r = cli("import", "--store", store.toString(), "--layer", WETLANDS.id(), csv.toString(), "--repair");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("repaired feature 2 (line 3)"), r.out());
        assertEquals(2, count());
    }

    @Test
    void theTwoUsesOfEachCommandAreTold() {
        Run help = cli("import", "--help");
        assertTrue(help.out().contains("import --store S --layer LAYER FILE") && help.out().contains("import --store S --from OTHER"),
                help.out());
        help = cli("export", "--help");
        assertTrue(help.out().contains("export --store S --layer LAYER --to FILE") && help.out().contains("export --store S --to DEST"),
                help.out());
        Run r = cli("import", "--store", store.toString(), "--layer", WETLANDS.id(), "--from", "other.gpkg", "x.csv");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("not both"), r.err());
        r = cli("import", "--store", store.toString(), "--layer", WETLANDS.id());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("give --layer LAYER and FILE"), r.err());
    }

    @Test
    void aWholeStoreIsStillCopiedBothWays() {
        Path copy = dir.resolve("copy.gpkg");
        Run r = cli("export", "--store", store.toString(), "--to", copy.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("copied 1 layers"), r.out());
        Path again = dir.resolve("again.gpkg");
        r = cli("import", "--store", again.toString(), "--from", copy.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(Files.exists(again));
        assertFalse(r.out().contains("import ["), "no file import here: " + r.out());
    }
}
