package org.sinkatlas.layers.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.fault.FaultKind;
import org.sinkatlas.layers.fault.InvalidInputException;
import org.sinkatlas.layers.filter.ComparisonOp;
import org.sinkatlas.layers.filter.Cql2Binder;
import org.sinkatlas.layers.filter.Cql2Exception;
import org.sinkatlas.layers.filter.Cql2TextParser;
import org.sinkatlas.layers.filter.Filter;
import org.sinkatlas.layers.filter.SpatialOp;
import org.sinkatlas.layers.filter.TimeInterval;
import org.sinkatlas.layers.model.Feature;
import org.sinkatlas.layers.model.FeatureDraft;
import org.sinkatlas.layers.model.FeatureVersion;
import org.sinkatlas.layers.model.GeometryKind;
import org.sinkatlas.layers.model.LayerExtent;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.Localized;
import org.sinkatlas.layers.model.PropertyDef;
import org.sinkatlas.layers.model.PropertyType;

/**
 * The behaviour every {@link LayerStore} engine must have. Each engine's test extends this class and
 * says how to make an empty store; the same assertions then run against the real engine.
 */
public abstract class LayerStoreContract {

    protected LayerStore store;

    /** An empty store of the engine under test. */
    protected abstract LayerStore newStore() throws Exception;

    /** Releases what {@link #newStore} made (called after the store is closed). */
    protected void dropStore() throws Exception {}

    /** A layer with a property of every type. */
    public static final LayerInfo PLOTS = new LayerInfo("test-plots", Localized.of("测试地块", "Test plots"),
            Localized.of("测试", "Test"), GeometryKind.POLYGON,
            List.of(PropertyDef.of("name", PropertyType.STRING, "名称", "Name"),
                    PropertyDef.of("kind", PropertyType.STRING, "类型", "Kind"),
                    PropertyDef.of("count", PropertyType.INTEGER, "数量", "Count"),
                    PropertyDef.of("value", PropertyType.REAL, "值", "Value"),
                    PropertyDef.of("active", PropertyType.BOOLEAN, "启用", "Active"),
                    PropertyDef.of("opened", PropertyType.DATE, "日期", "Opened"),
                    PropertyDef.of("checked", PropertyType.DATETIME, "时间", "Checked"),
                    PropertyDef.of("extra", PropertyType.JSON, "附加", "Extra")),
            "opened", true, "test data", List.of("test"));

    static final LayerInfo AREAS = new LayerInfo("test-areas", Localized.of("测试区", "Test areas"),
            Localized.of("测试", "Test"), GeometryKind.MULTIPOLYGON,
            List.of(PropertyDef.of("name", PropertyType.STRING, "名称", "Name")), null, true, "", List.of());

    @BeforeEach
    void openStore() throws Exception {
        store = newStore();
        store.createLayer(PLOTS);
        store.createLayer(AREAS);
    }

    @AfterEach
    void closeStore() throws Exception {
        store.close();
        dropStore();
    }

