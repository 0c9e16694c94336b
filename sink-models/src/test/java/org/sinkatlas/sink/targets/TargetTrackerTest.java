package org.sinkatlas.sink.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKBWriter;
import org.sinkatlas.layers.demo.DemoDataset;
import org.sinkatlas.layers.demo.DemoReports;
import org.sinkatlas.layers.model.Feature;
import org.sinkatlas.layers.store.FeatureQuery;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.ServiceRecord;
import org.sinkatlas.layers.store.StoreCursor;
import org.sinkatlas.layers.store.geopackage.GeoPackageStore;
import org.sinkatlas.layers.store.postgis.PostgisSettings;
import org.sinkatlas.layers.testing.DemoStores;
import org.sinkatlas.layers.testing.TestPostgis;

/**
 * The targets measured on the demo data, on both store engines, against an independent computation: the same
 * features loaded into plain PostGIS tables and measured there in SQL ({@code ST_Intersection},
 * {@code ST_Length} and {@code ST_Area} on geography, {@code ST_PointOnSurface}), with the as-of rule and the
 * scope written in SQL too.
 */
class TargetTrackerTest {

    static final List<String> DATES = List.of("2020-12-31", "2022-06-30", "2023-07-01", "2023-12-31", "2024-12-31",
            "2026-12-01");
    static final List<String> LAYERS = List.of("greenways", "forests", "parks", "pv-sites", "energy-sites",
            "vertical-greening", "low-energy-buildings", "eco-cycle-sites", "low-carbon-factories");

    static TargetCatalog catalog = TargetCatalog.builtIn();
    static TargetTracker gpkg;
    static TargetTracker pg;
    static PostgisSettings schema;
    static Connection sql;

    @BeforeAll
    static void load() throws Exception {
        gpkg = new TargetTracker(DemoStores.geopackage(), catalog, TargetReportsTest.CLOCK);
        pg = new TargetTracker(DemoStores.postgis(), catalog, TargetReportsTest.CLOCK);
        schema = TestPostgis.freshSchema();
        sql = DriverManager.getConnection(schema.jdbcUrl(), schema.user(), schema.password());
        try (Statement st = sql.createStatement()) {
            st.execute("CREATE SCHEMA \"" + schema.schema() + "\"");
            st.execute("SET search_path TO \"" + schema.schema() + "\", public");
            st.execute("CREATE TABLE f (layer text, id bigint, name text, kind text, status text, completed date,"
                    + " started date, capacity double precision, area_m2 double precision, geom geometry(Geometry, 4326))");
            st.execute("CREATE TABLE s (layer text, name text, geom geometry(Geometry, 4326))");
        }
        LayerStore demo = DemoStores.geopackage();
        WKBWriter wkb = new WKBWriter(2);
        try (PreparedStatement ins = sql.prepareStatement("INSERT INTO f VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ST_GeomFromWKB(?, 4326))")) {
            for (String layer : LAYERS) {
                try (StoreCursor<Feature> c = demo.query(layer, FeatureQuery.all())) {
                    while (c.hasNext()) {
                        Feature f = c.next();
                        ins.setString(1, layer);
                        ins.setLong(2, f.id());
                        ins.setString(3, (String) f.property("name"));
                        ins.setObject(4, f.property("kind"));
                        ins.setString(5, (String) f.property("status"));
                        ins.setObject(6, sqlDate(f.property("completed")));
                        ins.setObject(7, sqlDate(f.property("started")));
                        ins.setObject(8, f.property("capacity_mw"));
                        ins.setObject(9, f.property("area_m2"));
                        ins.setBytes(10, wkb.write(f.geometry()));
                        ins.addBatch();
                    }
                }
                ins.executeBatch();
            }
        }
        try (PreparedStatement ins = sql.prepareStatement("INSERT INTO s VALUES (?, ?, ST_GeomFromWKB(?, 4326))")) {
            for (String layer : List.of("districts", "key-zones")) {
                try (StoreCursor<Feature> c = demo.query(layer, FeatureQuery.all())) {
                    while (c.hasNext()) {
                        Feature f = c.next();
                        ins.setString(1, layer);
                        ins.setString(2, (String) f.property("name"));
                        ins.setBytes(3, wkb.write(f.geometry()));
                        ins.addBatch();
                    }
                }
            }
            ins.executeBatch();
        }
        try (Statement st = sql.createStatement()) {
            st.execute("INSERT INTO s SELECT 'zone', NULL, ST_Union(geom) FROM s WHERE layer = 'districts'");
        }
    }

