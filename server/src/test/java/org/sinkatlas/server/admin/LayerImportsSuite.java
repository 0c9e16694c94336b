package org.sinkatlas.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinkatlas.layers.filter.Filter;
import org.sinkatlas.layers.model.GeometryKind;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.Localized;
import org.sinkatlas.layers.model.PropertyDef;
import org.sinkatlas.layers.model.PropertyType;
import org.sinkatlas.layers.testing.Gdal;
import org.sinkatlas.server.testing.DemoServer;

/** Uploads of officers' files into a layer over real HTTP: an admin-only job polled for percent and its report. */
abstract class LayerImportsSuite {

    protected abstract DemoServer demo();

    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();
    private LayerInfo layer;

    private static final String SURVEY = "{\"type\":\"FeatureCollection\",\"features\":["
            + "{\"type\":\"Feature\",\"properties\":{\"NAME\":\"大莲湖\",\"AREA_HA\":96.5},\"geometry\":{\"type\":\"Polygon\","
            + "\"coordinates\":[[[120.95,31.05],[121.0,31.05],[121.0,31.1],[120.95,31.05]]]}},"
            + "{\"type\":\"Feature\",\"properties\":{\"NAME\":\"北窑港\",\"AREA_HA\":12},\"geometry\":{\"type\":\"Polygon\","
            + "\"coordinates\":[[[120.90,31.00],[120.91,31.00],[120.91,31.01],[120.90,31.00]]]}}]}";

    @BeforeEach
    void makeLayer() {
        layer = new LayerInfo("upload-" + UUID.randomUUID().toString().substring(0, 8), Localized.of("上传" + UUID.randomUUID(),
                "Upload " + UUID.randomUUID()), Localized.of("测试", "Test"), GeometryKind.MULTIPOLYGON,
                List.of(PropertyDef.of("name", PropertyType.STRING, "名称", "Name"),
                        PropertyDef.of("area_ha", PropertyType.REAL, "面积", "Area (ha)")), null, false, "test", List.of());
        demo().store().createLayer(layer);
    }

    @AfterEach
    void dropLayer() {
        // The demo store is shared by the HTTP suites: leave it with the layers it had.
        demo().store().dropLayer(layer.id());
    }

