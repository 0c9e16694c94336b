package org.sinkatlas.sink.targets;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.sinkatlas.layers.model.Localized;

/**
 * One quantitative target of the plan, as the targets file states it: the plan's own words and clause, where
 * it applies, its unit, baseline and milestones, and either how it is measured from the layers or that it is
 * reported.
 *
 * @param planText the plan's words (Chinese), verbatim
 * @param method   how it is measured, for people
 * @param note     a remark for people (an assumption made), or null
 * @param measure  how it is measured from a layer; null for a reported target
 * @param reported the range of reported figures; null for a spatial target
 * @param parts    the parts it is split into, or null
 * @param line     where it starts in the targets file
 */
public record Target(String id, Localized title, String planText, String clause, Scope scope, Unit unit,
        Direction direction, TrajectoryKind trajectory, Baseline baseline, List<Milestone> milestones, Localized method,
        Localized note, Measure measure, Reported reported, Parts parts, int line) {

    public Target {
        Objects.requireNonNull(id, "id");
        milestones = List.copyOf(milestones);
        if (milestones.isEmpty()) throw new IllegalArgumentException("target " + id + " has no milestone");
        if ((measure == null) == (reported == null)) {
            throw new IllegalArgumentException("target " + id + " must be either measured or reported");
        }
    }

    /** Measured from the map's layers (rather than reported by officers). */
    public boolean isSpatial() {
        return measure != null;
    }

    public Milestone finalMilestone() {
        return milestones.get(milestones.size() - 1);
    }

    /** The milestone due next on a date: the first not yet past, else the final one. */
    public Milestone due(LocalDate date) {
        for (Milestone m : milestones) {
            if (!m.by().isBefore(date)) return m;
        }
        return finalMilestone();
    }
}
