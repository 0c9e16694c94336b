package org.sinkatlas.server.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinkatlas.layers.testing.Gdal;
import org.sinkatlas.server.testing.DemoServer;

/** Downloads of a collection's items as GeoPackage, zipped shapefile and CSV over real HTTP, read back with GDAL. */
abstract class DownloadsSuite {

    protected abstract DemoServer demo();

    @TempDir
    Path dir;

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String BBOX = "bbox=120.85,30.95,121.0,31.1";
    private static final String GK = "crs=http://www.opengis.net/def/crs/EPSG/0/4549";

    private HttpResponse<byte[]> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(demo().url() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** How many parcels the same filter matches as GeoJSON. */
    private long matched(String query) throws Exception {
        JsonNode page = new ObjectMapper().readTree(get("/collections/parcels/items?limit=1&" + query).body());
        return page.get("numberMatched").asLong();
    }

    private Path save(HttpResponse<byte[]> r, String name) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, r.body());
        return p;
    }

    @Test
    void aGeoPackageDownloadHoldsTheFilteredFeaturesInTheAskedCrs() throws Exception {
        HttpResponse<byte[]> r = get("/collections/parcels/items?f=gpkg&" + BBOX + "&" + GK);
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("application/geopackage+sqlite3", r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("attachment; filename=\"parcels.gpkg\"", r.headers().firstValue("Content-Disposition").orElseThrow());
        assertEquals("<http://www.opengis.net/def/crs/EPSG/0/4549>", r.headers().firstValue("Content-Crs").orElseThrow());
        long expected = matched(BBOX);
        assertTrue(expected > 10, "the bbox holds parcels: " + expected);
        String info = Gdal.run("ogrinfo", "-ro", "-so", save(r, "parcels.gpkg").toString(), "parcels");
        assertTrue(info.contains("Feature Count: " + expected), info);
        assertTrue(info.contains("ID[\"EPSG\",4549]"), info);
        assertTrue(info.contains("landcover: String"), info);
    }

    @Test
    void aShapefileDownloadIsAZipThatGdalReads() throws Exception {
        HttpResponse<byte[]> r = get("/collections/parcels/items?f=shp&" + BBOX + "&landcover=0301");
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("application/zip", r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("attachment; filename=\"parcels.zip\"", r.headers().firstValue("Content-Disposition").orElseThrow());
        long expected = matched(BBOX + "&landcover=0301");
        String info = Gdal.run("ogrinfo", "-ro", "-so", "/vsizip/" + save(r, "parcels.zip"), "parcels");
        assertTrue(info.contains("Feature Count: " + expected), info);
        assertTrue(info.contains("ID[\"EPSG\",4326]") || info.contains("WGS 84"), info);
    }

    @Test
    void aCsvDownloadHasAHeaderAndOneLineAFeature() throws Exception {
        HttpResponse<byte[]> r = get("/collections/parcels/items?f=csv&" + BBOX + "&limit=5");
        assertEquals(200, r.statusCode());
        assertEquals("text/csv; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
        List<String> lines = new String(r.body(), StandardCharsets.UTF_8).lines().toList();
        assertEquals(6, lines.size(), "limit is honoured when given");
        assertTrue(lines.get(0).startsWith("\uFEFFid,wkt,"), lines.get(0));
        assertTrue(lines.get(1).contains("MULTIPOLYGON (((") || lines.get(1).contains("POLYGON (("), lines.get(1));
    }

    @Test
    void downloadsAreDescribedAndLinked() throws Exception {
        JsonNode api = new ObjectMapper().readTree(get("/api").body());
        JsonNode items = api.at("/paths/~1collections~1parcels~1items/get");
        JsonNode f = null;
        for (JsonNode p : items.get("parameters")) if (p.get("name").asText().equals("f")) f = p;
        assertTrue(f != null && f.at("/schema/enum").toString().contains("gpkg") && f.at("/schema/enum").toString()
                .contains("shp") && f.at("/schema/enum").toString().contains("csv"), String.valueOf(f));
        assertTrue(items.at("/responses/200/content").has("application/geopackage+sqlite3"), items.toString());
        JsonNode collection = new ObjectMapper().readTree(get("/collections/parcels").body());
        assertTrue(collection.get("links").toString().contains("\"rel\":\"enclosure\""), collection.toString());
    }

    @Test
    void aBadDownloadRequestIsA400() throws Exception {
        HttpResponse<byte[]> r = get("/collections/parcels/items?f=gpkg&crs=EPSG:9999");
        assertEquals(400, r.statusCode());
        assertTrue(new String(r.body(), StandardCharsets.UTF_8).contains("crs"));
        assertEquals(404, get("/collections/nothing/items?f=shp").statusCode());
    }
}
