package org.sinkatlas.sink.targets;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sinkatlas.layers.model.Localized;
import org.sinkatlas.layers.store.LayerStore;

/**
 * The progress of the plan's targets on a date, from the store as it is now: spatial targets are measured
 * from their layers ({@link LayerMeasure}), reported ones read from their reports ({@link TargetReports}).
 *
 * <p>The as-of rule: a feature counts on a date when its status is one its measure counts (built, unless
 * said) and its date (completion, unless said) is on or before that date; so the same question asked for
 * 2023-12-31 counts only what was built by then. A reported target's value on a date is its latest standing
 * report dated on or before it.
 *
 * <p>Status: {@code achieved} once the final milestone is met; otherwise {@code behind} once the final
 * deadline has passed; otherwise the value is compared with the trajectory on the value's date: at or above it
 * {@code on_track}, short by at most the plan's margin (a share of the way from the trajectory's start to the
 * final target) {@code at_risk}, further short {@code behind}; a held level is judged against the level
 * itself. Without a figure, {@code no_data}. A target whose parts must each be met takes the worst of its
 * parts.
 *
 * <p>Safe to call from many threads; each call reads the features and reports afresh (the scopes' shapes are
 * kept until their layers change, see {@link ScopeAreas}).
 */
public final class TargetTracker {

    private final LayerStore store;
    private final TargetCatalog catalog;
    private final TargetReports reports;
    private final ScopeAreas scopes;

    /** @param clock gives "today"; its zone should be {@link TargetCatalog#PLAN_TIME} */
    public TargetTracker(LayerStore store, TargetCatalog catalog, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.reports = new TargetReports(store, catalog, clock);
        this.scopes = new ScopeAreas(store);
    }

    /** The plan and its targets as loaded at start. */
    public TargetCatalog catalog() {
        return catalog;
    }

    /** The reported (non-spatial) figures, posted and corrected by officers. */
    public TargetReports reports() {
        return reports;
    }

    /** Today by the tracker's clock (in the plan's time zone), the latest date a report or an {@code asOf} may name. */
    public LocalDate today() {
        return reports.today();
    }

    /**
     * The date to answer for: today when null.
     *
     * @throws IllegalArgumentException for a date after today: the map holds what is built, not forecasts
     */
    public LocalDate asOf(LocalDate date) {
        LocalDate today = today();
        if (date == null) return today;
        if (date.isAfter(today)) {
            throw new IllegalArgumentException("asOf " + date + " is after today (" + today + " in China); progress is"
                    + " known up to today");
        }
        return date;
    }

    /** Every target's progress on a date, as the public sees it (see {@link #all(LocalDate, boolean)}). */
    public List<TargetProgress> all(LocalDate asOf) {
        return all(asOf, false);
    }

    /**
     * Every target's progress on a date.
     *
     * @param draftsVisible whether the caller may see draft layers; when not, a target measured from one (or
     *                      scoped by one) has no data, so nothing of a draft shows through a target
     */
    public List<TargetProgress> all(LocalDate asOf, boolean draftsVisible) {
        Map<String, List<TargetReport>> byTarget = reports.byTarget();
        List<TargetProgress> out = new ArrayList<>();
        for (Target t : catalog.all()) out.add(evaluate(t, asOf, byTarget.getOrDefault(t.id(), List.of()), draftsVisible));
        return out;
    }

    /** One target's progress on a date, as the public sees it. */
    public TargetProgress progress(Target target, LocalDate asOf) {
        return progress(target, asOf, false);
    }

    /** One target's progress on a date; {@code draftsVisible} as for {@link #all(LocalDate, boolean)}. */
    public TargetProgress progress(Target target, LocalDate asOf, boolean draftsVisible) {
        return evaluate(target, asOf, target.isSpatial() ? List.of() : reports.of(target.id()), draftsVisible);
    }

