package org.sinkatlas.server.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.sinkatlas.layers.filter.Filter;
import org.sinkatlas.layers.model.Feature;
import org.sinkatlas.layers.model.FeatureDraft;
import org.sinkatlas.layers.model.GeometryKind;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.Localized;
import org.sinkatlas.layers.model.PropertyDef;
import org.sinkatlas.layers.model.PropertyType;
import org.sinkatlas.layers.store.FeatureQuery;
import org.sinkatlas.layers.store.FeatureWriter;
import org.sinkatlas.layers.store.StoreCursor;
import org.sinkatlas.layers.testing.Gdal;
import org.sinkatlas.server.testing.DemoServer;
import org.sinkatlas.tiles.TileCoord;
import org.sinkatlas.tiles.WebMercatorQuad;

/** OGC API Tiles, TileJSON, styles and PNG tiles over real HTTP, with GDAL's MVT driver as a client. */
abstract class TilesApiSuite {

    protected abstract DemoServer demo();

    @TempDir
    Path dir;

    private static JsonNode json(HttpResponse<String> r) {
        return DemoServer.json(r);
    }

    private JsonNode ok(String path) {
        return demo().getJson(path);
    }

    private HttpResponse<byte[]> bytes(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(demo().url() + path));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        try {
            return java.net.http.HttpClient.newHttpClient().send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A parcel well inside the zone and the z14 tile that holds its centre. */
    private Feature someParcel() {
        try (StoreCursor<Feature> c = demo().store().query("parcels", new FeatureQuery(Filter.bbox(
                new Envelope(120.92, 120.95, 31.0, 31.03)), 0, 1))) {
            return c.next();
        }
    }

    private static TileCoord tileOf(Geometry g, int z) {
        Coordinate c = g.getCentroid().getCoordinate();
        return new TileCoord(z, WebMercatorQuad.column(c.x, z), WebMercatorQuad.row(c.y, z));
    }

    @Test
    void gdalReadsATileWithItsTileJsonAndTheFeaturesLandInPlace() throws Exception {
        Feature parcel = someParcel();
        TileCoord t = tileOf(parcel.geometry(), 15);
        HttpResponse<byte[]> tile = bytes("/collections/parcels/tiles/WebMercatorQuad/" + t.z() + "/" + t.y() + "/" + t.x());
        assertEquals(200, tile.statusCode());
        assertEquals("application/vnd.mapbox-vector-tile", tile.headers().firstValue("Content-Type").orElse(""));
        // GDAL georeferences a tile from its z/x/y path.
        Path file = dir.resolve(t.z() + "/" + t.x() + "/" + t.y() + ".pbf");
        Files.createDirectories(file.getParent());
        Files.write(file, tile.body());
        Path tileJson = dir.resolve("tilejson.json");
        Files.writeString(tileJson, demo().get("/collections/parcels/tiles/WebMercatorQuad?f=tilejson").body());
        String info = Gdal.run("ogrinfo", "-ro", "-so", "-oo", "METADATA_FILE=" + tileJson, file.toString(), "parcels");
        assertTrue(info.contains("sink_density: Real") && info.contains("code: String"), info);

        String geojson = Gdal.run("ogr2ogr", "-f", "GeoJSON", "/vsistdout/", "-t_srs", "EPSG:4326", "-oo",
                "METADATA_FILE=" + tileJson, file.toString(), "parcels", "-where", "mvt_id = " + parcel.id());
        JsonNode fc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(geojson);
        assertEquals(1, fc.get("features").size(), geojson);
        JsonNode f = fc.get("features").get(0);
        assertEquals(parcel.property("code"), f.at("/properties/code").asText());
        assertEquals(((Number) parcel.property("sink_density")).doubleValue(), f.at("/properties/sink_density").asDouble(), 1e-9);
        Geometry fromTile = new GeoJsonReader().read(f.get("geometry").toString());
        // A z15 tile unit is about 8 cm across here: the parcel, clipped to the tile and its buffer, is where it was.
        Geometry clipped = parcel.geometry().intersection(new GeometryFactory().toGeometry(WebMercatorQuad.lonLatBounds(t, 4.0 / 256)));
        assertEquals(clipped.getCentroid().getX(), fromTile.getCentroid().getX(), 2e-6);
        assertEquals(clipped.getCentroid().getY(), fromTile.getCentroid().getY(), 2e-6);
        assertEquals(clipped.getArea(), fromTile.getArea(), clipped.getArea() * 0.01);
    }

    @Test
    void tileJsonStylesAndTileSetsDescribeTheLayers() {
        JsonNode tj = ok("/tiles/WebMercatorQuad?f=tilejson");
        assertEquals("3.0.0", tj.get("tilejson").asText());
        assertTrue(tj.at("/tiles/0").asText().endsWith("/tiles/WebMercatorQuad/{z}/{y}/{x}"), tj.toString());
        Set<String> layers = new HashSet<>();
        tj.get("vector_layers").forEach(l -> layers.add(l.get("id").asText()));
        assertTrue(layers.containsAll(List.of("parcels", "greenways", "forests", "districts")), layers.toString());
        JsonNode parcels = null;
        for (JsonNode l : tj.get("vector_layers")) if (l.get("id").asText().equals("parcels")) parcels = l;
        assertEquals("Number", parcels.at("/fields/sink_density").asText());
        assertEquals(11, parcels.get("minzoom").asInt());
        assertEquals(120.35, tj.at("/bounds/0").asDouble(), 0.05);
        assertEquals(31.29, tj.at("/bounds/3").asDouble(), 0.05);

        JsonNode style = ok("/styles/sink-atlas");
        assertEquals(8, style.get("version").asInt());
        JsonNode districtLabels = null;
        for (JsonNode l : style.get("layers")) if (l.get("id").asText().equals("districts-label")) districtLabels = l;
        // layers.yaml shows district names from zoom 8 up to 12 inclusive; MapLibre hides a layer from its maxzoom on.
        assertEquals(8, districtLabels.get("minzoom").asInt());
        assertEquals(13, districtLabels.get("maxzoom").asInt());
        assertTrue(style.at("/sources/sink-atlas/url").asText().endsWith("/tiles/WebMercatorQuad?f=tilejson"));
        Set<String> sourceLayers = new HashSet<>();
        style.get("layers").forEach(l -> { if (l.has("source-layer")) sourceLayers.add(l.get("source-layer").asText()); });
        assertEquals(layers, sourceLayers, "every tiled layer is drawn");
        String parcelsFill = style.get("layers").toString();
        assertTrue(parcelsFill.contains("\"step\"") && parcelsFill.contains("sink_density"), "parcels coloured by sink density");
        assertTrue(parcelsFill.contains("\"symbol-placement\":\"line\""), "greenway names follow their lines");
        // Areas with names have their label points as a source layer of their own: one legend entry per layer.
        assertTrue(layers.containsAll(List.of("districts-label", "key-zones-label", "water-label")), layers.toString());
        assertEquals(layers.stream().filter(id -> !id.endsWith("-label")).count(), style.at("/metadata/sink-atlas:legend").size());
        HttpResponse<String> layerStyle = demo().get("/collections/greenways/styles/default");
        assertEquals("application/vnd.mapbox.style+json", layerStyle.headers().firstValue("Content-Type").orElse(""));
        assertTrue(json(layerStyle).at("/sources/sink-atlas/url").asText().contains("/collections/greenways/tiles/"));

        JsonNode set = ok("/collections/parcels/tiles/WebMercatorQuad");
        assertEquals("vector", set.get("dataType").asText());
        assertEquals(WebMercatorQuad.URI, set.get("tileMatrixSetURI").asText());
        assertTrue(set.get("links").toString().contains("{tileMatrix}/{tileRow}/{tileCol}"));
        assertEquals("11", set.at("/tileMatrixSetLimits/0/tileMatrix").asText());
        JsonNode tms = ok("/tileMatrixSets/WebMercatorQuad");
        assertEquals(25, tms.get("tileMatrices").size());
        assertEquals(559082264.0287178, tms.at("/tileMatrices/0/scaleDenominator").asDouble(), 1e-3);
        assertEquals(156543.03392804097 / 4096, tms.at("/tileMatrices/12/cellSize").asDouble(), 1e-9);

        // Each entry of a tile set list says enough to fetch tiles without opening the tile set.
        for (String list : List.of("/tiles", "/map/tiles", "/collections/parcels/tiles", "/collections/parcels/map/tiles")) {
            JsonNode entry = ok(list).at("/tilesets/0");
            assertEquals(WebMercatorQuad.ID, entry.get("tileMatrixSetId").asText(), list);
            assertTrue(entry.get("tileMatrixSetLimits").size() > 0, list);
            JsonNode item = null;
            for (JsonNode l : entry.get("links")) if (l.get("rel").asText().equals("item")) item = l;
            assertTrue(item != null && item.get("templated").asBoolean()
                    && item.get("href").asText().endsWith("/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}"), list + ": " + entry);
        }
        // Operation ids end as OGC API - Tiles Table 11 (/req/oas30/operation-id) names them.
        JsonNode paths = ok("/api").get("paths");
        assertEquals("sinkatlas.dataset.vector.getTile", paths.at("/~1tiles~1{tileMatrixSetId}~1{tileMatrix}~1{tileRow}~1{tileCol}"
                + "/get/operationId").asText());
        assertEquals("parcels.collection.map.getTileSetsList", paths.at("/~1collections~1parcels~1map~1tiles/get/operationId")
                .asText());
        assertEquals("key_zones.collection.vector.getTileSet", paths.at("/~1collections~1key-zones~1tiles~1{tileMatrixSetId}"
                + "/get/operationId").asText());
        assertTrue(ok("/conformance").get("conformsTo").toString().contains("ogcapi-tiles-1/1.0/conf/mvt"));
        assertTrue(ok("/").get("links").toString().contains("tilesets-vector"));
        assertTrue(ok("/collections/parcels").get("links").toString().contains("/collections/parcels/tiles"));
    }

    @Test
    void tilesCarryETagsAndEmptyOrBadRequestsGetTheirAnswer() {
        Feature parcel = someParcel();
        TileCoord t = tileOf(parcel.geometry(), 13);
        String path = "/tiles/WebMercatorQuad/" + t.z() + "/" + t.y() + "/" + t.x();
        HttpResponse<byte[]> first = bytes(path);
        assertEquals(200, first.statusCode());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertEquals("public, max-age=60", first.headers().firstValue("Cache-Control").orElse(""));
        assertEquals(304, bytes(path, "If-None-Match", etag).statusCode());
        // Now cached, the tile is answered before routing (CachedTileHandler): the same bytes and headers.
        HttpResponse<byte[]> hit = bytes(path);
        assertEquals(200, hit.statusCode());
        assertArrayEquals(first.body(), hit.body());
        for (String h : List.of("ETag", "Cache-Control", "Content-Type", "Vary")) {
            assertEquals(first.headers().firstValue(h), hit.headers().firstValue(h), h);
        }
        assertEquals(200, bytes("/xyz/map/" + t.z() + "/" + t.x() + "/" + t.y() + ".mvt").statusCode(), "the same tile as XYZ");
        assertEquals(first.body().length, bytes("/xyz/map/" + t.z() + "/" + t.x() + "/" + t.y() + ".mvt").body().length);

        // Far out at sea: a valid, empty tile.
        assertEquals(204, bytes("/tiles/WebMercatorQuad/13/" + WebMercatorQuad.row(10, 13) + "/" + WebMercatorQuad.column(150, 13))
                .statusCode());
        Map<String, Integer> bad = Map.of(
                "/tiles/WebMercatorQuad/abc/1/1", 400,
                "/tiles/WebMercatorQuad/3/1/9", 400,
                "/tiles/WebMercatorQuad/30/1/1", 400,
                "/tiles/WorldCRS84Quad/3/1/1", 404,
                "/collections/nope/tiles/WebMercatorQuad/12/1/1", 404,
                "/collections/parcels/tiles/WebMercatorQuad/5/12/26", 404,
                "/tiles/WebMercatorQuad/3/1/1?bogus=1", 400,
                "/styles/elsewhere", 404,
                "/xyz/parcels/-1/0/0.png", 400);
        bad.forEach((p, status) -> {
            HttpResponse<String> r = demo().get(p);
            assertEquals(status, r.statusCode(), p + " -> " + r.body());
            assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""), p);
            assertFalse(json(r).get("detail").asText().isBlank());
        });
        assertTrue(demo().get("/collections/parcels/tiles/WebMercatorQuad/5/12/26").body().contains("tiled from zoom 11"));
        assertTrue(demo().get("/tiles/WebMercatorQuad/30/1/1").body().contains("zoom 30 is outside 0..24"));
        assertEquals(200, demo().get("/health").statusCode());
    }

    @Test
    void pngTilesArePicturesOfTheSameStyle() throws Exception {
        TileCoord t = tileOf(someParcel().geometry(), 12);
        HttpResponse<byte[]> png = bytes("/map/tiles/WebMercatorQuad/" + t.z() + "/" + t.y() + "/" + t.x());
        assertEquals(200, png.statusCode());
        assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertEquals(256, image.getWidth());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < 256; y += 4) for (int x = 0; x < 256; x += 4) colours.add(image.getRGB(x, y));
        assertTrue(colours.size() > 20, colours.size() + " colours");
        BufferedImage sea = ImageIO.read(new ByteArrayInputStream(bytes("/xyz/map/12/" + WebMercatorQuad.column(150, 12) + "/"
                + WebMercatorQuad.row(10, 12) + ".png").body()));
        assertEquals(0, sea.getRGB(128, 128) >>> 24, "an empty area is transparent");
    }

    @Test
    void draftLayersHaveNoTilesForThePublic() {
        String admin = demo().adminToken();
        String layer = "{\"id\":\"draft-tiles\",\"title\":{\"zh\":\"草稿\",\"en\":\"Draft\"},\"description\":{\"zh\":\"测试\",\"en\":\"Test\"},"
                + "\"geometryKind\":\"POLYGON\",\"properties\":[{\"name\":\"name\",\"type\":\"STRING\",\"title\":{\"zh\":\"名称\",\"en\":\"Name\"}}]}";
        assertEquals(201, demo().call("POST", "/admin/layers", admin, "application/json", layer).statusCode());
        try {
            Feature parcel = someParcel();
            demo().store().write("test", w -> w.insert("draft-tiles", new FeatureDraft(parcel.geometry(), Map.of("name", "hidden"))));
            TileCoord t = tileOf(parcel.geometry(), 14);
            String tile = "/collections/draft-tiles/tiles/WebMercatorQuad/" + t.z() + "/" + t.y() + "/" + t.x();
            for (String p : List.of(tile, "/collections/draft-tiles/tiles/WebMercatorQuad?f=tilejson",
                    "/collections/draft-tiles/styles/default", "/xyz/draft-tiles/14/" + t.x() + "/" + t.y() + ".png")) {
                HttpResponse<String> r = demo().get(p);
                assertEquals(404, r.statusCode(), p);
                assertFalse(r.body().contains("hidden"));
            }
            assertFalse(demo().get("/tiles/WebMercatorQuad?f=tilejson").body().contains("draft-tiles"));
            assertFalse(demo().get("/styles/sink-atlas").body().contains("draft-tiles"));
            String officer = demo().officerToken("tile officer", "draft-tiles");
            HttpResponse<String> seen = demo().call("GET", tile, officer, null, null);
            assertEquals(200, seen.statusCode());
            assertEquals("private, no-cache", seen.headers().firstValue("Cache-Control").orElse(""));
            // The officer's tile is cached now; the public still gets nothing of it.
            assertEquals(404, demo().get(tile).statusCode());
            assertFalse(demo().get(tile).body().contains("hidden"));
        } finally {
            demo().store().dropLayer("draft-tiles");
        }
    }

    @Test
    void aLayerMadeAgainWithOtherTypesIsTiledByItsNewDefinition() {
        Feature parcel = someParcel();
        TileCoord t = tileOf(parcel.geometry(), 14);
        String tile = "/collections/remade/tiles/WebMercatorQuad/" + t.z() + "/" + t.y() + "/" + t.x();
        for (PropertyType type : List.of(PropertyType.DATE, PropertyType.STRING, PropertyType.INTEGER)) {
            demo().store().createLayer(new LayerInfo("remade", Localized.of("重建" + type, "Remade " + type),
                    Localized.of("测试", "Test"), GeometryKind.MULTIPOLYGON, List.of(PropertyDef.of("name", type, "名称", "Name")),
                    null, true, "test", List.of()));
            try {
                Object name = type == PropertyType.DATE ? "2024-05-01" : type == PropertyType.INTEGER ? 4207L : "a name, not a date";
                demo().store().write("test", w -> w.insert("remade", new FeatureDraft(parcel.geometry(), Map.of("name", name))));
                HttpResponse<byte[]> r = bytes(tile);
                assertEquals(200, r.statusCode(), type + ": " + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
                if (name instanceof String text) {
                    // MVT keeps texts as UTF-8 bytes (numbers as varints).
                    assertTrue(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8).contains(text), type.toString());
                }
                JsonNode field = ok("/collections/remade/tiles/WebMercatorQuad?f=tilejson").at("/vector_layers/0/fields/name");
                assertEquals(type == PropertyType.INTEGER ? "Number" : "String", field.asText(), "TileJSON type of " + type);
            } finally {
                demo().store().dropLayer("remade");
            }
        }
    }

    @Test
    void aWriteDropsExactlyTheTilesItTouches() {
        Feature parcel = someParcel();
        TileCoord t = tileOf(parcel.geometry(), 14);
        TileCoord far = new TileCoord(14, t.x() + 8, t.y());
        String near = "/collections/parcels/tiles/WebMercatorQuad/14/" + t.y() + "/" + t.x();
        String away = "/collections/parcels/tiles/WebMercatorQuad/14/" + far.y() + "/" + far.x();
        String map = "/tiles/WebMercatorQuad/14/" + t.y() + "/" + t.x();
        String nearTag = bytes(near).headers().firstValue("ETag").orElseThrow();
        String awayTag = bytes(away).headers().firstValue("ETag").orElseThrow();
        String mapTag = bytes(map).headers().firstValue("ETag").orElseThrow();
        Map<String, Object> props = new java.util.LinkedHashMap<>(parcel.properties());
        props.put("landcover", "0301");
        try {
            demo().store().write("tiles test", w -> w.replace("parcels", parcel.id(), new FeatureDraft(parcel.geometry(), props),
                    FeatureWriter.ANY_VERSION));
            assertNotEquals(nearTag, bytes(near).headers().firstValue("ETag").orElseThrow(), "the edited tile is made again");
            assertNotEquals(mapTag, bytes(map).headers().firstValue("ETag").orElseThrow(), "so is the map tile over it");
            assertEquals(awayTag, bytes(away).headers().firstValue("ETag").orElseThrow(), "a tile elsewhere is kept");
        } finally {
            demo().store().write("tiles test", w -> w.replace("parcels", parcel.id(),
                    new FeatureDraft(parcel.geometry(), parcel.properties()), FeatureWriter.ANY_VERSION));
        }
        assertEquals(401, demo().call("DELETE", "/admin/tiles", null, null, null).statusCode());
        HttpResponse<String> purged = demo().call("DELETE", "/admin/tiles?layer=parcels", demo().adminToken(), null, null);
        assertEquals(200, purged.statusCode(), purged.body());
        assertEquals(404, demo().call("DELETE", "/admin/tiles?layer=nope", demo().adminToken(), null, null).statusCode());
    }
}