    protected static Geometry wkt(String text) {
        try {
            return new WKTReader().read(text);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A square of side {@code d} degrees with its lower-left corner at (x, y). */
    protected static Geometry square(double x, double y, double d) {
        return wkt(String.format(java.util.Locale.ROOT, "POLYGON ((%f %f, %f %f, %f %f, %f %f, %f %f))", x, y, x + d, y,
                x + d, y + d, x, y + d, x, y));
    }

    protected static Map<String, Object> props(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    private Feature insert(Geometry g, Map<String, Object> p) {
        return store.write("tester", w -> w.insert(PLOTS.id(), new FeatureDraft(g, p)));
    }

    private List<Feature> read(Filter filter) {
        return read(new org.sinkatlas.layers.store.FeatureQuery(filter, 0, org.sinkatlas.layers.store.FeatureQuery.UNLIMITED));
    }

    private List<Feature> read(FeatureQuery q) {
        List<Feature> out = new ArrayList<>();
        try (StoreCursor<Feature> c = store.query(PLOTS.id(), q)) {
            c.forEachRemaining(out::add);
        }
        return out;
    }

    private List<Long> ids(Filter filter) {
        return read(filter).stream().map(Feature::id).toList();
    }

    /** Ten plots along a row: plot i at lon 120.90 + 0.01 i, named p0..p9, with typed properties. */
    private List<Feature> tenPlots() {
        return store.write("tester", w -> {
            List<Feature> made = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                made.add(w.insert(PLOTS.id(), new FeatureDraft(square(120.90 + 0.01 * i, 31.0, 0.005),
                        props("name", "p" + i, "kind", i % 2 == 0 ? "Forest" : "forest", "count", (long) i,
                                "value", i * 1.5, "active", i < 5, "opened", LocalDate.of(2020 + i, 6, 1),
                                "checked", Instant.parse("2024-01-01T00:00:00Z").plusSeconds(3600L * i),
                                "extra", i == 3 ? Map.of("landcover", Map.of("0301", 0.7, "0101", 0.3)) : null))));
            }
            return made;
        });
    }

    // --------------------------------------------------------------------------------------------

    @Test
    void layersAreListedInCreationOrderAndDuplicatesRefused() {
        assertEquals(List.of("test-plots", "test-areas"), store.layers().stream().map(LayerInfo::id).toList());
        assertEquals(PLOTS, store.layer("test-plots").orElseThrow());
        assertTrue(store.layer("nope").isEmpty());
        assertEquals(FaultKind.CONFLICT, assertThrows(LayerExistsException.class, () -> store.createLayer(PLOTS)).kind());
    }

    @Test
    void insertedFeatureReadsBackWithTypedProperties() {
        Instant checked = Instant.parse("2024-05-01T08:30:00.250Z");
        Feature f = insert(square(120.9, 31.0, 0.01), props("name", "青浦 plot", "count", 3L, "value", 2.5,
                "active", true, "opened", LocalDate.of(2023, 6, 30), "checked", checked,
                "extra", Map.of("a", 1L)));
        assertEquals(1, f.version());
        Feature back = store.feature(PLOTS.id(), f.id()).orElseThrow();
        assertEquals(f.id(), back.id());
        assertTrue(back.geometry().equalsExact(square(120.9, 31.0, 0.01), 1e-9), back.geometry().toText());
        assertEquals("青浦 plot", back.property("name"));
        assertEquals(3L, back.property("count"));
        assertEquals(2.5, back.property("value"));
        assertEquals(true, back.property("active"));
        assertEquals(LocalDate.of(2023, 6, 30), back.property("opened"));
        assertEquals(checked, back.property("checked"));
        assertEquals(1, ((Number) ((Map<?, ?>) back.property("extra")).get("a")).intValue());
        assertNull(back.property("kind"));
        assertTrue(back.properties().containsKey("kind"), "every declared property is present, null when unset");
        assertEquals(1, back.version());
        assertNotNull(back.created());
        assertEquals(back.created(), back.updated());
        assertTrue(store.feature(PLOTS.id(), f.id() + 1000).isEmpty());
    }

    @Test
    void singlePartIsWrappedForAMultiLayer() {
        Feature f = store.write("tester", w -> w.insert(AREAS.id(),
                new FeatureDraft(square(121, 31, 0.01), props("name", "a"))));
        Feature back = store.feature(AREAS.id(), f.id()).orElseThrow();
        assertEquals("MultiPolygon", back.geometry().getGeometryType());
        assertThrows(InvalidFeatureException.class, () -> store.write("tester", w -> w.insert(PLOTS.id(),
                new FeatureDraft(wkt("LINESTRING (120 31, 121 31)"), props()))));
    }

    @Test
    void aReadOfSomePropertiesGivesJustThoseWithTheSameFeatures() {
        List<Feature> plots = tenPlots();
        Filter many = new Filter.Compare("count", ComparisonOp.GE, 6L);
        List<Feature> some = read(new FeatureQuery(many, 1, 2, List.of("value", "name", "opened")));
        List<Feature> whole = read(new FeatureQuery(many, 1, 2));
        assertEquals(2, some.size());
        for (int i = 0; i < some.size(); i++) {
            Feature f = some.get(i);
            Feature w = whole.get(i);
            assertEquals(List.of("name", "value", "opened"), new ArrayList<>(f.properties().keySet()), "in the layer's order");
            assertEquals(w.id(), f.id());
            assertEquals(w.version(), f.version());
            assertTrue(w.geometry().equalsExact(f.geometry()));
            for (String k : f.properties().keySet()) assertEquals(w.property(k), f.property(k), k);
        }
        assertEquals(plots.get(7).id(), some.get(0).id());
        assertTrue(read(new FeatureQuery(many, 0, 1, List.of())).get(0).properties().isEmpty());
        InvalidInputException unknown = assertThrows(InvalidInputException.class,
                () -> read(new FeatureQuery(Filter.ALL, 0, 1, List.of("name", "colour"))));
        assertTrue(unknown.getMessage().contains("'colour'") && unknown.getMessage().contains("value"), unknown.getMessage());
    }

    @Test
    void filtersSelectExactlyTheMatchingFeatures() {
        List<Feature> plots = tenPlots();
        long first = plots.get(0).id();
        assertEquals(10, store.count(PLOTS.id(), Filter.ALL));
        assertEquals(List.of(first + 2), ids(new Filter.Compare("name", ComparisonOp.EQ, "p2")));
        assertEquals(4, store.count(PLOTS.id(), new Filter.Compare("count", ComparisonOp.GE, 6L)));
        assertEquals(3, store.count(PLOTS.id(), new Filter.Compare("value", ComparisonOp.LT, 4.0)));
        assertEquals(5, store.count(PLOTS.id(), new Filter.Compare("active", ComparisonOp.EQ, true)));
        assertEquals(2, store.count(PLOTS.id(), new Filter.In("name", List.of("p1", "p7", "none"))));
        assertEquals(3, store.count(PLOTS.id(), new Filter.Between("count", 2L, 4L)));
        assertEquals(9, store.count(PLOTS.id(), new Filter.IsNull("extra")));
        assertEquals(1, store.count(PLOTS.id(), new Filter.Not(new Filter.IsNull("extra"))));
        assertEquals(3, store.count(PLOTS.id(), new Filter.Or(List.of(new Filter.Compare("name", ComparisonOp.EQ, "p0"),
                new Filter.Compare("count", ComparisonOp.GT, 7L)))));
        assertEquals(List.of(first + 4), ids(new Filter.Compare("id", ComparisonOp.EQ, first + 4)));
        // LIKE is case-sensitive unless asked otherwise, on every engine.
        assertEquals(5, store.count(PLOTS.id(), new Filter.Like("kind", "F%", false)));
        assertEquals(10, store.count(PLOTS.id(), new Filter.Like("kind", "f%", true)));
        assertEquals(10, store.count(PLOTS.id(), new Filter.Like("name", "p_", false)));
        assertEquals(0, store.count(PLOTS.id(), new Filter.Like("name", "p\\_", false)));
        assertEquals(3, store.count(PLOTS.id(), new Filter.During("opened", TimeInterval.parse("2021-06-01/2023-06-01"))));
        assertEquals(2, store.count(PLOTS.id(), new Filter.During("opened", TimeInterval.parse("../2021-06-01"))));
        assertEquals(3, store.count(PLOTS.id(), new Filter.During("checked",
                TimeInterval.parse("2024-01-01T01:00:00Z/2024-01-01T03:00:00Z"))));
    }

    /** A CQL2 text filter bound to the test plots, as the server binds it (CRS84 literals). */
    private static Filter cql(String text) {
        return cql(PLOTS, text);
    }

    private static Filter cql(LayerInfo layer, String text) {
        return new Cql2Binder(layer, CRS, CrsService.CRS84).bind(Cql2TextParser.parse(text));
    }

    private static final CrsService CRS = new CrsService();

    private List<String> names(String layerId, Filter filter) {
        List<String> out = new ArrayList<>();
        try (StoreCursor<Feature> c = store.query(layerId, FeatureQuery.of(filter))) {
            c.forEachRemaining(f -> out.add((String) f.property("name")));
        }
        java.util.Collections.sort(out);
        return out;
    }

    @Test
    void spatialRelationsGiveTheKnownFeatures() {
        // Around the square Q = [121.0, 121.1] x [31.0, 31.1]:
        Map<String, Geometry> plots = new LinkedHashMap<>();
        plots.put("inside", square(121.02, 31.02, 0.02));
        plots.put("overlapping", square(121.08, 31.08, 0.04));
        plots.put("touching", square(121.1, 31.0, 0.05));
        plots.put("apart", square(121.3, 31.3, 0.01));
        plots.put("equal", square(121.0, 31.0, 0.1));
        plots.put("around", square(120.95, 30.95, 0.2));
        plots.put("corner", square(121.0, 31.0, 0.02));
        store.write("tester", w -> {
            plots.forEach((name, g) -> w.insert(PLOTS.id(), new FeatureDraft(g, props("name", name))));
            return null;
        });
        Geometry q = square(121.0, 31.0, 0.1);
        Geometry line = wkt("LINESTRING (121.0 31.03, 121.2 31.03)");
        String qText = "POLYGON((121.0 31.0, 121.1 31.0, 121.1 31.1, 121.0 31.1, 121.0 31.0))";
        assertEquals(List.of("around", "corner", "equal", "inside", "overlapping", "touching"),
                names(PLOTS.id(), new Filter.Intersects(q)));
        assertEquals(List.of("apart"), names(PLOTS.id(), new Filter.Not(new Filter.Intersects(q))));
        assertEquals(List.of("corner", "equal", "inside"), names(PLOTS.id(), new Filter.Spatial(SpatialOp.WITHIN, q)));
        assertEquals(List.of("around", "equal"), names(PLOTS.id(), new Filter.Spatial(SpatialOp.CONTAINS, q)));
        assertEquals(List.of("equal"), names(PLOTS.id(), new Filter.Spatial(SpatialOp.EQUALS, q)));
        assertEquals(List.of("touching"), names(PLOTS.id(), new Filter.Spatial(SpatialOp.TOUCHES, q)));
        assertEquals(List.of("overlapping"), names(PLOTS.id(), new Filter.Spatial(SpatialOp.OVERLAPS, q)));
        assertEquals(List.of("around", "equal", "inside", "touching"),
                names(PLOTS.id(), new Filter.Spatial(SpatialOp.CROSSES, line)));
        // The same through CQL2, with WKT, BBOX and the arguments either way round.
        assertEquals(List.of("corner", "equal", "inside"), names(PLOTS.id(), cql("S_WITHIN(geometry, " + qText + ")")));
        assertEquals(List.of("corner", "equal", "inside"),
                names(PLOTS.id(), cql("S_WITHIN(geometry, BBOX(121.0, 31.0, 121.1, 31.1))")));
        assertEquals(List.of("corner", "equal", "inside"), names(PLOTS.id(), cql("S_CONTAINS(" + qText + ", geometry)")));
        assertEquals(List.of("around", "equal", "inside"), names(PLOTS.id(), cql("S_CONTAINS(geometry, POINT(121.03 31.03))")));
        assertEquals(List.of("apart"), names(PLOTS.id(), cql("S_DISJOINT(geometry, " + qText + ")")));
        assertEquals(List.of("touching"), names(PLOTS.id(), cql("S_TOUCHES(geometry, " + qText + ")")));
        assertEquals(List.of("equal"), names(PLOTS.id(), cql("S_EQUALS(geometry, " + qText + ")")));
        assertEquals(List.of("overlapping"), names(PLOTS.id(), cql("S_OVERLAPS(geometry, " + qText + ")")));
        assertEquals(List.of("around", "equal", "inside", "touching"),
                names(PLOTS.id(), cql("S_CROSSES(geometry, LINESTRING(121.0 31.03, 121.2 31.03))")));
        assertEquals(List.of("apart", "around", "touching"), names(PLOTS.id(),
                cql("S_INTERSECTS(geometry, GEOMETRYCOLLECTION(POINT(121.305 31.305), LINESTRING(121.12 31.01, 121.13 31.02)))")));
        assertEquals(List.of("corner", "equal", "inside"), names(PLOTS.id(),
                cql("S_WITHIN(geometry, " + qText + ") AND NOT S_TOUCHES(geometry, " + qText + ")")));
        // JTS agrees with every answer above for the relations tested in Java.
        for (Map.Entry<String, Geometry> p : plots.entrySet()) {
            assertEquals(p.getValue().within(q), names(PLOTS.id(), new Filter.Spatial(SpatialOp.WITHIN, q)).contains(p.getKey()));
            assertEquals(p.getValue().crosses(line),
                    names(PLOTS.id(), new Filter.Spatial(SpatialOp.CROSSES, line)).contains(p.getKey()));
        }
    }

    static final LayerInfo EVENTS = new LayerInfo("test-events", Localized.of("测试事件", "Test events"),
            Localized.of("测试", "Test"), GeometryKind.POINT,
            List.of(PropertyDef.of("name", PropertyType.STRING, "名称", "Name"),
                    PropertyDef.of("started", PropertyType.DATE, "开始", "Started"),
                    PropertyDef.of("ended", PropertyType.DATE, "结束", "Ended")),
            "started", true, "test data", List.of());

    @Test
    void temporalFunctionsFollowTheirDefinitions() {
        tenPlots();
        assertEquals(4, store.count(PLOTS.id(), cql("T_AFTER(opened, DATE('2025-06-01'))")));
        assertEquals(2, store.count(PLOTS.id(), cql("T_BEFORE(opened, DATE('2022-06-01'))")));
        assertEquals(3, store.count(PLOTS.id(), cql("T_INTERSECTS(opened, INTERVAL('2021-01-01', '2023-06-01'))")));
        assertEquals(7, store.count(PLOTS.id(), cql("T_DISJOINT(opened, INTERVAL('2021-01-01', '2023-06-01'))")));
        assertEquals(1, store.count(PLOTS.id(), cql("T_EQUALS(opened, DATE('2024-06-01'))")));
        assertEquals(2, store.count(PLOTS.id(), cql("T_INTERSECTS(opened, INTERVAL('..', '2021-06-01'))")));
        assertEquals(0, store.count(PLOTS.id(), cql("T_AFTER(opened, INTERVAL('2025-01-01', '..'))")));
        assertEquals(3, store.count(PLOTS.id(), cql("T_AFTER(checked, TIMESTAMP('2024-01-01T06:30:00Z'))")));
        assertEquals(4, store.count(PLOTS.id(), cql("T_INTERSECTS(checked, INTERVAL('2024-01-01T01:00:00Z', '2024-01-01T04:00:00Z'))")));
        // A date against timestamps is its whole day.
        assertEquals(10, store.count(PLOTS.id(), cql("checked = DATE('2024-01-01')")));
        assertEquals(10, store.count(PLOTS.id(), cql("T_EQUALS(checked, DATE('2024-01-01'))")));
        assertEquals(0, store.count(PLOTS.id(), cql("checked > DATE('2024-01-01')")));
        assertEquals(10, store.count(PLOTS.id(), cql("checked <= DATE('2024-01-01')")));
        assertEquals(0, store.count(PLOTS.id(), cql("checked < DATE('2024-01-01')")));
        assertEquals(3, store.count(PLOTS.id(), cql("opened >= DATE('2027-01-01')")));
        assertEquals(3, store.count(PLOTS.id(), cql("opened BETWEEN DATE('2021-01-01') AND DATE('2023-12-31')")));

        store.createLayer(EVENTS);
        String[][] events = {
            {"e01", "2020-01-01", "2020-12-31"}, {"e02", "2020-06-01", "2021-06-01"}, {"e03", "2021-01-01", "2021-12-31"},
            {"e04", "2019-01-01", "2022-12-31"}, {"e05", "2020-01-01", null}, {"e06", "2020-01-01", "2020-06-01"},
            {"e07", "2020-03-01", "2020-09-30"}, {"e08", "2020-01-01", "2021-03-01"}, {"e09", "2020-07-01", "2020-12-31"},
            {"e10", "2019-07-01", "2020-12-31"}, {"e11", "2019-01-01", "2020-01-01"}, {"e12", "2020-12-31", "2021-06-30"},
            {"e13", "2019-06-01", "2020-06-01"}, {"e14", "2018-01-01", "2018-12-31"}};
        store.write("tester", w -> {
            for (String[] e : events) {
                w.insert(EVENTS.id(), new FeatureDraft(wkt("POINT (121 31)"), props("name", e[0], "started", e[1],
                        "ended", e[2])));
            }
            return null;
        });
        String y2020 = "INTERVAL('2020-01-01', '2020-12-31')";
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("T_EQUALS", List.of("e01"));
        expected.put("T_DURING", List.of("e07"));
        expected.put("T_CONTAINS", List.of("e04"));
        expected.put("T_STARTS", List.of("e06"));
        expected.put("T_STARTEDBY", List.of("e08"));
        expected.put("T_FINISHES", List.of("e09"));
        expected.put("T_FINISHEDBY", List.of("e10"));
        expected.put("T_MEETS", List.of("e11"));
        expected.put("T_METBY", List.of("e12"));
        expected.put("T_OVERLAPS", List.of("e13"));
        expected.put("T_OVERLAPPEDBY", List.of("e02"));
        expected.put("T_BEFORE", List.of("e14"));
        expected.put("T_AFTER", List.of("e03"));
        expected.put("T_DISJOINT", List.of("e03", "e14"));
        expected.put("T_INTERSECTS", List.of("e01", "e02", "e04", "e06", "e07", "e08", "e09", "e10", "e11", "e12", "e13"));
        expected.forEach((fn, names) -> assertEquals(names, names(EVENTS.id(),
                cql(EVENTS, fn + "(INTERVAL(started, ended), " + y2020 + ")")), fn));
        assertEquals(14, store.count(EVENTS.id(), cql(EVENTS, "T_INTERSECTS(INTERVAL(started, '..'), INTERVAL('2021-06-01', '2021-07-01'))")));
        assertEquals(List.of("e03", "e12"), names(EVENTS.id(), cql(EVENTS, "T_AFTER(INTERVAL(started, ended), DATE('2020-12-30'))")));
        assertEquals(List.of("e03", "e12"), names(EVENTS.id(), cql(EVENTS, "T_DURING(INTERVAL(started, ended), INTERVAL('2020-12-01', '..'))")));
        // Intervals-only functions refuse instants, as CQL2 requires; mixed granularities are refused too.
        assertThrows(Cql2Exception.class, () -> cql("T_DURING(opened, " + y2020 + ")"));
        assertThrows(Cql2Exception.class, () -> cql("T_AFTER(opened, TIMESTAMP('2024-01-01T00:00:00Z'))"));
        assertThrows(Cql2Exception.class, () -> cql("T_INTERSECTS(INTERVAL(opened, checked), " + y2020 + ")"));
    }

    @Test
    void caseInsensitiveComparisonFoldsAllOfUnicode() {
        store.write("tester", w -> {
            for (String n : List.of("København", "KØBENHAVN", "københavn", "Kiev", "Straße", "青浦")) {
                w.insert(PLOTS.id(), new FeatureDraft(square(121, 31, 0.01), props("name", n)));
            }
            return null;
        });
        assertEquals(3, store.count(PLOTS.id(), cql("CASEI(name) = CASEI('kØbenhavn')")));
        assertEquals(5, store.count(PLOTS.id(), cql("CASEI(name) <> casei('KIEV')")));
        assertEquals(4, store.count(PLOTS.id(), cql("CASEI(name) LIKE CASEI('K%')")));
        assertEquals(3, store.count(PLOTS.id(), cql("name LIKE 'K%'")));
        assertEquals(4, store.count(PLOTS.id(), cql("name ILIKE 'k%'")));
        assertEquals(2, store.count(PLOTS.id(), cql("CASEI(name) IN (CASEI('kiev'), CASEI('STRASSE'), casei('straSSE'), casei('青浦'))")));
        assertEquals(1, store.count(PLOTS.id(), cql("CASEI(name) IN (casei('STRAßE'))")));
        assertEquals(List.of("Kiev"), names(PLOTS.id(), new Filter.Compare("name", ComparisonOp.EQ, "KIEV", true)));
    }

    @Test
    void cql2ComparisonsGiveTheKnownFeatures() {
        List<Feature> plots = tenPlots();
        long first = plots.get(0).id();
        assertEquals(List.of(first + 2), ids(cql("name = 'p2'")));
        assertEquals(4, store.count(PLOTS.id(), cql("count >= 6")));
        assertEquals(3, store.count(PLOTS.id(), cql("value < 4")));
        assertEquals(5, store.count(PLOTS.id(), cql("active = true")));
        assertEquals(5, store.count(PLOTS.id(), cql("NOT active = true")));
        assertEquals(2, store.count(PLOTS.id(), cql("name IN ('p1', 'p7', 'none')")));
        assertEquals(3, store.count(PLOTS.id(), cql("count BETWEEN 2 AND 4")));
        assertEquals(7, store.count(PLOTS.id(), cql("count NOT BETWEEN 2 AND 4")));
        assertEquals(9, store.count(PLOTS.id(), cql("extra IS NULL")));
        assertEquals(1, store.count(PLOTS.id(), cql("extra IS NOT NULL")));
        assertEquals(3, store.count(PLOTS.id(), cql("name = 'p0' OR count > 7")));
        assertEquals(1, store.count(PLOTS.id(), cql("(name = 'p0' OR count > 7) AND active = true")));
        assertEquals(List.of(first + 4), ids(cql("id = " + (first + 4))));
        assertEquals(5, store.count(PLOTS.id(), cql("kind LIKE 'F%'")));
        assertEquals(0, store.count(PLOTS.id(), cql("name LIKE 'p\\_'")));
        assertEquals(10, store.count(PLOTS.id(), cql("name LIKE 'p_'")));
        assertEquals(0, store.count(PLOTS.id(), cql("name = 'x'' OR 1=1 --'")));
        assertEquals(0, store.count(PLOTS.id(), cql("TRUE AND FALSE")));
        assertEquals(10, store.count(PLOTS.id(), cql("TRUE")));
        // A boolean property alone is not a predicate in CQL2: compare it.
        assertThrows(Cql2Exception.class, () -> cql("NOT active"));
    }

    @Test
    void bboxFilterIsExactNotOnlyByEnvelope() {
        // An L-shaped plot whose envelope covers the box but whose area does not touch it.
        Feature l = insert(wkt("POLYGON ((121 31, 121.1 31, 121.1 31.01, 121.01 31.01, 121.01 31.1, 121 31.1, 121 31))"),
                props("name", "L"));
        Feature inside = insert(square(121.05, 31.05, 0.001), props("name", "inside"));
        Filter box = Filter.bbox(new Envelope(121.04, 121.07, 31.04, 31.07));
        assertEquals(List.of(inside.id()), ids(box));
        assertEquals(1, store.count(PLOTS.id(), box));
        assertEquals(List.of(l.id(), inside.id()), ids(Filter.bbox(new Envelope(120.99, 121.2, 30.99, 31.2))));
        assertEquals(List.of(), ids(Filter.bbox(new Envelope(100, 101, 10, 11))));
    }

    @Test
    void pagesAreStableAndOrderedById() {
        List<Feature> plots = tenPlots();
        List<Long> all = plots.stream().map(Feature::id).toList();
        List<Long> paged = new ArrayList<>();
        for (int offset = 0; offset < 10; offset += 3) {
            read(new FeatureQuery(Filter.ALL, offset, 3)).forEach(f -> paged.add(f.id()));
        }
        assertEquals(all, paged);
        assertEquals(List.of(), read(new FeatureQuery(Filter.ALL, 10, 5)));
    }

    @Test
    void replaceBumpsVersionAndStaleVersionIsRefusedWithNothingChanged() {
        Feature f = insert(square(120.9, 31.0, 0.01), props("name", "v1"));
        Feature v2 = store.write("alice", w -> w.replace(PLOTS.id(), f.id(),
                new FeatureDraft(square(120.9, 31.0, 0.02), props("name", "v2")), 1));
        assertEquals(2, v2.version());
        assertEquals(f.created(), v2.created());
        VersionConflictException conflict = assertThrows(VersionConflictException.class, () -> store.write("bob",
                w -> w.replace(PLOTS.id(), f.id(), new FeatureDraft(square(120.9, 31.0, 0.03), props("name", "v3")), 1)));
        assertEquals(2, conflict.actual());
        Feature now = store.feature(PLOTS.id(), f.id()).orElseThrow();
        assertEquals("v2", now.property("name"));
        assertEquals(2, now.version());
        assertThrows(NotFoundException.class, () -> store.write("bob", w -> w.replace(PLOTS.id(), 99999,
                new FeatureDraft(square(120.9, 31.0, 0.03), props()), FeatureWriter.ANY_VERSION)));
    }

    @Test
    void historyKeepsEveryVersionAuthorAndTheDelete() {
        Feature f = insert(square(120.9, 31.0, 0.01), props("name", "v1"));
        store.write("alice", w -> w.replace(PLOTS.id(), f.id(), new FeatureDraft(square(120.9, 31.0, 0.02),
                props("name", "v2")), FeatureWriter.ANY_VERSION));
        assertThrows(VersionConflictException.class, () -> store.write("bob", w -> {
            w.delete(PLOTS.id(), f.id(), 1);
            return null;
        }));
        store.write("bob", w -> {
            w.delete(PLOTS.id(), f.id(), 2);
            return null;
        });
        assertTrue(store.feature(PLOTS.id(), f.id()).isEmpty());
        List<FeatureVersion> h = store.history(PLOTS.id(), f.id());
        assertEquals(List.of(1L, 2L, 3L), h.stream().map(FeatureVersion::version).toList());
        assertEquals(List.of(FeatureVersion.Operation.INSERT, FeatureVersion.Operation.UPDATE,
                FeatureVersion.Operation.DELETE), h.stream().map(FeatureVersion::operation).toList());
        assertEquals(List.of("tester", "alice", "bob"), h.stream().map(FeatureVersion::author).toList());
        assertEquals("v1", h.get(0).state().property("name"));
        assertTrue(h.get(1).state().geometry().equalsExact(square(120.9, 31.0, 0.02), 1e-9));
        assertNull(h.get(2).state());
    }

    @Test
    void aFailedTransactionWritesNothing() {
        tenPlots();
        assertThrows(IllegalStateException.class, () -> store.write("tester", w -> {
            w.insert(PLOTS.id(), new FeatureDraft(square(121.5, 31.5, 0.01), props("name", "lost")));
            throw new IllegalStateException("caller gave up");
        }));
        InvalidGeometryException bad = assertThrows(InvalidGeometryException.class, () -> store.write("tester", w -> {
            w.insert(PLOTS.id(), new FeatureDraft(square(121.5, 31.5, 0.01), props("name", "lost too")));
            // A bow tie: its two edges cross at (121.55, 31.55).
            w.insert(PLOTS.id(), new FeatureDraft(wkt("POLYGON ((121.5 31.5, 121.6 31.6, 121.6 31.5, 121.5 31.6, 121.5 31.5))"),
                    props()));
            return null;
        }));
        assertEquals("self-intersection", bad.fault().code());
        assertEquals(121.55, bad.fault().location().x, 1e-9);
        assertEquals(31.55, bad.fault().location().y, 1e-9);
        assertEquals(10, store.count(PLOTS.id(), Filter.ALL));
        assertEquals(0, store.count(PLOTS.id(), new Filter.Like("name", "lost%", false)));
        // And the store keeps working after a failure.
        insert(square(121.5, 31.5, 0.01), props("name", "after"));
        assertEquals(11, store.count(PLOTS.id(), Filter.ALL));
    }

    @Test
    void badPropertiesAreRefusedWithTheReason() {
        InvalidFeatureException unknown = assertThrows(InvalidFeatureException.class,
                () -> insert(square(120.9, 31.0, 0.01), props("nmae", "typo")));
        assertTrue(unknown.getMessage().contains("nmae"), unknown.getMessage());
        InvalidFeatureException type = assertThrows(InvalidFeatureException.class,
                () -> insert(square(120.9, 31.0, 0.01), props("count", "many")));
        assertTrue(type.getMessage().contains("count") && type.getMessage().contains("integer"), type.getMessage());
        assertThrows(InvalidGeometryException.class, () -> insert(square(200, 31.0, 0.01), props()));
        assertEquals(0, store.count(PLOTS.id(), Filter.ALL));
    }

    @Test
    void valuesAreBoundNeverPastedIntoSql() {
        tenPlots();
        String attack = "x'; DROP TABLE test_plots; --";
        assertEquals(0, store.count(PLOTS.id(), new Filter.Compare("name", ComparisonOp.EQ, attack)));
        assertEquals(0, store.count(PLOTS.id(), new Filter.Like("name", attack, true)));
        Feature stored = insert(square(121, 31, 0.01), props("name", attack));
        assertEquals(attack, store.feature(PLOTS.id(), stored.id()).orElseThrow().property("name"));
        assertEquals(11, store.count(PLOTS.id(), Filter.ALL));
        assertThrows(IllegalArgumentException.class,
                () -> store.count(PLOTS.id(), new Filter.Compare("name\" OR 1=1 --", ComparisonOp.EQ, "x")));
    }

    @Test
    void extentFollowsWrites() {
        assertNull(store.extent(PLOTS.id()).bbox());
        tenPlots();
        LayerExtent e = store.extent(PLOTS.id());
        // Engines may round an extent outward (the SQLite R-tree keeps 32-bit floats): within 1e-4 degree.
        assertEquals(120.90, e.bbox().getMinX(), 1e-4);
        assertEquals(120.995, e.bbox().getMaxX(), 1e-4);
        assertTrue(e.bbox().getMinX() <= 120.90 && e.bbox().getMaxX() >= 120.995, "never smaller than the data");
        assertEquals(Instant.parse("2020-06-01T00:00:00Z"), e.begin());
        assertEquals(Instant.parse("2029-06-01T00:00:00Z"), e.end());
        insert(square(121.5, 31.5, 0.01), props("name", "far"));
        assertEquals(121.51, store.extent(PLOTS.id()).bbox().getMaxX(), 1e-4);
    }

    @Test
    void restoreKeepsIdsVersionsTimesAndHistory() throws Exception {
        Feature f = insert(square(120.9, 31.0, 0.01), props("name", "v1"));
        store.write("alice", w -> w.replace(PLOTS.id(), f.id(), new FeatureDraft(square(120.9, 31.0, 0.02),
                props("name", "v2")), 1));
        Feature current = store.feature(PLOTS.id(), f.id()).orElseThrow();
        List<FeatureVersion> history = store.history(PLOTS.id(), f.id());
        LayerStore other = newSecondStore();
        if (other == null) return;
        try {
            other.createLayer(PLOTS);
            other.write("mover", w -> {
                w.restore(PLOTS, current, history);
                return null;
            });
            Feature moved = other.feature(PLOTS.id(), f.id()).orElseThrow();
            assertEquals(current.version(), moved.version());
            assertEquals(current.created(), moved.created());
            assertEquals(current.updated(), moved.updated());
            assertEquals(current.properties(), moved.properties());
            List<FeatureVersion> movedHistory = other.history(PLOTS.id(), f.id());
            assertEquals(history.size(), movedHistory.size());
            for (int i = 0; i < history.size(); i++) {
                assertEquals(history.get(i).author(), movedHistory.get(i).author());
                assertEquals(history.get(i).at(), movedHistory.get(i).at());
                assertEquals(history.get(i).state().properties(), movedHistory.get(i).state().properties());
            }
            // New features continue after the restored ids.
            Feature next = other.write("x", w -> w.insert(PLOTS.id(), new FeatureDraft(square(121, 31, 0.01), props())));
            assertTrue(next.id() > f.id());
        } finally {
            other.close();
            dropSecondStore();
        }
    }

    /** A second empty store of the same engine, for moving data; null to skip. */
    protected LayerStore newSecondStore() throws Exception {
        return null;
    }

    protected void dropSecondStore() throws Exception {}

    @Test
    void cursorsReturnTheirConnections() {
        tenPlots();
        for (int i = 0; i < 200; i++) {
            try (StoreCursor<Feature> c = store.query(PLOTS.id(), new FeatureQuery(Filter.ALL, 0, 3))) {
                assertTrue(c.hasNext());
                c.next();
            }
        }
        // Fully drained cursors close themselves too.
        for (int i = 0; i < 200; i++) assertEquals(10, read(Filter.ALL).size());
        store.ping();
    }

    @Test
    void readersAndAWriterRunAtOnce() throws Exception {
        tenPlots();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> reads = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                reads.add(pool.submit(() -> {
                    long seen = 0;
                    for (int k = 0; k < 50; k++) seen += store.count(PLOTS.id(), Filter.ALL);
                    return seen;
                }));
            }
            Future<?> writes = pool.submit(() -> {
                for (int k = 0; k < 50; k++) insert(square(121.2 + k * 0.001, 31.2, 0.0005), props("name", "w" + k));
            });
            writes.get();
            for (Future<Long> r : reads) assertTrue(r.get() >= 500, "every read saw at least the first ten");
        } finally {
            pool.shutdown();
        }
        assertEquals(60, store.count(PLOTS.id(), Filter.ALL));
    }

