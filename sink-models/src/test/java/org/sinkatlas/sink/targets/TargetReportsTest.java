package org.sinkatlas.sink.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.geopackage.GeoPackageStore;

/** Posting reported figures: what is kept, and what is refused with nothing stored. */
class TargetReportsTest {

    /** 2026-12-01 08:30 in China, still 2026-11-30 in UTC. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:30:00Z"), TargetCatalog.PLAN_TIME);

    @TempDir
    Path dir;
    LayerStore store;
    TargetReports reports;

    @BeforeEach
    void open() {
        store = GeoPackageStore.open(dir.resolve("reports.gpkg"));
        reports = new TargetReports(store, TargetCatalog.builtIn(), CLOCK);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static Map<String, Object> body(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    private int stored() {
        return store.records(TargetReports.KIND).size();
    }

    @Test
    void aReportIsKeptWithWhoPostedItAndTodayInChinaIsNotTheFuture() {
        assertEquals(LocalDate.of(2026, 12, 1), reports.today());
        TargetReport r = reports.post("new-energy-bus", body("value", 88, "date", "2026-12-01", "source",
                "示范区交通统计年报 2026", "note", "  preliminary  "), "officer-qingpu", "k7f3");
        assertEquals(88.0, r.value(), 0);
        assertEquals(LocalDate.of(2026, 12, 1), r.date());
        assertEquals("officer-qingpu", r.author());
        assertEquals("preliminary", r.note());
        assertFalse(r.synthetic());
        assertEquals(1, stored());
        Map<String, Object> kept = store.records(TargetReports.KIND).get(0).body();
        assertEquals("new-energy-bus", kept.get("target"));
        assertEquals("2026-12-01", kept.get("date"));
        assertEquals("officer-qingpu", store.records(TargetReports.KIND).get(0).author());
        assertEquals("k7f3", kept.get("author_id"), "the poster's key is kept too");
        assertEquals(List.of(r.id()), reports.of("new-energy-bus").stream().map(TargetReport::id).toList());
        assertTrue(reports.of("green-travel").isEmpty());
    }

    static List<Object[]> refused() {
        return List.of(
            new Object[] {"nope", body("value", 80, "date", "2024-12-31", "source", "s"),
                ReportRefusedException.Reason.UNKNOWN_TARGET, "there is no target 'nope'"},
            new Object[] {"greenway-km", body("value", 30, "date", "2024-12-31", "source", "s"),
                ReportRefusedException.Reason.NOT_REPORTED, "measured from the greenways layer"},
            new Object[] {"new-energy-bus", body("value", "85", "date", "2024-12-31", "source", "s"),
                ReportRefusedException.Reason.INVALID, "value must be a number, not the text \"85\""},
            new Object[] {"new-energy-bus", body("value", true, "date", "2024-12-31", "source", "s"),
                ReportRefusedException.Reason.INVALID, "value must be a number"},
            new Object[] {"new-energy-bus", body("date", "2024-12-31", "source", "s"),
                ReportRefusedException.Reason.INVALID, "value is missing"},
            new Object[] {"new-energy-bus", body("value", 100.5, "date", "2024-12-31", "source", "s"),
                ReportRefusedException.Reason.INVALID, "value 100.5 is outside the range of new-energy-bus (0 to 100 %)"},
            new Object[] {"new-energy-bus", body("value", -1, "date", "2024-12-31", "source", "s"),
                ReportRefusedException.Reason.INVALID, "outside the range"},
            new Object[] {"new-energy-bus", body("value", 80, "date", "2026-12-02", "source", "s"),
                ReportRefusedException.Reason.INVALID, "date 2026-12-02 is in the future (today is 2026-12-01 in China)"},
            new Object[] {"new-energy-bus", body("value", 80, "date", "2024-02-30", "source", "s"),
                ReportRefusedException.Reason.INVALID, "'2024-02-30' is not a date"},
            new Object[] {"new-energy-bus", body("value", 80, "date", "1999-12-31", "source", "s"),
                ReportRefusedException.Reason.INVALID, "before 2000-01-01"},
            new Object[] {"new-energy-bus", body("value", 80, "date", "2024-12-31"),
                ReportRefusedException.Reason.INVALID, "source is missing"},
            new Object[] {"new-energy-bus", body("value", 80, "date", "2024-12-31", "source", "  "),
                ReportRefusedException.Reason.INVALID, "source is empty"},
            new Object[] {"new-energy-bus", body("value", 80, "date", "2024-12-31", "source", "s", "author", "me"),
                ReportRefusedException.Reason.INVALID, "unknown field(s) [author]"},
            new Object[] {"new-energy-bus", body("value", 80, "date", "2024-12-31", "source", "s", "corrects", 999),
                ReportRefusedException.Reason.INVALID, "report 999 is not a report of new-energy-bus"},
            new Object[] {"new-energy-bus", body("value", 80, "date", "2024-12-31", "source", "s", "corrects", 1.5),
                ReportRefusedException.Reason.INVALID, "corrects must be the id of an earlier report"},
            new Object[] {"water-living-room-2030", body("value", 120, "date", "2024-12-31", "source", "s"),
                ReportRefusedException.Reason.INVALID, "(-100 to 100 %)"});
    }

    @ParameterizedTest
    @MethodSource("refused")
    void aBadReportIsRefusedWithTheReasonAndNothingIsStored(String target, Map<String, Object> body,
            ReportRefusedException.Reason reason, String message) {
        reports.post("new-energy-bus", body("value", 70, "date", "2023-12-31", "source", "earlier"), "officer", null);
        ReportRefusedException e = assertThrows(ReportRefusedException.class, () -> reports.post(target, body, "officer", null));
        assertEquals(reason, e.reason());
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertEquals(1, stored(), "only the earlier report is kept");
    }

    @Test
    void aSecondFigureForADateMustBeACorrectionAndCorrectionsChain() {
        TargetReport first = reports.post("green-travel", body("value", 76.0, "date", "2024-12-31", "source", "年报"), "a", null);
        ReportRefusedException twice = assertThrows(ReportRefusedException.class, () -> reports.post("green-travel",
                body("value", 77.0, "date", "2024-12-31", "source", "年报"), "b", null));
        assertEquals(ReportRefusedException.Reason.CONFLICT, twice.reason());
        assertTrue(twice.getMessage().contains("\"corrects\": " + first.id()), twice.getMessage());
        assertEquals(1, stored());

        TargetReport fix = reports.post("green-travel", body("value", 77.0, "date", "2024-12-31", "source", "修订年报",
                "corrects", first.id()), "b", null);
        assertEquals(first.id(), fix.corrects());
        List<TargetReport> all = reports.of("green-travel");
        assertEquals(2, all.size(), "the corrected report is kept");
        assertEquals(fix.id(), all.get(0).correctedBy());
        assertFalse(all.get(0).stands());
        assertTrue(all.get(1).stands());
        assertEquals(76.0, all.get(0).value(), 0, "and unchanged");

        ReportRefusedException again = assertThrows(ReportRefusedException.class, () -> reports.post("green-travel",
                body("value", 78.0, "date", "2024-12-31", "source", "s", "corrects", first.id()), "c", null));
        assertTrue(again.getMessage().contains("was corrected already by report " + fix.id()), again.getMessage());
        ReportRefusedException otherTarget = assertThrows(ReportRefusedException.class, () -> reports.post("waste-sorting",
                body("value", 96.0, "date", "2024-12-31", "source", "s", "corrects", fix.id()), "c", null));
        assertTrue(otherTarget.getMessage().contains("is not a report of waste-sorting"), otherTarget.getMessage());
        TargetReport fixOfFix = reports.post("green-travel", body("value", 77.5, "date", "2024-12-31", "source", "s",
                "corrects", fix.id()), "c", null);
        assertNull(reports.of("green-travel").get(2).correctedBy());
        assertEquals(fixOfFix.id(), reports.of("green-travel").get(1).correctedBy());
        assertEquals(3, stored());
    }

    @Test
    void recordsOfOtherKindsAndUnreadableOnesAreLeftAlone() {
        store.appendRecord("api-key", Map.of("name", "x"), "admin");
        store.appendRecord(TargetReports.KIND, new HashMap<>(Map.of("target", "green-travel")), "old");
        assertTrue(reports.byTarget().isEmpty());
    }
}