    private Path shapefileZip(String geojson, boolean withDbf) throws Exception {
        Path src = dir.resolve("survey.geojson");
        Files.writeString(src, geojson);
        Path shp = dir.resolve("shp/湿地调查.shp");
        Files.createDirectories(shp.getParent());
        Gdal.run("ogr2ogr", "-f", "ESRI Shapefile", "-t_srs", "EPSG:4549", "-lco", "ENCODING=GBK", shp.toString(), src.toString());
        Path zip = dir.resolve(withDbf ? "survey.zip" : "nodbf.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String ext : withDbf ? List.of("shp", "shx", "dbf", "prj", "cpg") : List.of("shp", "shx", "prj")) {
                out.putNextEntry(new ZipEntry("湿地调查." + ext));
                Files.copy(shp.resolveSibling("湿地调查." + ext), out);
                out.closeEntry();
            }
        }
        return zip;
    }

    private HttpResponse<String> upload(String query, String token, String contentType, byte[] body, String filename) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(demo().url() + "/admin/layers/" + layer.id() + "/imports"
                + query)).timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", contentType);
        if (token != null) b.header("Authorization", "Bearer " + token);
        if (filename != null) {
            b.header("Content-Disposition", "attachment; filename*=UTF-8''"
                    + java.net.URLEncoder.encode(filename, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return DemoServer.send(b.build());
    }

    /** Polls the job until it ends. */
    private JsonNode finished(HttpResponse<String> started) throws Exception {
        assertEquals(202, started.statusCode(), started.body());
        String href = started.headers().firstValue("Location").orElseThrow();
        String path = href.substring(demo().url().length());
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            HttpResponse<String> r = demo().call("GET", path, demo().adminToken(), null, null);
            assertEquals(200, r.statusCode(), r.body());
            JsonNode job = JSON.readTree(r.body());
            if (!job.get("state").asText().equals("running")) return job;
            assertTrue(System.nanoTime() < deadline, "the import ended in time");
            Thread.sleep(50);
        }
    }

    private long count() {
        return demo().store().count(layer.id(), Filter.ALL);
    }

    @Test
    void anAdminUploadsAShapefileAndPollsTheJobToItsReport() throws Exception {
        byte[] zip = Files.readAllBytes(shapefileZip(SURVEY, true));
        JsonNode job = finished(upload("", demo().adminToken(), "application/zip", zip, "2024湿地调查.zip"));
        assertEquals("done", job.get("state").asText(), job.toString());
        assertEquals(100.0, job.get("percent").asDouble());
        assertEquals(2, job.get("total").asLong());
        JsonNode report = job.get("report");
        assertTrue(report.get("committed").asBoolean(), report.toString());
        assertEquals(2, report.get("written").asLong());
        assertEquals("EPSG:4549", report.get("crs").asText());
        assertEquals("2024湿地调查.zip", report.get("source").asText());
        assertEquals(2, count());
        String names = demo().call("GET", "/collections/" + layer.id() + "/items", demo().adminToken(), null, null).body();
        assertTrue(names.contains("大莲湖") && names.contains("北窑港"), names);
        HttpResponse<String> audit = demo().call("GET", "/admin/audit?limit=5", demo().adminToken(), null, null);
        assertTrue(audit.body().contains("layer.import") && audit.body().contains(layer.id()), audit.body());
    }

    @Test
    void onlyAdminsMayUpload() throws Exception {
        byte[] zip = Files.readAllBytes(shapefileZip(SURVEY, true));
        assertEquals(401, upload("", null, "application/zip", zip, null).statusCode());
        assertEquals(403, upload("", demo().officerToken("officer", layer.id()), "application/zip", zip, null).statusCode());
        assertEquals(0, count());
    }

    @Test
    void aFileThatCannotBeReadIsRefusedAtOnceAndNothingChanges() throws Exception {
        HttpResponse<String> r = upload("", demo().adminToken(), "application/zip",
                Files.readAllBytes(shapefileZip(SURVEY, false)), "nodbf.zip");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("nodbf.zip: 湿地调查.shp has no 湿地调查.dbf beside it"), r.body());
        r = upload("", demo().adminToken(), "application/pdf", new byte[] {1, 2, 3}, null);
        assertEquals(415, r.statusCode(), r.body());
        r = upload("?format=geojson", demo().adminToken(), "application/octet-stream", "{\"type\":".getBytes(), null);
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("not valid JSON"), r.body());
        r = upload("?crs=EPSG:2385", demo().adminToken(), "application/geo+json", SURVEY.getBytes(), null);
        assertEquals(400, r.statusCode(), r.body());
        // 0xFF is a byte of neither UTF-8 nor GBK: refused, not imported as garbled text.
        byte[] csv = "name,lon,lat\na\u00ff,120,31\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        r = upload("", demo().adminToken(), "text/csv", csv, "survey.csv");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("survey.csv is neither UTF-8 (line 2, column 2) nor GBK (line 2, column 2)"), r.body());
        assertEquals(0, count());
    }

    @Test
    void anSqliteFileThatIsNoGeoPackageOrListsAMissingTableIsRefused() throws Exception {
        Path plain = dir.resolve("plain.sqlite");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + plain);
             java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE TABLE parcels (id INTEGER PRIMARY KEY, name TEXT)");
        }
        HttpResponse<String> r = upload("", demo().adminToken(), "application/geopackage+sqlite3",
                Files.readAllBytes(plain), "plain.gpkg");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("plain.gpkg is an SQLite database but not a GeoPackage"), r.body());

        Path src = dir.resolve("survey.geojson");
        Files.writeString(src, SURVEY);
        Path gpkg = dir.resolve("missing.gpkg");
        Gdal.run("ogr2ogr", "-f", "GPKG", "-nln", "wetlands", gpkg.toString(), src.toString());
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + gpkg);
             java.sql.Statement st = c.createStatement()) {
            st.execute("ALTER TABLE wetlands RENAME TO gone");
        }
        r = upload("", demo().adminToken(), "application/geopackage+sqlite3", Files.readAllBytes(gpkg), "missing.gpkg");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("the feature table 'wetlands' listed in gpkg_contents cannot be read"), r.body());
        assertEquals(0, count());
    }

    @Test
    void rejectedFeaturesAreReportedAndNothingIsWritten() throws Exception {
        String bad = SURVEY.replace("[[[120.90,31.00],[120.91,31.00],[120.91,31.01],[120.90,31.00]]]",
                "[[[120.90,31.00],[120.91,31.01],[120.91,31.00],[120.90,31.01],[120.90,31.00]]]");
        JsonNode job = finished(upload("", demo().adminToken(), "application/geo+json", bad.getBytes(), "bowtie.geojson"));
        assertEquals("done", job.get("state").asText(), job.toString());
        JsonNode report = job.get("report");
        assertFalse(report.get("committed").asBoolean());
        assertEquals(1, report.get("rejected").asLong());
        assertEquals("feature 2", report.at("/rejections/0/place").asText());
        assertTrue(report.at("/rejections/0/reason").asText().contains("Self-intersection"), report.toString());
        assertTrue(job.get("message").asText().startsWith("not imported"), job.toString());
        assertEquals(0, count());

        job = finished(upload("?repair=true", demo().adminToken(), "application/geo+json", bad.getBytes(), "bowtie.geojson"));
        assertTrue(job.at("/report/committed").asBoolean(), job.toString());
        assertEquals(1, job.at("/report/repaired").asLong());
        assertEquals(2, count());
    }

    @Test
    void aSinkLayerImportIsHeldToTheSinkRulesWhateverSinkFieldsItHas() throws Exception {
        // A sink layer (land cover and area) made without the other sink fields: writes must not need them.
        LayerInfo partial = new LayerInfo("partial-" + UUID.randomUUID().toString().substring(0, 8), Localized.of(
                "部分" + UUID.randomUUID(), "Partial " + UUID.randomUUID()), Localized.of("测试", "Test"),
                GeometryKind.MULTIPOLYGON, List.of(PropertyDef.of("name", PropertyType.STRING, "名称", "Name"),
                        PropertyDef.of("landcover", PropertyType.STRING, "地类", "Land cover"),
                        PropertyDef.of("sink_area_m2", PropertyType.REAL, "面积", "Area")), null, false, "test", List.of());
        demo().store().createLayer(partial);
        try {
            String survey = SURVEY.replace("\"AREA_HA\":96.5", "\"landcover\":\"1101\"")
                    .replace("\"AREA_HA\":12", "\"landcover\":\"9999\"");
            HttpResponse<String> started = DemoServer.send(HttpRequest.newBuilder(URI.create(demo().url() + "/admin/layers/"
                    + partial.id() + "/imports")).POST(HttpRequest.BodyPublishers.ofString(survey))
                    .header("Content-Type", "application/geo+json").header("Authorization", "Bearer " + demo().adminToken())
                    .build());
            JsonNode job = finished(started);
            assertFalse(job.at("/report/committed").asBoolean(), job.toString());
            assertEquals("feature 2", job.at("/report/rejections/0/place").asText());
            assertTrue(job.at("/report/rejections/0/reason").asText().contains("unknown land cover '9999'"), job.toString());
            assertEquals(0, demo().store().count(partial.id(), Filter.ALL));

            started = DemoServer.send(HttpRequest.newBuilder(URI.create(demo().url() + "/admin/layers/" + partial.id()
                    + "/imports")).POST(HttpRequest.BodyPublishers.ofString(survey.replace("9999", "0304")))
                    .header("Content-Type", "application/geo+json").header("Authorization", "Bearer " + demo().adminToken())
                    .build());
            job = finished(started);
            assertTrue(job.at("/report/committed").asBoolean(), job.toString());
            assertEquals(2, demo().store().count(partial.id(), Filter.ALL));
        } finally {
            demo().store().dropLayer(partial.id());
        }
    }

    @Test
    void heightsAreRefusedUnlessTheyMayBeDropped() throws Exception {
        // A survey shapefile with heights (PolygonZ, as RTK receivers record them).
        String withHeights = SURVEY.replaceAll("\\[(120\\.9\\d*|121\\.0),(31\\.\\d+)\\]", "[$1,$2,3.2]");
        byte[] zip = Files.readAllBytes(shapefileZip(withHeights, true));
        JsonNode job = finished(upload("", demo().adminToken(), "application/zip", zip, "rtk.zip"));
        assertFalse(job.at("/report/committed").asBoolean(), job.toString());
        assertEquals(2, job.at("/report/rejected").asLong(), job.toString());
        assertTrue(job.at("/report/rejections/0/reason").asText().contains("the geometry has heights (z = 3.2"), job.toString());
        assertEquals(0, count());
        job = finished(upload("?drop-heights=true", demo().adminToken(), "application/zip", zip, "rtk.zip"));
        assertTrue(job.at("/report/committed").asBoolean(), job.toString());
        assertTrue(job.at("/report/notes").toString().contains("dropped the heights (z) of 2 features, as asked"), job.toString());
        assertEquals(2, count());
        try (org.sinkatlas.layers.store.StoreCursor<org.sinkatlas.layers.model.Feature> stored = demo().store().query(
                layer.id(), org.sinkatlas.layers.store.FeatureQuery.all())) {
            assertTrue(Double.isNaN(stored.next().geometry().getCoordinate().getZ()), "stored in 2D");
        }
    }

    @Test
    void theUploadIsDescribedInTheApi() throws Exception {
        JsonNode api = JSON.readTree(demo().get("/api").body());
        JsonNode post = api.at("/paths/~1admin~1layers~1{layerId}~1imports/post");
        assertEquals("importIntoLayer", post.get("operationId").asText(), post.toString());
        assertTrue(post.has("security"), post.toString());
    }
}
