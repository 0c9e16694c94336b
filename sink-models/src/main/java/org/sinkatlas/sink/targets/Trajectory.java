package org.sinkatlas.sink.targets;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The value a target should have on a date: from its start (the baseline, or the first report when the plan
 * gives none) through its milestones, as a straight line between them, in steps, or held at the target level
 * (see {@link TrajectoryKind}). Before the start it is the start's value, after the last milestone the last
 * milestone's. Milestones on or before the start are passed already and do not bend the line.
 */
public final class Trajectory {

    private final TrajectoryKind kind;
    private final DatedValue start;
    private final List<Milestone> milestones;

    public Trajectory(TrajectoryKind kind, DatedValue start, List<Milestone> milestones) {
        this.kind = kind;
        this.start = start;
        this.milestones = List.copyOf(milestones);
    }

    public DatedValue start() {
        return start;
    }

    public double at(LocalDate date) {
        Milestone last = milestones.get(milestones.size() - 1);
        switch (kind) {
            case HOLD:
                return last.value();
            case STEPS: {
                double v = start.value();
                for (Milestone m : milestones) {
                    if (!m.by().isAfter(date) && m.by().isAfter(start.date())) v = m.value();
                }
                return v;
            }
            default: {
                List<DatedValue> points = new ArrayList<>();
                points.add(start);
                for (Milestone m : milestones) {
                    if (m.by().isAfter(start.date())) points.add(new DatedValue(m.by(), m.value()));
                }
                if (points.size() == 1) return date.isBefore(start.date()) ? start.value() : last.value();
                if (!date.isAfter(start.date())) return start.value();
                for (int i = 1; i < points.size(); i++) {
                    DatedValue a = points.get(i - 1);
                    DatedValue b = points.get(i);
                    if (!date.isAfter(b.date())) {
                        double t = (double) (date.toEpochDay() - a.date().toEpochDay())
                                / (b.date().toEpochDay() - a.date().toEpochDay());
                        return a.value() + t * (b.value() - a.value());
                    }
                }
                return last.value();
            }
        }
    }
}
