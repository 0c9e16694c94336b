package org.sinkatlas.server.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Envelope;
import org.sinkatlas.layers.filter.ComparisonOp;
import org.sinkatlas.layers.filter.Filter;
import org.sinkatlas.layers.model.Feature;
import org.sinkatlas.layers.model.FeatureDraft;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.store.FeatureQuery;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.StoreCursor;
import org.sinkatlas.server.testing.DemoServer;

/** OGC API Features Part 1 and 2 over real HTTP against the demo store. */
abstract class FeaturesApiSuite {

    /** The server under test (one per store engine). */
    protected abstract DemoServer demo();

    private static JsonNode json(HttpResponse<String> r) {
        return DemoServer.json(r);
    }

    private JsonNode ok(String path) {
        return demo().getJson(path);
    }

    private static String link(JsonNode doc, String rel) {
        for (JsonNode l : doc.get("links")) {
            if (l.get("rel").asText().equals(rel)) return l.get("href").asText();
        }
        return null;
    }

    private String path(String href) {
        return href.substring(demo().url().length());
    }

    @Test
    void theOpenApiDocumentValidates() {
        io.swagger.v3.parser.core.models.ParseOptions options = new io.swagger.v3.parser.core.models.ParseOptions();
        options.setResolve(true);
        for (String token : new String[] {null, demo().adminToken()}) {
            String api = demo().call("GET", "/api", token, null, null).body();
            io.swagger.v3.parser.core.models.SwaggerParseResult result = new io.swagger.v3.parser.OpenAPIV3Parser()
                    .readContents(api, null, options);
            assertEquals(List.of(), result.getMessages(), "the document as " + (token == null ? "the public" : "an admin")
                    + " reads it");
            assertTrue(result.getOpenAPI().getPaths().size() > 50, "paths: " + result.getOpenAPI().getPaths().size());
        }
    }