    private TargetProgress evaluate(Target t, LocalDate asOf, List<TargetReport> reported, boolean draftsVisible) {
        if (!t.isSpatial()) return reportedProgress(t, asOf, reported);
        try {
            if (!draftsVisible) requirePublished(t);
            return measuredProgress(t, asOf);
        } catch (UnmeasurableException e) {
            Milestone due = t.due(asOf);
            Standing none = new Standing(null, null, due, null, null, TargetStatus.NO_DATA);
            return new TargetProgress(t, asOf, null, null, none, List.of(), List.of(), List.of(), List.of(), e.reason());
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Measured targets

    /** @throws UnmeasurableException when a layer the target is measured or scoped from is a draft */
    private void requirePublished(Target t) {
        List<String> layers = new ArrayList<>(List.of(t.measure().layer(), t.scope().layer()));
        if (t.parts() != null) t.parts().of().forEach(p -> layers.add(p.scope().layer()));
        for (String id : layers) {
            if (store.layer(id).map(l -> !l.published()).orElse(false)) {
                throw new UnmeasurableException(Localized.of("图层 " + id + " 尚未发布", "layer " + id + " is not published"));
            }
        }
    }

    private TargetProgress measuredProgress(Target t, LocalDate asOf) {
        double margin = catalog.plan().atRiskMargin();
        Parts parts = t.parts();
        List<PartProgress> partProgress = new ArrayList<>();
        Map<Long, Contribution> partFeatures = new LinkedHashMap<>();
        if (parts != null) {
            Milestone fin = t.finalMilestone();
            for (Parts.Part p : parts.of()) {
                ScopeArea area = scopes.of(p.scope());
                Measured m = LayerMeasure.measure(store, t.measure(), area, t.baseline().date());
                List<Milestone> milestones = List.of(new Milestone(fin.by(), p.value()));
                DatedValue start = new DatedValue(t.baseline().date(), m.value(t.baseline().date()));
                Trajectory trajectory = new Trajectory(t.trajectory(), start, milestones);
                Standing s = assess(t, milestones, trajectory, margin, m.value(asOf), asOf, asOf);
                partProgress.add(new PartProgress(p, area.label(), start, s, measuredHistory(m, trajectory, asOf, fin)));
                for (Contribution c : m.contributions(asOf)) partFeatures.putIfAbsent(c.feature().id(), c);
            }
        }
        if (parts != null && parts.rule() == Parts.Rule.EACH) {
            List<Contribution> features = new ArrayList<>(partFeatures.values());
            features.sort(Comparator.comparingLong(c -> c.feature().id()));
            return eachProgress(t, asOf, partProgress, features);
        }
        ScopeArea area = scopes.of(t.scope());
        Measured m = LayerMeasure.measure(store, t.measure(), area, t.baseline().date());
        double startValue = t.baseline().value() != null ? t.baseline().value() : m.value(t.baseline().date());
        DatedValue start = new DatedValue(t.baseline().date(), startValue);
        Trajectory trajectory = new Trajectory(t.trajectory(), start, t.milestones());
        Standing s = assess(t, t.milestones(), trajectory, margin, m.value(asOf), asOf, asOf);
        return new TargetProgress(t, asOf, area.label(), start, s, measuredHistory(m, trajectory, asOf, t.finalMilestone()),
                partProgress, m.contributions(asOf), List.of(), null);
    }

    /** A target met only when each part is: the sum of the parts, with the worst part's status. */
    private TargetProgress eachProgress(Target t, LocalDate asOf, List<PartProgress> parts, List<Contribution> features) {
        double value = 0;
        double expected = 0;
        double capped = 0;
        double startValue = 0;
        TargetStatus status = TargetStatus.ACHIEVED;
        for (PartProgress p : parts) {
            Standing s = p.standing();
            value += s.value();
            expected += s.expected();
            capped += Math.min(s.value(), p.part().value());
            startValue += p.start().value();
            status = status.worse(s.status());
        }
        Milestone due = t.finalMilestone();
        Double percent = due.value() > 0 ? 100 * capped / due.value() : null;
        Standing whole = new Standing(value, asOf, due, percent, expected, status);
        List<YearPoint> history = new ArrayList<>();
        for (int i = 0; i < parts.get(0).history().size(); i++) {
            YearPoint first = parts.get(0).history().get(i);
            Double v = first.value() == null ? null : 0.0;
            double e = 0;
            for (PartProgress p : parts) {
                YearPoint y = p.history().get(i);
                if (v != null) v += y.value();
                e += y.expected();
            }
            history.add(new YearPoint(first.year(), first.date(), v, e));
        }
        return new TargetProgress(t, asOf, scopes.label(t.scope()), new DatedValue(t.baseline().date(), startValue), whole,
                history, parts, features, List.of(), null);
    }

    /** Year-end values from the baseline year to the date asked, and the trajectory up to the final deadline. */
    private static List<YearPoint> measuredHistory(Measured m, Trajectory trajectory, LocalDate asOf, Milestone fin) {
        List<YearPoint> out = new ArrayList<>();
        int last = Math.max(asOf.getYear(), fin.by().getYear());
        for (int year = trajectory.start().date().getYear(); year <= last; year++) {
            LocalDate end = LocalDate.of(year, 12, 31);
            LocalDate date = end.isAfter(asOf) && year == asOf.getYear() ? asOf : end;
            Double value = date.isAfter(asOf) ? null : m.value(date);
            out.add(new YearPoint(year, date, value, trajectory.at(date)));
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------
    // Reported targets

    private TargetProgress reportedProgress(Target t, LocalDate asOf, List<TargetReport> all) {
        List<TargetReport> standing = all.stream().filter(TargetReport::stands)
                .sorted(Comparator.comparing(TargetReport::date).thenComparingLong(TargetReport::id)).toList();
        DatedValue start = null;
        if (t.baseline().value() != null) start = new DatedValue(t.baseline().date(), t.baseline().value());
        else if (!standing.isEmpty()) start = new DatedValue(standing.get(0).date(), standing.get(0).value());
        TargetReport latest = null;
        for (TargetReport r : standing) {
            if (!r.date().isAfter(asOf)) latest = r;
        }
        Trajectory trajectory = start == null ? null : new Trajectory(t.trajectory(), start, t.milestones());
        Standing s;
        if (latest == null) {
            s = new Standing(null, null, t.due(asOf), null, trajectory == null ? null : trajectory.at(asOf),
                    TargetStatus.NO_DATA);
        } else {
            s = assess(t, t.milestones(), trajectory, catalog.plan().atRiskMargin(), latest.value(), latest.date(), asOf);
        }
        List<YearPoint> history = new ArrayList<>();
        if (start != null) {
            int last = Math.max(asOf.getYear(), t.finalMilestone().by().getYear());
            for (int year = start.date().getYear(); year <= last; year++) {
                LocalDate end = LocalDate.of(year, 12, 31);
                LocalDate date = end.isAfter(asOf) && year == asOf.getYear() ? asOf : end;
                Double value = null;
                for (TargetReport r : standing) {
                    if (r.date().getYear() == year && !r.date().isAfter(asOf)) value = r.value();
                }
                history.add(new YearPoint(year, date, value, trajectory.at(date)));
            }
        }
        return new TargetProgress(t, asOf, scopes.label(t.scope()), start, s, history, List.of(), List.of(), all, null);
    }

    // ------------------------------------------------------------------------------------------------
    // Status

    /**
     * Where a value stands against milestones and a trajectory.
     *
     * @param valueDate the date the value stands for (the trajectory is read there)
     * @param asOf      the date asked (deadlines are judged there)
     */
    static Standing assess(Target t, List<Milestone> milestones, Trajectory trajectory, double margin, double value,
            LocalDate valueDate, LocalDate asOf) {
        Milestone fin = milestones.get(milestones.size() - 1);
        Milestone due = fin;
        for (Milestone m : milestones) {
            if (!m.by().isBefore(asOf)) {
                due = m;
                break;
            }
        }
        Direction d = t.direction();
        double expected = trajectory.at(valueDate);
        double startValue = trajectory.start().value();
        Double percent;
        if (d == Direction.AT_LEAST) percent = due.value() != 0 ? 100 * value / due.value() : null;
        else percent = startValue != due.value() ? 100 * (startValue - value) / (startValue - due.value()) : null;
        TargetStatus status;
        if (d.meets(value, fin.value())) {
            status = TargetStatus.ACHIEVED;
        } else if (t.trajectory() == TrajectoryKind.HOLD) {
            double scale = Math.max(Math.abs(fin.value()), 1e-9);
            status = d.shortfall(value, fin.value()) / scale <= margin ? TargetStatus.AT_RISK : TargetStatus.BEHIND;
        } else if (asOf.isAfter(fin.by())) {
            status = TargetStatus.BEHIND;
        } else {
            double shortfall = d.shortfall(value, expected);
            double span = Math.abs(fin.value() - startValue);
            if (span == 0) span = Math.max(Math.abs(fin.value()), 1e-9);
            if (shortfall <= 1e-12) status = TargetStatus.ON_TRACK;
            else status = shortfall / span <= margin ? TargetStatus.AT_RISK : TargetStatus.BEHIND;
        }
        return new Standing(value, valueDate, due, percent, expected, status);
    }
}