    @AfterAll
    static void drop() throws Exception {
        sql.close();
        TestPostgis.dropSchema(schema);
    }

    private static Date sqlDate(Object v) {
        return v == null ? null : Date.valueOf((LocalDate) v);
    }

    private static double query(String select, Object... params) throws Exception {
        try (PreparedStatement ps = sql.prepareStatement(select)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getDouble(1);
            }
        }
    }

    /** The scope's geometry in SQL. */
    private static String scope(Scope s) {
        if (s.kind() == Scope.Kind.ZONE) return "(SELECT geom FROM s WHERE layer = 'zone')";
        return "(SELECT geom FROM s WHERE layer = '" + s.layer() + "' AND name = '" + s.name() + "')";
    }

    private static final String BUILT = " AND status = 'built' AND completed <= ?";

    /** What PostGIS says a target's value is on a date (a part's, when {@code part} is given). */
    private static double expected(Target t, Scope scope, Date on) throws Exception {
        String sc = scope(scope);
        String inScope = " AND ST_Covers(" + sc + ", ST_PointOnSurface(geom))";
        switch (t.id()) {
            case "greenway-km":
                return query("SELECT coalesce(sum(ST_Length(ST_Intersection(geom, " + sc + ")::geography)), 0) / 1000"
                        + " FROM f WHERE layer = 'greenways'" + BUILT, on);
            case "forest-cover":
                return query("SELECT 100 * coalesce(sum(ST_Area(ST_Intersection(geom, " + sc + ")::geography)), 0)"
                        + " / (SELECT ST_Area(" + sc + "::geography)) FROM f WHERE layer = 'forests'" + BUILT, on);
            case "blue-pearl-shoreline":
                return query("SELECT 100 * sum(CASE WHEN status = 'built' AND completed <= ? THEN ST_Length(ST_Intersection("
                        + "geom, " + sc + ")::geography) ELSE 0 END) / sum(ST_Length(ST_Intersection(geom, " + sc
                        + ")::geography)) FROM f WHERE layer = 'greenways' AND name LIKE '蓝色珠链%'", on);
            case "vertical-greening-m2":
                return query("SELECT coalesce(sum(area_m2), 0) FROM f WHERE layer = 'vertical-greening'" + BUILT + inScope, on);
            case "rural-parks":
                return query("SELECT count(*) FROM f WHERE layer = 'parks' AND kind = 'rural'" + BUILT + inScope, on);
            case "pv-added-mw":
                return query("SELECT coalesce(sum(capacity), 0) FROM f WHERE layer = 'pv-sites' AND completed > '2020-12-31'"
                        + BUILT + inScope, on);
            case "pv-35mw-fishery":
                return query("SELECT coalesce(sum(capacity), 0) FROM f WHERE layer = 'pv-sites' AND name LIKE '普洛斯%'"
                        + " AND status IN ('under_construction', 'built') AND started <= ?" + inScope, on);
            case "eco-cycle-bases":
                return query("SELECT count(*) FROM f WHERE layer = 'eco-cycle-sites' AND kind = 'base'" + BUILT + inScope, on);
            case "eco-cycle-town":
                return query("SELECT count(*) FROM f WHERE layer = 'eco-cycle-sites' AND kind = 'town'" + BUILT + inScope, on);
            case "low-carbon-factories":
                return query("SELECT count(*) FROM f WHERE layer = 'low-carbon-factories'" + BUILT + inScope, on);
            case "smart-energy-stations":
                return query("SELECT count(*) FROM f WHERE layer = 'energy-sites' AND kind = 'smart-energy-station'" + BUILT
                        + inScope, on);
            case "hsr-energy-stations":
                return query("SELECT count(*) FROM f WHERE layer = 'energy-sites' AND kind = 'integrated-energy-station'"
                        + BUILT + inScope, on);
            case "ultra-low-energy-buildings":
                return query("SELECT count(*) FROM f WHERE layer = 'low-energy-buildings' AND completed > '2023-12-31'" + BUILT
                        + inScope, on);
            default:
                throw new AssertionError("no independent computation for " + t.id());
        }
    }

    private static void near(double expected, double actual, String what) {
        assertEquals(expected, actual, Math.max(Math.abs(expected) * 0.005, 1e-9), what);
    }

    @Test
    void everySpatialMeasureAgreesWithPostgisOnEveryDateAndBothEngines() throws Exception {
        int checked = 0;
        for (String day : DATES) {
            LocalDate asOf = LocalDate.parse(day);
            Map<String, TargetProgress> a = byId(gpkg.all(asOf));
            Map<String, TargetProgress> b = byId(pg.all(asOf));
            for (Target t : catalog.all()) {
                if (!t.isSpatial()) continue;
                TargetProgress p = a.get(t.id());
                assertNull(p.problem(), t.id());
                boolean each = t.parts() != null && t.parts().rule() == Parts.Rule.EACH;
                double sum = 0;
                if (t.parts() != null) {
                    for (PartProgress part : p.parts()) {
                        double e = expected(t, part.part().scope(), Date.valueOf(asOf));
                        near(e, part.standing().value(), t.id() + "/" + part.part().id() + " on " + day);
                        sum += e;
                    }
                }
                double whole = each ? sum : expected(t, t.scope(), Date.valueOf(asOf));
                near(whole, p.standing().value(), t.id() + " on " + day);
                // Both engines give the same features, so the same numbers.
                assertEquals(p.standing().value(), b.get(t.id()).standing().value(), 1e-9, t.id() + " engines");
                assertEquals(p.standing().status(), b.get(t.id()).standing().status(), t.id());
                assertEquals(p.countedIds(), b.get(t.id()).countedIds(), t.id());
                checked++;
            }
        }
        assertEquals(13 * DATES.size(), checked, "13 spatial targets on each date");
    }

    @Test
    void lengthsAreClippedToTheScopeAndCountOnlyWhatWasBuiltByTheDate() throws Exception {
        Target greenways = catalog.find("greenway-km").orElseThrow();
        Date y2023 = Date.valueOf("2023-12-31");
        // The Yuandang shoreline path runs in Qingpu and Wujiang: unclipped, the built lines are much longer.
        double unclipped = query("SELECT sum(ST_Length(geom::geography)) / 1000 FROM f WHERE layer = 'greenways'" + BUILT
                + " AND ST_Intersects(geom, " + scope(greenways.scope()) + ")", y2023);
        TargetProgress p = gpkg.progress(greenways, LocalDate.of(2023, 12, 31));
        assertTrue(unclipped > p.standing().value() * 1.3, unclipped + " km unclipped, " + p.standing().value() + " km in Qingpu");
        // The features that count are those PostGIS selects by the same rule.
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = sql.prepareStatement("SELECT id FROM f WHERE layer = 'greenways'" + BUILT
                + " AND ST_Length(ST_Intersection(geom, " + scope(greenways.scope()) + ")::geography) > 0 ORDER BY id")) {
            ps.setDate(1, y2023);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) ids.add(rs.getLong(1));
            }
        }
        assertEquals(ids, p.countedIds());
        // Built later, planned or under construction: in scope, listed, not counted.
        Map<Counted, Integer> why = new HashMap<>();
        for (Contribution c : p.features()) why.merge(c.counted(), 1, Integer::sum);
        assertEquals(Map.of(Counted.YES, 4, Counted.LATER, 1, Counted.NOT_BUILT, 2), why);
        // The 2023 point of today's history is the 2023 answer.
        TargetProgress now = gpkg.progress(greenways, LocalDate.of(2026, 12, 1));
        YearPoint y = now.history().stream().filter(h -> h.year() == 2023).findFirst().orElseThrow();
        assertEquals(p.standing().value(), y.value(), 1e-9);
        assertEquals(LocalDate.of(2020, 12, 31), now.history().get(0).date(), "from the baseline year");
        YearPoint last = now.history().get(now.history().size() - 1);
        assertEquals(LocalDate.of(2026, 12, 1), last.date(), "the year asked ends on the date asked");
        assertEquals(0, now.start().value(), 1e-9, "no greenway was built in Qingpu by 2020");
    }

    @Test
    void everyTargetAnswersAndTheDemoIsPartlyMet() {
        Map<String, TargetProgress> today = byId(gpkg.all(gpkg.today()));
        for (String id : TargetLoaderTest.PLAN_SUMMARY) assertTrue(today.containsKey(id), id);
        // The demo's state on 2026-12-01, after the plan's 2025 deadlines: a believable mix.
        Map<String, Object[]> state = new LinkedHashMap<>();
        state.put("greenway-km", new Object[] {29.27, TargetStatus.BEHIND});
        state.put("vertical-greening-m2", new Object[] {37800.0, TargetStatus.BEHIND});
        state.put("rural-parks", new Object[] {6.0, TargetStatus.BEHIND});
        state.put("forest-cover", new Object[] {9.39, TargetStatus.BEHIND});
        state.put("pv-added-mw", new Object[] {978.0, TargetStatus.BEHIND});
        state.put("pv-35mw-fishery", new Object[] {35.0, TargetStatus.ACHIEVED});
        state.put("new-energy-bus", new Object[] {91.2, TargetStatus.ACHIEVED});
        state.put("green-travel", new Object[] {80.6, TargetStatus.BEHIND});
        state.put("waste-sorting", new Object[] {96.9, TargetStatus.ACHIEVED});
        state.put("eco-cycle-bases", new Object[] {6.0, TargetStatus.BEHIND});
        state.put("eco-cycle-town", new Object[] {0.0, TargetStatus.BEHIND});
        state.put("low-carbon-factories", new Object[] {4.0, TargetStatus.BEHIND});
        state.put("smart-energy-stations", new Object[] {2.0, TargetStatus.ON_TRACK});
        state.put("hsr-energy-stations", new Object[] {3.0, TargetStatus.ON_TRACK});
        state.put("ultra-low-energy-buildings", new Object[] {2.0, TargetStatus.ON_TRACK});
        state.put("blue-pearl-shoreline", new Object[] {100.0, TargetStatus.ACHIEVED});
        state.put("water-living-room-2030", new Object[] {0.9, TargetStatus.ON_TRACK});
        assertEquals(state.keySet(), today.keySet());
        for (Map.Entry<String, Object[]> e : state.entrySet()) {
            Standing s = today.get(e.getKey()).standing();
            assertEquals((double) e.getValue()[0], s.value(), 0.01, e.getKey());
            assertEquals(e.getValue()[1], s.status(), e.getKey());
        }
        for (TargetProgress p : today.values()) {
            if (!p.target().isSpatial() || p.standing().status() == TargetStatus.ACHIEVED) continue;
            // Not met yet, but with work in the pipeline: features in scope that do not count yet.
            assertTrue(p.features().stream().anyMatch(c -> !c.counts()), p.target().id() + " has nothing pending");
        }
        // Each part of a target met only by its parts: Qingpu has its two factories, the others one each.
        TargetProgress factories = today.get("low-carbon-factories");
        assertEquals(List.of(TargetStatus.ACHIEVED, TargetStatus.BEHIND, TargetStatus.BEHIND),
                factories.parts().stream().map(x -> x.standing().status()).toList());
        assertEquals(100 * 4 / 6.0, factories.standing().percent(), 1e-9);
    }

    @Test
    void reportedTargetsReadTheirStandingReports() {
        TargetProgress bus2023 = gpkg.progress(catalog.find("new-energy-bus").orElseThrow(), LocalDate.of(2023, 12, 31));
        assertEquals(76.4, bus2023.standing().value(), 1e-9, "the corrected 2023 figure");
        assertEquals(TargetStatus.ON_TRACK, bus2023.standing().status());
        assertEquals(6, bus2023.reports().size(), "five figures and a correction, the corrected one kept");
        assertEquals(1, bus2023.reports().stream().filter(r -> !r.stands()).count());
        assertEquals(new DatedValue(LocalDate.of(2021, 12, 31), 66.0), bus2023.start(), "no baseline: the first report");
        TargetProgress before = gpkg.progress(catalog.find("green-travel").orElseThrow(), LocalDate.of(2021, 6, 30));
        assertNull(before.standing().value());
        assertEquals(TargetStatus.NO_DATA, before.standing().status());
        TargetProgress mid = gpkg.progress(catalog.find("green-travel").orElseThrow(), LocalDate.of(2024, 6, 30));
        assertEquals(LocalDate.of(2023, 12, 31), mid.standing().valueDate(), "the latest figure on or before the date");
        List<YearPoint> history = mid.history();
        assertEquals(2021, history.get(0).year());
        assertEquals(75.9, history.get(2).value(), 1e-9);
        assertNull(history.get(3).value(), "no 2024 figure by 2024-06-30");
        assertEquals(85, history.get(history.size() - 1).expected(), 1e-9, "the trajectory reaches the target in 2025");
    }

    @Test
    void theDemoReportsPassTheRulesAPostedReportMust() throws Exception {
        List<ServiceRecord> demo = DemoStores.geopackage().records(TargetReports.KIND);
        assertEquals(DemoReports.count(), demo.size());
        assertEquals(TargetReports.KIND, DemoReports.KIND);
        try (LayerStore empty = GeoPackageStore.open(Files.createTempDirectory("replay").resolve("r.gpkg"))) {
            TargetReports replay = new TargetReports(empty, catalog, TargetReportsTest.CLOCK);
            Map<Long, Long> ids = new HashMap<>();
            for (ServiceRecord r : demo) {
                Map<String, Object> body = new LinkedHashMap<>(r.body());
                String target = (String) body.remove("target");
                assertEquals(Boolean.TRUE, body.remove("synthetic"));
                assertEquals(DemoDataset.AUTHOR, r.author());
                if (body.containsKey("corrects")) body.put("corrects", ids.get(((Number) body.get("corrects")).longValue()));
                ids.put(r.id(), replay.post(target, body, r.author(), null).id());
            }
            assertEquals(demo.size(), empty.records(TargetReports.KIND).size());
        }
    }

    @Test
    void aStoreWithoutTheLayersAnswersNoDataWithTheReason() throws Exception {
        try (LayerStore empty = GeoPackageStore.open(Files.createTempDirectory("empty").resolve("e.gpkg"))) {
            TargetTracker t = new TargetTracker(empty, catalog, TargetReportsTest.CLOCK);
            List<TargetProgress> all = t.all(t.today());
            assertEquals(catalog.all().size(), all.size());
            for (TargetProgress p : all) {
                assertEquals(TargetStatus.NO_DATA, p.standing().status(), p.target().id());
                if (p.target().isSpatial()) {
                    assertNotNull(p.problem(), p.target().id());
                    assertTrue(p.problem().en().startsWith("the store has no layer"), p.problem().en());
                } else {
                    assertNull(p.problem());
                }
            }
        }
    }

    private static Map<String, TargetProgress> byId(List<TargetProgress> all) {
        Map<String, TargetProgress> m = new LinkedHashMap<>();
        for (TargetProgress p : all) m.put(p.target().id(), p);
        return m;
    }
}