    @Test
    void everyAddressTheReadmeShowsAnswersAsItSays() throws Exception {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\| `(/[^`]*)`")
                .matcher(java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md")));
        int checked = 0;
        while (m.find()) {
            String path = m.group(1);
            if (path.contains("{") || path.startsWith("/admin")) continue;
            String encoded = path.replace("淀山湖", "%E6%B7%80%E5%B1%B1%E6%B9%96");
            HttpResponse<String> r = demo().get(encoded);
            assertEquals(200, r.statusCode(), path + ": " + r.body());
            checked++;
        }
        assertTrue(checked >= 15, checked + " addresses");
    }

    @Test
    void theLandingPageLeadsAPersonEverywhereUnderOneTitle() {
        String page = demo().get("/?f=html").body();
        assertTrue(page.contains("<title>碳汇一张图 Sink Atlas</title>"), "the service's name once");
        for (String href : List.of("/viewer\"", "/dashboard\"", "/sinks/summary?by=district&amp;f=html\"", "/search\"",
                "/collections\"", "/assets/viewer/icon.svg\"")) {
            assertTrue(page.contains(demo().url() + href), href + " in " + page);
        }
        String found = demo().get("/search?q=%E6%B7%80%E5%B1%B1%E6%B9%96&f=html").body();
        assertTrue(found.contains("淀山湖") && found.contains("/items/") && found.contains("?f=html"), found);
        HttpResponse<String> icon = demo().call("GET", "/favicon.ico", null, null, null);
        assertEquals(301, icon.statusCode());
        assertEquals(demo().url() + "/assets/viewer/icon.svg", icon.headers().firstValue("Location").orElse(""));
        assertEquals(200, demo().get("/assets/viewer/icon.svg").statusCode());
    }

    @Test
    void everyRequestIsInTheAccessLog() throws Exception {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.err;
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertEquals(400, demo().get("/collections?probe=access-log").statusCode());
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!err.toString(java.nio.charset.StandardCharsets.UTF_8).contains("GET /collections?probe=access-log 400")
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            System.setErr(old);
        }
        String log = err.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(log.matches("(?s).*INFO org\\.sinkatlas\\.access - GET /collections\\?probe=access-log 400 \\d+ ms.*"), log);
    }

    @Test
    void oneChineseCharacterIsASearch() {
        JsonNode found = ok("/search?q=%E6%B7%80");
        assertEquals("淀", found.get("q").asText());
        assertTrue(found.get("results").toString().contains("淀山湖"), found.toString());
        assertEquals(400, demo().get("/search?q=").statusCode());
        assertEquals(400, demo().get("/search?q=" + "x".repeat(101)).statusCode());
    }

    @Test
    void keptPublicAnswersGoWithTheNextWrite() {
        String q = "/search?q=" + java.net.URLEncoder.encode("缓存测试公园", java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, ok(q).get("results").size());
        assertEquals(0, ok(q).get("results").size(), "the same answer, now kept");
        Feature park;
        try (StoreCursor<Feature> c = demo().store().query("parks", new FeatureQuery(Filter.ALL, 0, 1))) {
            park = c.next();
        }
        Feature made = demo().store().write("test", w -> w.insert("parks", new FeatureDraft(park.geometry(),
                Map.of("name", "缓存测试公园"))));
        try {
            JsonNode found = ok(q);
            assertEquals(1, found.get("results").size(), "a write drops what was kept: " + found);
            assertEquals(made.id(), found.at("/results/0/id").asLong());
        } finally {
            demo().store().write("test", w -> {
                w.delete("parks", made.id(), made.version());
                return null;
            });
        }
        assertEquals(0, ok(q).get("results").size());
    }

    @Test
    void headAnswersAsGetDoesWithoutABody() {
        for (String path : List.of("/collections/nope", "/collections/parcels", "/collections/parcels/items/1",
                "/collections/parcels/items/99999999", "/collections/parcels/items?limit=abc", "/nothing-here",
                "/collections/parcels/items?limit=2&crs=http://www.opengis.net/def/crs/EPSG/0/4549", "/sinks/summary")) {
            HttpResponse<String> get = demo().call("GET", path, null, null, null);
            HttpResponse<String> head = demo().call("HEAD", path, null, null, null);
            assertEquals(get.statusCode(), head.statusCode(), "HEAD " + path);
            for (String header : List.of("Content-Type", "ETag", "Content-Crs", "Link")) {
                assertEquals(get.headers().allValues(header), head.headers().allValues(header), header + " of HEAD " + path);
            }
            assertEquals("", head.body(), "HEAD " + path + " has no body");
        }
    }

    @Test
    void landingPageHasTheLinksClientsLookFor() {
        JsonNode landing = ok("/");
        assertTrue(landing.get("title").asText().contains("Sink Atlas"));
        JsonNode serviceDesc = null;
        for (JsonNode l : landing.get("links")) {
            if (l.get("rel").asText().equals("service-desc")) serviceDesc = l;
        }
        assertNotNull(serviceDesc);
        assertEquals("application/vnd.oai.openapi+json;version=3.0", serviceDesc.get("type").asText());
        assertNotNull(link(landing, "conformance"));
        assertNotNull(link(landing, "http://www.opengis.net/def/rel/ogc/1.0/conformance"));
        assertNotNull(link(landing, "data"));
        assertEquals(demo().url() + "/collections", link(landing, "data"));
    }

    @Test
    void conformanceDeclaresExactlyWhatIsImplemented() {
        JsonNode c = ok("/conformance");
        List<String> classes = new ArrayList<>();
        c.get("conformsTo").forEach(n -> classes.add(n.asText()));
        assertEquals(List.of("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
                "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs"), classes.subList(0, 5));
        // Then Part 3 and CQL2 (see FilterApiSuite), then the extensions' classes: Part 4, tiles.
        List<String> expected = new ArrayList<>(Conformance.CLASSES);
        expected.addAll(List.of(
                "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete",
                "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/update",
                "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/features",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tileset",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tilesets-list",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/dataset-tilesets",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/geodata-tilesets",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/png",
                "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/oas30",
                "http://www.opengis.net/spec/tms/2.0/conf/tilematrixset",
                "http://www.opengis.net/spec/tms/2.0/conf/json-tilematrixset"));
        assertEquals(expected, classes);
    }

    @Test
    void everyPathOfTheApiDefinitionAnswers() {
        HttpResponse<String> r = demo().get("/api");
        assertEquals(200, r.statusCode());
        assertEquals("application/vnd.oai.openapi+json;version=3.0", r.headers().firstValue("Content-Type").orElse(""));
        JsonNode api = json(r);
        assertEquals("3.0.3", api.get("openapi").asText());
        Set<String> paths = new HashSet<>();
        api.get("paths").fieldNames().forEachRemaining(paths::add);
        assertTrue(paths.contains("/collections/parcels/items"));
        JsonNode limit = null;
        for (JsonNode p : api.at("/paths/~1collections~1parcels~1items/get/parameters")) {
            if (p.get("name").asText().equals("limit")) limit = p;
        }
        assertNotNull(limit, "QGIS and GDAL read the page size from the limit parameter");
        assertEquals(100, limit.at("/schema/default").asInt());
        assertEquals(100_000, limit.at("/schema/maximum").asInt());
        // /req/core/fc-limit-definition and the datetime definition: style form, explode false, as bbox.
        for (JsonNode p : api.at("/paths/~1collections~1parcels~1items/get/parameters")) {
            String name = p.get("name").asText();
            if (List.of("limit", "bbox", "datetime").contains(name)) {
                assertEquals("form", p.path("style").asText(), name);
                assertFalse(p.path("explode").asBoolean(true), name);
            }
        }
        String adminKeyId = demo().adminToken().split("_")[1];
        String job = demo().call("POST", "/sinks/recompute", demo().adminToken(), null, null).headers()
                .firstValue("Location").orElseThrow().replaceAll(".*/", "");
        // An import to look at: a dry run into parcels, which changes nothing.
        HttpResponse<String> started = demo().call("POST", "/admin/layers/parcels/imports?dry-run=true", demo().adminToken(),
                "application/geo+json", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                        + "\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[120.9,31]}}]}");
        assertEquals(202, started.statusCode(), started.body());
        String importId = json(started).get("id").asText();
        for (String p : paths) {
            JsonNode get = api.get("paths").get(p).get("get");
            if (get == null) continue;
            // Tiles: one over the Water Town Living Room at zoom 12, where every layer is tiled but the sink grid,
            // which gives way to the parcels after zoom 10: the same place at zoom 10 for it.
            boolean grid = p.startsWith("/collections/sink-grid/");
            String z = grid ? "10" : "12";
            String row = grid ? "419" : "1676";
            String col = grid ? "855" : "3423";
            String concrete = p.replace("{featureId}", "1").replace("{standardId}", "yrd-ess@2026.1").replace("{otherId}", "yrd-ess@2027.1").replace("{jobId}", job)
                    .replace("{keyId}", adminKeyId).replace("{layerId}", "parcels").replace("{importId}", importId)
                    .replace("{tileMatrixSetId}", "WebMercatorQuad")
                    .replace("{tileMatrix}", z).replace("{tileRow}", row).replace("{tileCol}", col)
                    .replace("{z}", z).replace("{y}", row).replace("{x}", col).replace("{styleId}", "sink-atlas")
                    .replace("{tileset}", "map").replace("{version}", "1").replace("/search", "/search?q=%E6%B7%80%E5%B1%B1")
                    .replace("{targetId}", p.endsWith("/reports") ? "new-energy-bus" : "greenway-km");
            // Routes that declare a security requirement are called with the admin's key, the others without one.
            String token = get.has("security") ? demo().adminToken() : null;
            HttpResponse<String> answer = demo().call("GET", concrete, token, null, null);
            // A layer's vector tile with nothing in it is answered 204 No Content.
            int expected = answer.statusCode() == 204 && concrete.matches(".*/tiles/WebMercatorQuad/\\d+/\\d+/\\d+") ? 204 : 200;
            assertEquals(expected, answer.statusCode(), concrete + " -> " + answer.body());
        }
        // And every route that the server registers is described.
        for (var route : demo().server().routes()) {
            String p = route.path().replace("{collectionId}", "parcels");
            assertTrue(paths.contains(p), "route " + route.path() + " is missing from /api");
        }
    }

    @Test
    void collectionsDescribeExtentAndCrs() {
        JsonNode all = ok("/collections");
        List<String> ids = new ArrayList<>();
        all.get("collections").forEach(c -> ids.add(c.get("id").asText()));
        assertEquals(List.of("districts", "key-zones", "water", "greenways", "forests", "wetlands", "polder-ponds", "parks",
                "pv-sites", "energy-sites", "vertical-greening", "low-energy-buildings", "eco-cycle-sites",
                "low-carbon-factories", "sink-projects", "parcels", "sink-grid"), ids);
        JsonNode parcels = ok("/collections/parcels");
        assertEquals("http://www.opengis.net/def/crs/OGC/1.3/CRS84", parcels.get("storageCrs").asText());
        List<String> crs = new ArrayList<>();
        parcels.get("crs").forEach(c -> crs.add(c.asText()));
        assertTrue(crs.containsAll(List.of("http://www.opengis.net/def/crs/OGC/1.3/CRS84",
                "http://www.opengis.net/def/crs/EPSG/0/4490", "http://www.opengis.net/def/crs/EPSG/0/4549")));
        JsonNode bbox = parcels.at("/extent/spatial/bbox/0");
        assertEquals(120.35, bbox.get(0).asDouble(), 0.01);
        assertEquals(31.29, bbox.get(3).asDouble(), 0.01);
        assertEquals(2, parcels.at("/extent/temporal/interval/0").size());
        assertTrue(parcels.get("description").asText().contains("synthetic"));
        assertEquals("地块 Parcels", parcels.get("title").asText());
        assertEquals("地块", json(DemoServer.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                demo().url() + "/collections/parcels")).header("Accept-Language", "zh-CN,zh;q=0.9").build()))
                .get("title").asText());
    }

    @Test
    void propertiesChoosesWhatEachFeatureCarries() {
        JsonNode whole = ok("/collections/parcels/items?limit=5&landcover=0301");
        JsonNode some = ok("/collections/parcels/items?limit=5&landcover=0301&properties=sink_net_tco2e,code");
        assertEquals(whole.get("numberMatched").asLong(), some.get("numberMatched").asLong());
        assertEquals(5, some.get("features").size());
        for (int i = 0; i < 5; i++) {
            JsonNode w = whole.get("features").get(i);
            JsonNode f = some.get("features").get(i);
            assertEquals(w.get("id"), f.get("id"));
            assertEquals(w.get("geometry"), f.get("geometry"));
            List<String> keys = new ArrayList<>();
            f.get("properties").fieldNames().forEachRemaining(keys::add);
            assertEquals(List.of("code", "sink_net_tco2e"), keys, "in the layer's order");
            assertEquals(w.at("/properties/code"), f.at("/properties/code"));
            assertEquals(w.at("/properties/sink_net_tco2e"), f.at("/properties/sink_net_tco2e"));
        }
        assertTrue(link(some, "next").contains("properties=sink_net_tco2e%2Ccode")
                || link(some, "next").contains("properties=sink_net_tco2e,code"), link(some, "next"));
        assertEquals(0, ok("/collections/parcels/items?limit=1&properties=").at("/features/0/properties").size());
        HttpResponse<String> unknown = demo().get("/collections/parcels/items?properties=code,colour");
        assertEquals(400, unknown.statusCode());
        assertTrue(json(unknown).get("detail").asText().contains("'colour'"), unknown.body());
        assertEquals(400, demo().get("/collections/parcels/items?properties=code&f=csv").statusCode());
    }

    @Test
    void pagingVisitsEveryFeatureOnceWithMatchingCounts() {
        LayerStore store = demo().store();
        long expected = store.count("forests", Filter.ALL);
        Set<Long> seen = new HashSet<>();
        String next = "/collections/forests/items?limit=500";
        int pages = 0;
        while (next != null) {
            HttpResponse<String> r = demo().get(next);
            assertEquals(200, r.statusCode());
            assertEquals("application/geo+json", r.headers().firstValue("Content-Type").orElse(""));
            assertEquals("<http://www.opengis.net/def/crs/OGC/1.3/CRS84>", r.headers().firstValue("Content-Crs").orElse(""));
            JsonNode page = json(r);
            assertEquals(expected, page.get("numberMatched").asLong());
            assertEquals(page.get("features").size(), page.get("numberReturned").asInt());
            page.get("features").forEach(f -> assertTrue(seen.add(f.get("id").asLong()), "seen twice"));
            if (pages > 0) assertNotNull(link(page, "prev"));
            String n = link(page, "next");
            next = n == null ? null : path(n);
            pages++;
        }
        assertEquals(expected, seen.size());
        assertEquals((expected + 499) / 500, pages);
    }

    @Test
    void bboxFiltersInEveryCrsAgreeWithTheStore() {
        LayerStore store = demo().store();
        long inStore = store.count("parcels", Filter.bbox(new Envelope(120.88, 120.92, 31.0, 31.04)));
        assertTrue(inStore > 20);
        JsonNode crs84 = ok("/collections/parcels/items?bbox=120.88,31.0,120.92,31.04&limit=1");
        assertEquals(inStore, crs84.get("numberMatched").asLong());
        JsonNode latLon = ok("/collections/parcels/items?limit=1&bbox=31.0,120.88,31.04,120.92&bbox-crs="
                + "http://www.opengis.net/def/crs/EPSG/0/4326");
        assertEquals(inStore, latLon.get("numberMatched").asLong());
        JsonNode cgcs = ok("/collections/parcels/items?limit=1&bbox=31.0,120.88,31.04,120.92&bbox-crs=EPSG:4490");
        assertEquals(inStore, cgcs.get("numberMatched").asLong());
        // The same box in Gauss-Kruger metres (northing, easting) gives nearly the same features.
        JsonNode gk = ok("/collections/parcels/items?limit=1&bbox=3430900,583000,3435300,586900&bbox-crs=EPSG:4549");
        assertEquals(inStore, gk.get("numberMatched").asLong(), inStore * 0.1);
    }

    @Test
    void crsParameterWritesNorthingEastingAndSaysSo() {
        HttpResponse<String> r = demo().get("/collections/energy-sites/items/1?crs=http://www.opengis.net/def/crs/EPSG/0/4549");
        assertEquals(200, r.statusCode());
        assertEquals("<http://www.opengis.net/def/crs/EPSG/0/4549>", r.headers().firstValue("Content-Crs").orElse(""));
        JsonNode c = json(r).at("/geometry/coordinates");
        assertTrue(c.get(0).asDouble() > 3_000_000, "northing first: " + c);
        assertTrue(c.get(1).asDouble() > 300_000 && c.get(1).asDouble() < 700_000, "easting second: " + c);
        JsonNode latLon = ok("/collections/energy-sites/items/1?crs=EPSG:4326").at("/geometry/coordinates");
        assertTrue(latLon.get(0).asDouble() < 32 && latLon.get(1).asDouble() > 120, "lat, lon: " + latLon);
    }

    @Test
    void propertyAndDatetimeFiltersSelectTheRightFeatures() {
        LayerStore store = demo().store();
        long forests0301 = store.count("parcels", new Filter.Compare("landcover", ComparisonOp.EQ, "0301"));
        assertEquals(forests0301, ok("/collections/parcels/items?landcover=0301&limit=1").get("numberMatched").asLong());
        JsonNode built2023 = ok("/collections/greenways/items?datetime=2023-01-01/2023-12-31");
        List<String> names = new ArrayList<>();
        built2023.get("features").forEach(f -> names.add(f.at("/properties/name").asText()));
        assertEquals(List.of("蓝色珠链（一段）", "蓝色珠链（二段）"), names);
        JsonNode qingpuBuilt = ok("/collections/greenways/items?status=built&datetime=../2022-12-31");
        qingpuBuilt.get("features").forEach(f -> assertTrue(
                f.at("/properties/completed").asText().compareTo("2023") < 0));
        // A collection without a time ignores datetime (its extent has no temporal part).
        assertEquals(3, ok("/collections/districts/items?datetime=2020-01-01").get("numberMatched").asInt());
    }

    @Test
    void aLimitAboveTheMaximumIsClamped() {
        JsonNode page = ok("/collections/districts/items?limit=5000000");
        assertEquals(3, page.get("numberReturned").asInt());
        assertTrue(link(page, "self").contains("limit=100000"), link(page, "self"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/collections/parcels/items?limit=0", "/collections/parcels/items?limit=-5",
        "/collections/parcels/items?limit=abc", "/collections/parcels/items?offset=-1",
        "/collections/parcels/items?bbox=120,32,121,31", "/collections/parcels/items?bbox=120,31,121",
        "/collections/parcels/items?bbox=a,b,c,d", "/collections/parcels/items?bbox=120,-95,121,31",
        "/collections/parcels/items?crs=EPSG:2000", "/collections/parcels/items?bbox-crs=EPSG:4326",
        "/collections/parcels/items?bbox=1,2,3,4&bbox-crs=urn:nonsense",
        "/collections/parcels/items?datetime=yesterday", "/collections/parcels/items?datetime=2024-01-01/2023-01-01",
        "/collections/parcels/items?unknown=1", "/collections/parcels/items?limit=5&limit=6",
        "/collections/parcels/items?surveyed=not-a-date", "/collections/parcels/items?f=xml",
        "/collections/parcels/items?landcover_fractions=x", "/collections/parcels/items/1?crs=EPSG:9999",
        "/collections?foo=bar", "/?x=1"
    })
    void badRequestsGetA400WithTheReason(String path) {
        HttpResponse<String> r = demo().get(path);
        assertEquals(400, r.statusCode(), path + " -> " + r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
        JsonNode p = json(r);
        assertEquals(400, p.get("status").asInt());
        assertFalse(p.get("detail").asText().isBlank());
        assertNotNull(p.get("code"));
        if (path.endsWith("f=xml")) assertTrue(p.get("detail").asText().contains("json, html, gpkg, shp, csv"), r.body());
        assertEquals(200, demo().get("/health").statusCode(), "the server keeps serving");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/collections/nope", "/collections/nope/items", "/collections/parcels/items/999999999",
        "/collections/parcels/items/abc", "/nothing/here"})
    void unknownThingsGetA404(String path) {
        HttpResponse<String> r = demo().get(path);
        assertEquals(404, r.statusCode(), path + " -> " + r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
        assertEquals(404, json(r).get("status").asInt());
    }

    @Test
    void aBboxAcrossTheAntimeridianIsTwoBoxes() {
        // OGC API Features Part 1 §7.15.3: a west edge east of the east edge crosses the antimeridian.
        HttpResponse<String> far = demo().get("/collections/parcels/items?bbox=177,65,-177,70&limit=1");
        assertEquals(200, far.statusCode(), far.body());
        assertEquals(0, json(far).get("numberMatched").asLong());
        // From 170°E round the world to 121°E: the zone's parcels west of 121°E, as the plain box finds them.
        long across = json(demo().get("/collections/parcels/items?bbox=170,30,121,32&limit=1")).get("numberMatched").asLong();
        long plain = json(demo().get("/collections/parcels/items?bbox=120,30,121,32&limit=1")).get("numberMatched").asLong();
        assertTrue(plain > 0);
        assertEquals(plain, across);
        // The same in EPSG:4326's axis order (latitude first).
        assertEquals(plain, json(demo().get("/collections/parcels/items?bbox=30,170,32,121&limit=1&bbox-crs="
                + "http://www.opengis.net/def/crs/EPSG/0/4326")).get("numberMatched").asLong());
    }

    @Test
    void badBboxSaysWhatIsWrong() {
        JsonNode p = json(demo().get("/collections/parcels/items?bbox=120,32,121,31"));
        assertTrue(p.get("detail").asText().contains("lower corner"), p.toString());
        assertEquals(400, demo().get("/collections/parcels/items?bbox=121,31,190,32").statusCode());
        JsonNode unknown = json(demo().get("/collections/parcels/items?colour=red"));
        assertTrue(unknown.get("detail").asText().contains("colour"), unknown.toString());
    }

    @Test
    void peopleGetHtmlPages() {
        HttpResponse<String> landing = demo().get("/", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertEquals(200, landing.statusCode());
        assertTrue(landing.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(landing.body().contains("碳汇一张图") && landing.body().contains("Sink Atlas"));
        HttpResponse<String> items = demo().get("/collections/parks/items?f=html");
        assertEquals(200, items.statusCode());
        assertTrue(items.body().contains("青西郊野公园"), "features are listed");
        assertTrue(items.body().contains("<th title="), "with their property names");
        HttpResponse<String> collection = demo().get("/collections/parcels?f=html");
        assertTrue(collection.body().contains("landcover") && collection.body().contains("EPSG:4549"));
        HttpResponse<String> item = demo().get("/collections/parks/items/1?f=html");
        assertEquals(200, item.statusCode());
        HttpResponse<String> error = demo().get("/collections/nope?f=html");
        assertEquals(404, error.statusCode());
        assertTrue(error.body().contains("nope"));
        assertTrue(demo().get("/api.html").body().contains("/collections/{collectionId}/items"));
    }

    @Test
    void healthSaysTheStoreAnswers() {
        JsonNode h = ok("/health");
        assertEquals("ok", h.get("status").asText());
        assertEquals(demo().store().engine(), h.at("/store/engine").asText());
        assertEquals(demo().store().layers().stream().filter(LayerInfo::published).count(), h.get("layers").asLong());
    }

    @Test
    void wrongMethodIs405() {
        HttpResponse<String> r = DemoServer.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(demo().url() + "/collections")).DELETE().build());
        assertEquals(405, r.statusCode(), r.body());
    }
}
