package org.sinkatlas.sink.targets;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.ServiceRecord;

/**
 * The figures officers report for the targets that are not spatial, kept as append-only service records of
 * kind {@value #KIND}: a report is never changed or removed; a correction is a new report naming the one it
 * corrects, which then no longer stands. Every rule is checked before anything is written, so a refused
 * report leaves the store as it was.
 *
 * <p>Rules: the target exists and is reported; the body has {@code value} (a JSON number in the target's
 * range, e.g. 0..100 for a share), {@code date} (YYYY-MM-DD, not after today in China and not before
 * {@value #EARLIEST}), {@code source} (where the figure comes from), optionally {@code note} and
 * {@code corrects} (the id of a standing report of the same target). A second figure for a date that has one
 * must be a correction. Posts are serialised within this service, so the check and the append cannot
 * interleave.
 */
public final class TargetReports {

    /** The service-record kind of reports. */
    public static final String KIND = "target-report";
    /** No report may be dated before this. */
    public static final String EARLIEST = "2000-01-01";

    static final int MAX_SOURCE = 500;
    static final int MAX_NOTE = 2000;
    private static final Set<String> KEYS = Set.of("value", "date", "source", "note", "corrects");

    private final LayerStore store;
    private final TargetCatalog catalog;
    private final Clock clock;

    /** @param clock gives "today"; its zone should be {@link TargetCatalog#PLAN_TIME} */
    public TargetReports(LayerStore store, TargetCatalog catalog, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Today in the clock's zone. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Checks a report and appends it.
     *
     * @param body     the report as parsed from JSON: value, date, source, note, corrects
     * @param author   who posts it (a name for people), kept with it
     * @param authorId the id of the poster's key or account, kept with it, or null
     * @throws ReportRefusedException with the reason; nothing is stored then
     */
    public synchronized TargetReport post(String targetId, Map<String, ?> body, String author, String authorId) {
        Target target = catalog.find(targetId).orElseThrow(() -> new ReportRefusedException(
                ReportRefusedException.Reason.UNKNOWN_TARGET, "there is no target '" + targetId + "'; see /targets"));
        if (target.isSpatial()) {
            throw new ReportRefusedException(ReportRefusedException.Reason.NOT_REPORTED, "target " + targetId
                    + " is measured from the " + target.measure().layer() + " layer and takes no reports; edit the"
                    + " layer's features instead");
        }
        if (author == null || author.isBlank()) throw invalid("a report needs the name of who posts it");
        Set<String> unknown = new TreeSet<>(body.keySet());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) throw invalid("unknown field(s) " + unknown + "; a report has " + new TreeSet<>(KEYS));
        double value = value(body.get("value"), target);
        LocalDate date = date(body.get("date"));
        String source = text(body.get("source"), "source", MAX_SOURCE, true);
        String note = text(body.get("note"), "note", MAX_NOTE, false);
        Long corrects = corrects(body.get("corrects"));

        List<TargetReport> existing = of(targetId);
        if (corrects != null) {
            TargetReport corrected = existing.stream().filter(r -> r.id() == corrects).findFirst().orElseThrow(() ->
                    invalid("corrects: report " + corrects + " is not a report of " + targetId));
            if (!corrected.stands()) {
                throw invalid("corrects: report " + corrects + " was corrected already by report " + corrected.correctedBy()
                        + "; correct that one instead");
            }
        }
        for (TargetReport r : existing) {
            if (r.stands() && r.date().equals(date) && !Long.valueOf(r.id()).equals(corrects)) {
                throw new ReportRefusedException(ReportRefusedException.Reason.CONFLICT, "a figure for " + date
                        + " was reported already (report " + r.id() + ", value " + r.value() + "); to change it, post a"
                        + " correction with \"corrects\": " + r.id());
            }
        }
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("target", targetId);
        stored.put("value", value);
        stored.put("date", date.toString());
        stored.put("source", source);
        if (note != null) stored.put("note", note);
        if (corrects != null) stored.put("corrects", corrects);
        if (authorId != null) stored.put("author_id", authorId);
        return parse(store.appendRecord(KIND, stored, author));
    }

