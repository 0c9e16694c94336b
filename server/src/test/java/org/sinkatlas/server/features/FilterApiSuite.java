package org.sinkatlas.server.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.filter.Filter;
import org.sinkatlas.layers.model.Feature;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.PropertyDef;
import org.sinkatlas.layers.model.PropertyType;
import org.sinkatlas.layers.store.FeatureQuery;
import org.sinkatlas.layers.store.StoreCursor;
import org.sinkatlas.server.testing.DemoServer;

/**
 * OGC API Features Part 3 over real HTTP: queryables, CQL2 text and JSON filters on the demo layers (each
 * checked against the same condition evaluated in Java over every feature), and bad filters refused with
 * the data left as it was.
 */
abstract class FilterApiSuite {

    /** The server under test (one per store engine). */
    protected abstract DemoServer demo();

    private static final GeometryFactory GF = new GeometryFactory();

    private static JsonNode json(HttpResponse<String> r) {
        return DemoServer.json(r);
    }

    private JsonNode ok(String path) {
        return demo().getJson(path);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The ids the service returns for a filter (one page holding them all). */
    private Set<Long> served(String collection, String query) {
        JsonNode page = ok("/collections/" + collection + "/items?limit=100000&" + query);
        Set<Long> ids = new TreeSet<>();
        page.get("features").forEach(f -> ids.add(f.get("id").asLong()));
        assertEquals(ids.size(), page.get("numberMatched").asLong(), "numberMatched counts what is returned");
        return ids;
    }

    /** The ids of the features for which a Java check holds, over every feature of the layer in the store. */
    private Set<Long> expected(String collection, Predicate<Feature> check) {
        Set<Long> ids = new TreeSet<>();
        try (StoreCursor<Feature> c = demo().store().query(collection, FeatureQuery.all())) {
            c.forEachRemaining(f -> {
                if (check.test(f)) ids.add(f.id());
            });
        }
        return ids;
    }

    private long total(String collection) {
        return demo().store().count(collection, Filter.ALL);
    }

    /** A filter's answer equals the Java check's, and picks some but not all features (so it can fail). */
    private void assertSame(String collection, String query, Predicate<Feature> check) {
        Set<Long> want = expected(collection, check);
        assertFalse(want.isEmpty(), "the check selects something: " + query);
        assertTrue(want.size() < total(collection), "the check leaves something out: " + query);
        assertEquals(want, served(collection, query), query);
    }

    private static Geometry wkt(String text) {
        try {
            return new WKTReader(GF).read(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String str(Feature f, String property) {
        Object v = f.property(property);
        return v == null ? null : v.toString();
    }

    // --------------------------------------------------------------------------------------------

    @Test
    void conformanceDeclaresThePart3AndCql2ClassesQgisLooksFor() {
        Set<String> classes = new HashSet<>();
        ok("/conformance").get("conformsTo").forEach(n -> classes.add(n.asText()));
        for (String c : List.of("http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
                "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
                "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
                "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters",
                "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2", "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
                "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
                "http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators",
                "http://www.opengis.net/spec/cql2/1.0/conf/case-insensitive-comparison",
                "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions",
                "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions-plus",
                "http://www.opengis.net/spec/cql2/1.0/conf/spatial-functions",
                "http://www.opengis.net/spec/cql2/1.0/conf/temporal-functions")) {
            assertTrue(classes.contains(c), c);
        }
        for (String c : List.of("accent-insensitive-comparison", "array-functions", "property-property", "functions",
                "arithmetic")) {
            assertFalse(classes.contains("http://www.opengis.net/spec/cql2/1.0/conf/" + c), "not implemented: " + c);
        }
    }

    @Test
    void queryablesAreAJsonSchemaLinkedFromTheCollection() {
        HttpResponse<String> r = demo().get("/collections/parcels/queryables", "application/schema+json");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("application/schema+json", r.headers().firstValue("Content-Type").orElse(""));
        JsonNode q = json(r);
        assertEquals("https://json-schema.org/draft/2020-12/schema", q.get("$schema").asText());
        assertEquals(demo().url() + "/collections/parcels/queryables", q.get("$id").asText());
        assertEquals("object", q.get("type").asText());
        assertEquals("geometry-polygon", q.at("/properties/geometry/format").asText());
        assertEquals("integer", q.at("/properties/id/type").asText());
        assertEquals("string", q.at("/properties/landcover/type").asText());
        assertEquals("date", q.at("/properties/surveyed/format").asText());
        assertEquals("number", q.at("/properties/sink_net_tco2e/type").asText());
        assertFalse(q.get("properties").has("landcover_fractions"), "JSON properties cannot be compared by value");
        q.get("properties").fields().forEachRemaining(e -> assertFalse(e.getValue().path("title").asText().isBlank(),
                e.getKey() + " has a title"));
        assertEquals("geometry-multilinestring", ok("/collections/greenways/queryables").at("/properties/geometry/format")
                .asText());
        JsonNode collection = ok("/collections/parcels");
        String href = null;
        for (JsonNode l : collection.get("links")) {
            if (l.get("rel").asText().equals("http://www.opengis.net/def/rel/ogc/1.0/queryables")) {
                href = l.get("href").asText();
                assertEquals("application/schema+json", l.get("type").asText());
            }
        }
        assertEquals(demo().url() + "/collections/parcels/queryables", href);
        // Queryables as query parameters: every queryable with a simple value has one on items.
        Set<String> params = new HashSet<>();
        ok("/api").at("/paths/~1collections~1parcels~1items/get/parameters").forEach(p -> params.add(p.get("name").asText()));
        q.get("properties").fieldNames().forEachRemaining(name -> {
            if (!name.equals("geometry")) assertTrue(params.contains(name), "query parameter " + name);
        });
        assertTrue(params.containsAll(List.of("filter", "filter-lang", "filter-crs")));
        assertEquals(404, demo().get("/collections/nope/queryables").statusCode());
    }

    @Test
    void attributeFiltersSelectWhatJavaSelects() {
        assertSame("parcels", "filter=" + enc("landcover = '0301'"), f -> "0301".equals(str(f, "landcover")));
        assertSame("parcels", "filter=" + enc("district IN ('青浦区', '吴江区') AND NOT landcover LIKE '03%'"),
                f -> List.of("青浦区", "吴江区").contains(str(f, "district")) && str(f, "landcover") != null
                        && !str(f, "landcover").startsWith("03"));
        assertSame("parcels", "filter=" + enc("sink_net_tco2e BETWEEN 1 AND 5 OR landcover = '1101'"), f -> {
            Double net = (Double) f.property("sink_net_tco2e");
            return (net != null && net >= 1 && net <= 5) || "1101".equals(str(f, "landcover"));
        });
        assertSame("forests", "filter=" + enc("CASEI(forest_type) = CASEI('BAMBOO')"), f -> "bamboo".equals(str(f, "forest_type")));
        assertSame("greenways", "filter=" + enc("T_AFTER(completed, DATE('2022-12-31'))"), f -> {
            LocalDate d = (LocalDate) f.property("completed");
            return d != null && d.isAfter(LocalDate.of(2022, 12, 31));
        });
        assertSame("greenways", "filter=" + enc("completed IS NULL OR status <> 'built'"),
                f -> f.property("completed") == null || !"built".equals(str(f, "status")));
        assertSame("pv-sites", "filter=" + enc("T_DURING(INTERVAL(started, completed), INTERVAL('2020-01-01', '2025-12-31'))"),
                f -> {
                    LocalDate s = (LocalDate) f.property("started");
                    LocalDate e = (LocalDate) f.property("completed");
                    return s != null && e != null && s.isAfter(LocalDate.of(2020, 1, 1)) && e.isBefore(LocalDate.of(2025, 12, 31));
                });
    }

    @Test
    void spatialFiltersSelectWhatJtsSelects() {
        String box = "BBOX(120.88, 31.0, 120.92, 31.04)";
        Geometry boxGeom = GF.toGeometry(new Envelope(120.88, 120.92, 31.0, 31.04));
        assertSame("parcels", "filter=" + enc("landcover = '0301' AND S_INTERSECTS(geometry, " + box + ")"),
                f -> "0301".equals(str(f, "landcover")) && f.geometry().intersects(boxGeom));
        String triangle = "POLYGON((120.85 30.98, 120.97 30.98, 120.90 31.08, 120.85 30.98))";
        Geometry tri = wkt(triangle);
        assertSame("parcels", "filter=" + enc("S_WITHIN(geometry, " + triangle + ")"), f -> f.geometry().within(tri));
        assertSame("parcels", "filter=" + enc("S_OVERLAPS(geometry, " + triangle + ")"), f -> f.geometry().overlaps(tri));
        Geometry line = wkt("LINESTRING(120.6 30.9, 121.1 31.1)");
        assertSame("parcels", "filter=" + enc("S_CROSSES(geometry, LINESTRING(120.6 30.9, 121.1 31.1))"),
                f -> f.geometry().crosses(line));
        Feature district;
        try (StoreCursor<Feature> c = demo().store().query("districts", FeatureQuery.all())) {
            district = c.next();
        }
        org.locationtech.jts.geom.Point centre = district.geometry().getInteriorPoint();
        String point = String.format(Locale.ROOT, "POINT(%.8f %.8f)", centre.getX(), centre.getY());
        assertEquals(Set.of(district.id()), served("districts", "filter=" + enc("S_CONTAINS(geometry, " + point + ")")));
        assertSame("districts", "filter=" + enc("S_DISJOINT(geometry, " + point + ")"),
                f -> f.geometry().disjoint(centre));
        // CQL2 JSON says the same as CQL2 text.
        String json = "{\"op\":\"and\",\"args\":[{\"op\":\"=\",\"args\":[{\"property\":\"landcover\"},\"0301\"]},"
                + "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"bbox\":[120.88,31.0,120.92,31.04]}]}]}";
        assertEquals(served("parcels", "filter=" + enc("landcover = '0301' AND S_INTERSECTS(geometry, " + box + ")")),
                served("parcels", "filter-lang=cql2-json&filter=" + enc(json)));
    }

    @Test
    void filterCrsLiteralsAreInThatCrsAndItsAxisOrder() {
        Set<Long> crs84 = served("parcels", "filter=" + enc("S_INTERSECTS(geometry, BBOX(120.88, 31.0, 120.92, 31.04))"));
        assertTrue(crs84.size() > 20);
        assertEquals(crs84, served("parcels", "filter-crs=" + enc("http://www.opengis.net/def/crs/EPSG/0/4326")
                + "&filter=" + enc("S_INTERSECTS(geometry, BBOX(31.0, 120.88, 31.04, 120.92))")));
        assertEquals(crs84, served("parcels", "filter-crs=EPSG:4490&filter="
                + enc("S_INTERSECTS(geometry, POLYGON((31.0 120.88, 31.0 120.92, 31.04 120.92, 31.04 120.88, 31.0 120.88)))")));
        // In Gauss-Kruger metres (northing, easting), a box around the same area gives nearly the same features.
        Coordinate lo = new Coordinate();
        Coordinate hi = new Coordinate();
        CrsService crs = new CrsService();
        crs.fromStorage(CrsService.EPSG_4549).apply(new Coordinate(120.88, 31.0), lo);
        crs.fromStorage(CrsService.EPSG_4549).apply(new Coordinate(120.92, 31.04), hi);
        Set<Long> gk = served("parcels", "filter-crs=" + enc("http://www.opengis.net/def/crs/EPSG/0/4549") + "&filter="
                + enc(String.format(Locale.ROOT, "S_INTERSECTS(geometry, BBOX(%.1f, %.1f, %.1f, %.1f))", lo.y, lo.x, hi.y, hi.x)));
        Set<Long> common = new HashSet<>(gk);
        common.retainAll(crs84);
        assertTrue(common.size() >= crs84.size() * 0.9, "the metric box covers nearly the same parcels");
    }

    @Test
    void theFilterIsCombinedWithTheOtherParametersByAnd() {
        String filter = "filter=" + enc("landcover IN ('0301', '0101')");
        Set<Long> inBox = served("parcels", "bbox=120.85,30.95,121.0,31.1");
        Set<Long> all = served("parcels", filter);
        Set<Long> both = new TreeSet<>(inBox);
        both.retainAll(all);
        assertFalse(both.isEmpty());
        assertEquals(both, served("parcels", filter + "&bbox=120.85,30.95,121.0,31.1"));
        Set<Long> qingpu = served("parcels", "district=" + enc("青浦区"));
        Set<Long> both2 = new TreeSet<>(qingpu);
        both2.retainAll(all);
        assertEquals(both2, served("parcels", filter + "&district=" + enc("青浦区")));
        long one = all.iterator().next();
        assertEquals(Set.of(one), served("parcels", filter + "&id=" + one));
        assertEquals(Set.of(one), served("parcels", "filter=" + enc("id = " + one)));
        // The next links keep the filter: paging visits exactly the matching features.
        Set<Long> paged = new TreeSet<>();
        String next = "/collections/parcels/items?limit=200&" + filter + "&bbox=120.85,30.95,121.0,31.1";
        while (next != null) {
            JsonNode page = ok(next);
            page.get("features").forEach(f -> assertTrue(paged.add(f.get("id").asLong())));
            next = null;
            for (JsonNode l : page.get("links")) {
                if (l.get("rel").asText().equals("next")) next = l.get("href").asText().substring(demo().url().length());
            }
        }
        assertEquals(both, paged);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "filter=name%20%3D%20%27x%27%3B%20DROP%20TABLE%20parcels",
        "filter=code%20%3D%20%27x%27%27%20OR%201%3D1%20--",
        "filter=THIS%20IS%20NOT%20A%20FILTER",
        "filter=nmae%20%3D%20%27x%27",
        "filter=sink_net_tco2e%20%3D%20%27lots%27",
        "filter=surveyed%20%3E%205",
        "filter=landcover_fractions%20IS%20NULL%20AND%20landcover_fractions%20%3D%20%27x%27",
        "filter=code%20%3D%20%27x%27&filter-lang=sql",
        "filter=code%20%3D%20%27x%27&filter-lang=cql2-json",
        "filter-lang=cql2-text",
        "filter=S_INTERSECTS(geometry%2C%20POINT(1%202))&filter-crs=EPSG%3A2000",
        "filter=S_INTERSECTS(geometry%2C%20POINT(90%20180))",
        "filter=S_INTERSECTS(geometry%2C%20BBOX(1000000%2C1000000%2C2000000%2C2000000))",
        "filter=T_DURING(surveyed%2C%20INTERVAL(%272020-01-01%27%2C%20%272021-01-01%27))",
        "filter=%7B%22op%22%3A%22%3D%22%7D&filter-lang=cql2-json",
        "filter=", "filter=%20",
        "filter=code%20%3D%20%27a%27&filter=code%20%3D%20%27b%27"
    })
    void badFiltersGetA400WithTheReasonAndTheDataStays(String query) {
        long before = demo().store().count("parcels", Filter.ALL);
        HttpResponse<String> r = demo().get("/collections/parcels/items?" + query);
        assertEquals(400, r.statusCode(), query + " -> " + r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
        JsonNode p = json(r);
        assertEquals(400, p.get("status").asInt());
        assertFalse(p.get("detail").asText().isBlank());
        assertEquals(before, demo().store().count("parcels", Filter.ALL), "the layer is unchanged");
        assertEquals(before, ok("/collections/parcels/items?limit=1").get("numberMatched").asLong());
        assertEquals(200, demo().get("/health").statusCode(), "the server keeps serving");
    }

    @Test
    void badFiltersSayWhatIsWrongAndWhere() {
        assertDetail("filter=" + enc("code = 'x'; DROP TABLE parcels"),
                "filter: expected AND, OR or the end of the filter at character 11, found ';'");
        assertDetail("filter=" + enc("nmae = 'x'"), "unknown property 'nmae' for collection parcels");
        assertDetail("filter=" + enc("sink_net_tco2e = 'lots'"), "property 'sink_net_tco2e' is a number; 'lots' is a string");
        assertDetail("filter=x&filter-lang=sql", "filter-lang: unknown filter language 'sql'");
        assertDetail("filter=" + enc("S_INTERSECTS(geometry, POINT(1 2))") + "&filter-crs=EPSG:2000", "filter-crs: unknown");
        assertDetail("filter=" + enc("{\"op\":\"=\",\"args\":[{\"property\":\"code\"}]}") + "&filter-lang=cql2-json",
                "= takes 2 arguments, not 1 (at /)");
        // An injection attempt inside a string is just a string: it matches nothing and harms nothing.
        long before = demo().store().count("parcels", Filter.ALL);
        assertEquals(0, ok("/collections/parcels/items?filter=" + enc("code = 'x'' OR 1=1 --'")).get("numberMatched").asLong());
        assertEquals(0, ok("/collections/parcels/items?filter=" + enc("code = 'x\"; DROP TABLE parcels; --'"))
                .get("numberMatched").asLong());
        assertEquals(before, demo().store().count("parcels", Filter.ALL));
    }

    private void assertDetail(String query, String expected) {
        HttpResponse<String> r = demo().get("/collections/parcels/items?" + query);
        assertEquals(400, r.statusCode(), r.body());
        String detail = json(r).get("detail").asText();
        assertTrue(detail.contains(expected), detail);
    }

    @Test
    void everyQueryableOfEveryLayerCanBeFiltered() {
        for (LayerInfo layer : demo().store().layers()) {
            for (PropertyDef p : layer.properties()) {
                if (p.type() == PropertyType.JSON) continue;
                HttpResponse<String> r = demo().get("/collections/" + layer.id() + "/items?limit=1&filter="
                        + enc(p.name() + " IS NOT NULL OR " + p.name() + " IS NULL"));
                assertEquals(200, r.statusCode(), layer.id() + "." + p.name() + " -> " + r.body());
                assertEquals(total(layer.id()), json(r).get("numberMatched").asLong());
            }
            assertNotNull(ok("/collections/" + layer.id() + "/queryables").get("properties"));
        }
    }
}