    @Test
    void racingWritersOnOneFeatureLeaveExactlyOneWinner() throws Exception {
        Feature f = insert(square(120.9, 31.0, 0.01), props("name", "v1"));
        int writers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String name = "writer" + i;
                outcomes.add(pool.submit(() -> {
                    go.await();
                    try {
                        store.write(name, w -> w.replace(PLOTS.id(), f.id(),
                                new FeatureDraft(square(120.9, 31.0, 0.02), props("name", name)), 1));
                        return "won";
                    } catch (VersionConflictException e) {
                        return "lost";
                    }
                }));
            }
            go.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> o : outcomes) results.add(o.get());
            assertEquals(1, results.stream().filter("won"::equals).count(), results.toString());
        } finally {
            pool.shutdown();
        }
        Feature now = store.feature(PLOTS.id(), f.id()).orElseThrow();
        assertEquals(2, now.version());
        assertEquals(2, store.history(PLOTS.id(), f.id()).size());
        assertEquals(now.property("name"), store.history(PLOTS.id(), f.id()).get(1).author());
    }

    @Test
    void aLayersWholeHistoryStreamsInOrder() {
        List<Feature> plots = tenPlots();
        store.write("editor", w -> {
            w.delete(PLOTS.id(), plots.get(3).id(), 1);
            return w.replace(PLOTS.id(), plots.get(1).id(), new FeatureDraft(square(121, 31, 0.01), props("name", "moved")), 1);
        });
        List<FeatureVersion> all = new ArrayList<>();
        try (StoreCursor<FeatureVersion> rows = store.historyOf(PLOTS.id())) {
            rows.forEachRemaining(all::add);
        }
        assertEquals(12, all.size());
        for (int i = 1; i < all.size(); i++) {
            FeatureVersion a = all.get(i - 1);
            FeatureVersion b = all.get(i);
            assertTrue(a.featureId() < b.featureId() || (a.featureId() == b.featureId() && a.version() < b.version()));
        }
        assertEquals(FeatureVersion.Operation.DELETE, all.stream().filter(v -> v.featureId() == plots.get(3).id())
                .reduce((x, y) -> y).orElseThrow().operation());
    }

    @Test
    void droppingALayerRemovesItsFeaturesAndHistory() {
        tenPlots();
        store.dropLayer(PLOTS.id());
        assertEquals(List.of("test-areas"), store.layers().stream().map(LayerInfo::id).toList());
        assertThrows(NotFoundException.class, () -> store.count(PLOTS.id(), Filter.ALL));
        store.createLayer(PLOTS);
        assertEquals(0, store.count(PLOTS.id(), Filter.ALL));
        try (StoreCursor<FeatureVersion> rows = store.historyOf(PLOTS.id())) {
            assertFalse(rows.hasNext(), "no history left from the dropped layer");
        }
        assertThrows(NotFoundException.class, () -> store.dropLayer("nope"));
    }

    @Test
    void annotationsChangeDerivedValuesWithoutANewVersion() {
        List<Feature> plots = tenPlots();
        store.write("estimator", w -> {
            for (Feature f : plots) w.annotate(PLOTS.id(), f.id(), props("value", f.id() * 10.0, "kind", "estimated"));
            return null;
        });
        Feature f = store.feature(PLOTS.id(), plots.get(4).id()).orElseThrow();
        assertEquals(plots.get(4).id() * 10.0, f.property("value"));
        assertEquals("estimated", f.property("kind"));
        assertEquals("p4", f.property("name"), "other properties stay");
        assertEquals(1, f.version());
        assertEquals(1, store.history(PLOTS.id(), f.id()).size());
        assertEquals(10, store.count(PLOTS.id(), new Filter.Compare("kind", ComparisonOp.EQ, "estimated")));
        assertThrows(InvalidFeatureException.class, () -> store.write("estimator", w -> {
            w.annotate(PLOTS.id(), plots.get(0).id(), props("nope", 1.0));
            return null;
        }));
        assertThrows(NotFoundException.class, () -> store.write("estimator", w -> {
            w.annotate(PLOTS.id(), 999_999, props("value", 1.0));
            return null;
        }));
    }

    @Test
    void areasAreSummedByGroupAndClassWithFractionsWeightsAndZones() {
        store.write("loader", w -> {
            w.insert(PLOTS.id(), new FeatureDraft(square(120.90, 31.0, 0.01), props("name", "g1", "kind", "x", "value", 100.0,
                    "count", 1L)));
            w.insert(PLOTS.id(), new FeatureDraft(square(120.92, 31.0, 0.01), props("name", "g1", "kind", "y", "value", 200.0,
                    "count", 2L, "extra", Map.of("x", 0.25, "y", 0.75))));
            w.insert(PLOTS.id(), new FeatureDraft(square(120.94, 31.0, 0.01), props("name", "g2", "kind", "x", "value", 50.0)));
            w.insert(PLOTS.id(), new FeatureDraft(square(120.96, 31.0, 0.01), props("name", "g2", "kind", "x")));
            w.insert(AREAS.id(), new FeatureDraft(wkt("POLYGON ((120.895 30.99, 120.925 30.99, 120.925 31.02, 120.895 31.02,"
                    + " 120.895 30.99))"), props("name", "z1")));
            return null;
        });
        Map<String, AreaSum> byGroup = new java.util.HashMap<>();
        for (AreaSum a : store.sumAreas(PLOTS.id(), new AreaSumQuery(Filter.ALL, "name", null, null, "kind", "extra", "value",
                "count"))) {
            byGroup.put(a.group() + "/" + a.cls(), a);
        }
        assertEquals(java.util.Set.of("g1/x", "g1/y", "g2/x"), byGroup.keySet());
        assertEquals(150, byGroup.get("g1/x").areaM2(), 1e-9);
        assertEquals(200, byGroup.get("g1/x").weightedM2(), 1e-9);
        assertEquals(150, byGroup.get("g1/x").weightKnownM2(), 1e-9);
        assertEquals(1.25, byGroup.get("g1/x").features(), 1e-9);
        assertEquals(150, byGroup.get("g1/y").areaM2(), 1e-9);
        assertEquals(300, byGroup.get("g1/y").weightedM2(), 1e-9);
        assertEquals(50, byGroup.get("g2/x").areaM2(), 1e-9);
        assertEquals(0, byGroup.get("g2/x").weightKnownM2(), 1e-9);
        Map<String, AreaSum> byZone = new java.util.HashMap<>();
        for (AreaSum a : store.sumAreas(PLOTS.id(), new AreaSumQuery(Filter.ALL, null, AREAS.id(), "name", "kind", "extra",
                "value", null))) {
            byZone.put(a.group() + "/" + a.cls(), a);
        }
        // The zone covers the first plot and the western half of the second.
        assertEquals(java.util.Set.of("z1/x", "z1/y"), byZone.keySet());
        assertEquals(100 + 200 * 0.5 * 0.25, byZone.get("z1/x").areaM2(), 1e-3);
        assertEquals(200 * 0.5 * 0.75, byZone.get("z1/y").areaM2(), 1e-3);
        // Filters apply.
        List<AreaSum> onlyG2 = store.sumAreas(PLOTS.id(), new AreaSumQuery(new Filter.Compare("name", ComparisonOp.EQ, "g2"),
                "name", null, null, "kind", "extra", "value", null));
        assertEquals(1, onlyG2.size());
    }

    @Test
    void areasAreSplitByStratumPropertiesAsText() {
        store.write("loader", w -> {
            w.insert(PLOTS.id(), new FeatureDraft(square(120.90, 31.0, 0.01), props("name", "g1", "kind", "x", "value", 100.0,
                    "opened", java.time.LocalDate.of(2020, 5, 1))));
            w.insert(PLOTS.id(), new FeatureDraft(square(120.92, 31.0, 0.01), props("name", "g1", "kind", "x", "value", 40.0,
                    "opened", java.time.LocalDate.of(2020, 5, 1), "count", 7L)));
            w.insert(PLOTS.id(), new FeatureDraft(square(120.94, 31.0, 0.01), props("name", "g1", "kind", "x", "value", 60.0)));
            return null;
        });
        Map<String, AreaSum> byStratum = new java.util.HashMap<>();
        for (AreaSum a : store.sumAreas(PLOTS.id(), new AreaSumQuery(Filter.ALL, "name", null, null, "kind", null, "value", null,
                List.of("opened", "count")))) {
            byStratum.put(a.stratum().toString(), a);
        }
        // Dates as ISO text, numbers as their text, a missing value as null, whatever the engine.
        assertEquals(java.util.Set.of("[2020-05-01, null]", "[2020-05-01, 7]", "[null, null]"), byStratum.keySet());
        assertEquals(100, byStratum.get("[2020-05-01, null]").areaM2(), 1e-9);
        assertEquals(40, byStratum.get("[2020-05-01, 7]").areaM2(), 1e-9);
        assertEquals(60, byStratum.get("[null, null]").areaM2(), 1e-9);
    }

    @Test
    void propertiesAddedToALayerAreEmptyInItsFeaturesAndThenWritable() {
        long id = store.write("loader", w -> w.insert(PLOTS.id(), new FeatureDraft(square(120.90, 31.0, 0.01),
                props("name", "kept", "value", 2.5)))).id();
        store.addProperties(PLOTS.id(), List.of(PropertyDef.of("since", PropertyType.DATE, "起始", "Since"),
                PropertyDef.of("name", PropertyType.STRING, "名称", "Name")));
        LayerInfo changed = store.layer(PLOTS.id()).orElseThrow();
        assertEquals(PLOTS.properties().size() + 1, changed.properties().size(), "a property it had is not added twice");
        Feature before = store.feature(PLOTS.id(), id).orElseThrow();
        assertEquals("kept", before.property("name"));
        assertEquals(null, before.property("since"));
        assertEquals(1, before.version());
        store.write("editor", w -> w.replace(PLOTS.id(), id, new FeatureDraft(before.geometry(), props("name", "kept",
                "since", java.time.LocalDate.of(2021, 3, 4))), 1));
        assertEquals(java.time.LocalDate.of(2021, 3, 4), store.feature(PLOTS.id(), id).orElseThrow().property("since"));
        assertThrows(IllegalArgumentException.class, () -> store.addProperties(PLOTS.id(),
                List.of(PropertyDef.of("value", PropertyType.STRING, "值", "Value"))));
        assertThrows(NotFoundException.class, () -> store.addProperties("nope", List.of()));
    }

    @Test
    void unknownLayerIsNotFound() {
        assertThrows(NotFoundException.class, () -> store.count("nope", Filter.ALL));
        assertThrows(NotFoundException.class, () -> store.query("nope", FeatureQuery.all()));
        NotFoundException e = assertThrows(NotFoundException.class, () -> store.write("x",
                w -> w.insert("nope", new FeatureDraft(square(1, 1, 1), props()))));
        assertInstanceOf(StoreException.class, e);
        assertFalse(e.getMessage().isEmpty());
    }

    @Test
    void serviceRecordsAreAppendedInOrderAndKeptWithTheirTransaction() {
        ServiceRecord first = store.appendRecord("api-key", Map.of("name", "青浦 officer", "roles", List.of("officer")),
                "admin");
        ServiceRecord second = store.appendRecord("target-report", Map.of("value", 0.82, "date", "2024-12-31"), "ann");
        ServiceRecord third = store.appendRecord("api-key", Map.of("revokes", first.id()), "admin");
        assertTrue(first.id() < second.id() && second.id() < third.id());
        List<ServiceRecord> keys = store.records("api-key");
        assertEquals(List.of(first.id(), third.id()), keys.stream().map(ServiceRecord::id).toList());
        assertEquals("青浦 officer", keys.get(0).body().get("name"));
        assertEquals(List.of("officer"), keys.get(0).body().get("roles"));
        assertEquals("admin", keys.get(0).author());
        assertEquals(first.at(), keys.get(0).at());
        assertEquals(0.82, ((Number) store.records("target-report").get(0).body().get("value")).doubleValue(), 1e-12);
        assertEquals(3, store.records(null).size());
        assertTrue(store.records("nothing-yet").isEmpty());

        // A record appended in a transaction that fails is gone with it, as are the features.
        assertThrows(IllegalStateException.class, () -> store.write("ann", w -> {
            w.insert(PLOTS.id(), new FeatureDraft(square(1, 1, 1), props()));
            w.appendRecord("audit", Map.of("what", "half a change"));
            throw new IllegalStateException("fails after both");
        }));
        assertTrue(store.records("audit").isEmpty());
        assertEquals(0, store.count(PLOTS.id(), Filter.ALL));
        assertThrows(IllegalArgumentException.class, () -> store.appendRecord("Not A Slug", Map.of(), "x"));
    }

    @Test
    void listenersReadTheNewStateAndMayHandWorkToOtherThreads() throws Exception {
        assertEquals(0, store.count(PLOTS.id(), Filter.ALL), "a count taken before, so that a cache holds it");
        List<Long> counted = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            store.addChangeListener(change -> {
                counted.add(store.count(PLOTS.id(), Filter.ALL));
                // A listener that waits on a read from another thread (a tile cache refilling) must not block.
                try {
                    counted.add(other.submit(() -> store.count(PLOTS.id(), Filter.ALL)).get(10, java.util.concurrent.TimeUnit.SECONDS));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            store.write("ann", w -> w.insert(PLOTS.id(), new FeatureDraft(square(1, 1, 1), props())));
            assertEquals(List.of(1L, 1L), counted, "the listener saw the feature just written");
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void committedWritesTellListenersTheBoxesTheyTouched() {
        List<StoreChange> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        store.addChangeListener(seen::add);
        Feature a = store.write("ann", w -> w.insert(PLOTS.id(), new FeatureDraft(square(1, 1, 1), props())));
        assertEquals(1, seen.size());
        assertEquals(PLOTS.id(), seen.get(0).layerId());
        assertEquals(List.of(new Envelope(1, 2, 1, 2)), seen.get(0).areas());

        seen.clear();
        store.write("ann", w -> w.replace(PLOTS.id(), a.id(), new FeatureDraft(square(5, 5, 1), props()), 1));
        assertEquals(List.of(new Envelope(1, 2, 1, 2), new Envelope(5, 6, 5, 6)), seen.get(0).areas(), "old and new boxes");

        seen.clear();
        store.write("ann", w -> {
            w.annotate(PLOTS.id(), a.id(), Map.of("value", 2.5));
            return null;
        });
        assertEquals(List.of(new Envelope(5, 6, 5, 6)), seen.get(0).areas());

        seen.clear();
        assertThrows(IllegalStateException.class, () -> store.write("ann", w -> {
            w.delete(PLOTS.id(), a.id(), FeatureWriter.ANY_VERSION);
            throw new IllegalStateException("rolled back");
        }));
        assertTrue(seen.isEmpty(), "nothing is told of a write that was rolled back");

        store.write("ann", w -> {
            w.delete(PLOTS.id(), a.id(), 2);
            return null;
        });
        assertEquals(List.of(new Envelope(5, 6, 5, 6)), seen.get(0).areas());

        seen.clear();
        store.updateLayer(PLOTS.withPublished(false));
        assertTrue(seen.get(0).isWholeLayer());
    }

    @Test
    void bigEnoughInKeepsWhatAMapCanShowFromTheIndex() {
        List<Long> ids = store.write("t", w -> List.of(
                w.insert(AREAS.id(), new FeatureDraft(square(120.10, 31.10, 0.001), Map.of("name", "speck"))).id(),
                w.insert(AREAS.id(), new FeatureDraft(square(120.20, 31.10, 0.01), Map.of("name", "field"))).id(),
                w.insert(AREAS.id(), new FeatureDraft(square(120.30, 31.10, 0.1), Map.of("name", "lake"))).id(),
                w.insert(AREAS.id(), new FeatureDraft(square(125.00, 31.10, 0.1), Map.of("name", "far away"))).id()));
        List<Long> found = new ArrayList<>();
        try (StoreCursor<Feature> c = store.query(AREAS.id(), FeatureQuery.of(new Filter.BigEnoughIn(
                new Envelope(120.0, 121.0, 31.0, 31.5), 0.005, 0.005)))) {
            c.forEachRemaining(f -> found.add(f.id()));
        }
        assertEquals(List.of(ids.get(1), ids.get(2)), found, "big enough and in the box");
        // Wide or high is enough; and the box is the only place asked about.
        Geometry thin = wkt("POLYGON ((120.5 31.2, 120.6 31.2, 120.6 31.2001, 120.5 31.2001, 120.5 31.2))");
        long thinId = store.write("t", w -> w.insert(AREAS.id(), new FeatureDraft(thin, Map.of("name", "dyke")))).id();
        assertEquals(3, store.count(AREAS.id(), new Filter.BigEnoughIn(new Envelope(120.0, 121.0, 31.0, 31.5), 0.005, 0.005)));
        assertEquals(1, store.count(AREAS.id(), Filter.and(new Filter.Compare("id", ComparisonOp.EQ, thinId),
                new Filter.BigEnoughIn(new Envelope(120.55, 120.56, 31.0, 31.5), 0.05, 0.05))));
    }

    @Test
    void bigEnoughInAlwaysKeepsPointsWhereverTheyLie() {
        store.createLayer(EVENTS);
        // 121.113 is not a float32: an index that rounds boxes outwards makes the point's box a little wide.
        store.write("t", w -> w.insert(EVENTS.id(), new FeatureDraft(wkt("POINT (121.113 31.0123)"), Map.of("name", "site"))));
        assertEquals(1, store.count(EVENTS.id(), new Filter.BigEnoughIn(new Envelope(121.0, 121.2, 31.0, 31.1), 0.001, 0.001)));
    }
}