    /** Every report of a target, oldest first, each marked with the report that corrects it, if any. */
    public List<TargetReport> of(String targetId) {
        return byTarget().getOrDefault(targetId, List.of());
    }

    /** Every report, by target, read in one go. */
    public Map<String, List<TargetReport>> byTarget() {
        List<TargetReport> all = new ArrayList<>();
        for (ServiceRecord r : store.records(KIND)) {
            TargetReport report = parse(r);
            if (report != null) all.add(report);
        }
        Map<Long, Long> correctedBy = new HashMap<>();
        for (TargetReport r : all) {
            if (r.corrects() != null) correctedBy.putIfAbsent(r.corrects(), r.id());
        }
        Map<String, List<TargetReport>> out = new LinkedHashMap<>();
        for (TargetReport r : all) {
            Long by = correctedBy.get(r.id());
            out.computeIfAbsent(r.target(), k -> new ArrayList<>()).add(by == null ? r : r.correctedBy(by));
        }
        return out;
    }

    /** A stored record as a report; null for a record that lacks what a report has. */
    private static TargetReport parse(ServiceRecord r) {
        Map<String, Object> b = r.body();
        if (!(b.get("target") instanceof String target) || !(b.get("value") instanceof Number value)
                || !(b.get("date") instanceof String date)) {
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            return null;
        }
        Object corrects = b.get("corrects");
        return new TargetReport(r.id(), target, value.doubleValue(), day, (String) b.get("source"), (String) b.get("note"),
                corrects instanceof Number n ? n.longValue() : null, null, Boolean.TRUE.equals(b.get("synthetic")),
                r.author(), r.at());
    }

    // ------------------------------------------------------------------------------------------------

    private static double value(Object v, Target target) {
        if (v == null) throw invalid("value is missing");
        if (!(v instanceof Number n) || v instanceof Boolean) {
            throw invalid("value must be a number, not " + (v instanceof String s ? "the text \"" + s + "\"" : v));
        }
        double d = n.doubleValue();
        if (!Double.isFinite(d)) throw invalid("value must be a finite number");
        Reported range = target.reported();
        if (!range.contains(d)) {
            throw invalid("value " + d + " is outside the range of " + target.id() + " (" + fmt(range.min()) + " to "
                    + fmt(range.max()) + (target.unit() == Unit.PERCENT ? " %" : "") + ")");
        }
        return d;
    }

    private LocalDate date(Object v) {
        if (v == null) throw invalid("date is missing (YYYY-MM-DD, the day the figure stands for)");
        if (!(v instanceof String s)) throw invalid("date must be a text YYYY-MM-DD, not " + v);
        LocalDate d;
        try {
            d = LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw invalid("date '" + s + "' is not a date (YYYY-MM-DD)");
        }
        LocalDate today = today();
        if (d.isAfter(today)) throw invalid("date " + d + " is in the future (today is " + today + " in China)");
        if (d.isBefore(LocalDate.parse(EARLIEST))) throw invalid("date " + d + " is before " + EARLIEST);
        return d;
    }

    private static String text(Object v, String name, int max, boolean required) {
        if (v == null) {
            if (required) throw invalid(name + " is missing (say where the figure comes from)");
            return null;
        }
        if (!(v instanceof String s)) throw invalid(name + " must be a text");
        if (s.isBlank()) {
            if (required) throw invalid(name + " is empty");
            return null;
        }
        if (s.length() > max) throw invalid(name + " has " + s.length() + " characters; at most " + max);
        return s.strip();
    }

    private static Long corrects(Object v) {
        if (v == null) return null;
        if (v instanceof Number n && !(v instanceof Double || v instanceof Float) && n.longValue() > 0) return n.longValue();
        if (v instanceof Double d && d == Math.rint(d) && d > 0) return d.longValue();
        throw invalid("corrects must be the id of an earlier report (a whole number), not " + v);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static ReportRefusedException invalid(String message) {
        return new ReportRefusedException(ReportRefusedException.Reason.INVALID, message);
    }
}
