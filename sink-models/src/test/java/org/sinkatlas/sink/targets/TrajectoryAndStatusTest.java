package org.sinkatlas.sink.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sinkatlas.layers.model.Localized;

/** The trajectory and the status rules, on targets made here with hand-worked figures. */
class TrajectoryAndStatusTest {

    private static final double MARGIN = 0.10;

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static Target target(Direction direction, TrajectoryKind kind, Milestone... milestones) {
        return new Target("t", Localized.of("t", "t"), "t", "t", Scope.WHOLE_ZONE, Unit.COUNT, direction, kind,
                new Baseline(2020, null), List.of(milestones), Localized.of("m", "m"), null, null, new Reported(-1e9, 1e9),
                null, 1);
    }

    private static Standing assess(Target t, DatedValue start, double value, String valueDate, String asOf) {
        Trajectory tr = new Trajectory(t.trajectory(), start, t.milestones());
        return TargetTracker.assess(t, t.milestones(), tr, MARGIN, value, d(valueDate), d(asOf));
    }

    @Test
    void aLinearTrajectoryRunsStraightBetweenStartAndMilestones() {
        DatedValue start = new DatedValue(d("2020-12-31"), 10);
        Trajectory tr = new Trajectory(TrajectoryKind.LINEAR, start, List.of(new Milestone(d("2022-12-31"), 20),
                new Milestone(d("2024-12-31"), 60)));
        assertEquals(10, tr.at(d("2019-01-01")), 1e-12, "before the start: the start");
        assertEquals(10, tr.at(d("2020-12-31")), 1e-12);
        // 2021-12-31 is 365 of the 730 days to 2022-12-31.
        assertEquals(15, tr.at(d("2021-12-31")), 1e-12);
        assertEquals(20, tr.at(d("2022-12-31")), 1e-12);
        assertEquals(20 + 40 * 365.0 / 731, tr.at(d("2023-12-31")), 1e-9, "2024 is a leap year");
        assertEquals(60, tr.at(d("2030-01-01")), 1e-12, "after the last milestone: its value");
        // A start after a milestone (a first report in 2024): the passed milestone does not bend the line.
        Trajectory late = new Trajectory(TrajectoryKind.LINEAR, new DatedValue(d("2023-12-31"), 70),
                List.of(new Milestone(d("2023-06-30"), 75), new Milestone(d("2025-12-31"), 90)));
        assertEquals(70 + 20 * 366.0 / 731, late.at(d("2024-12-31")), 1e-9);
    }

    @Test
    void stepsAndHoldTrajectories() {
        DatedValue start = new DatedValue(d("2023-12-31"), 0);
        Trajectory steps = new Trajectory(TrajectoryKind.STEPS, start, List.of(new Milestone(d("2024-12-31"), 1),
                new Milestone(d("2025-12-31"), 2)));
        assertEquals(0, steps.at(d("2024-12-30")), 0);
        assertEquals(1, steps.at(d("2024-12-31")), 0);
        assertEquals(1, steps.at(d("2025-06-30")), 0);
        assertEquals(2, steps.at(d("2027-01-01")), 0);
        Trajectory hold = new Trajectory(TrajectoryKind.HOLD, new DatedValue(d("2021-12-31"), 93),
                List.of(new Milestone(d("2025-12-31"), 95)));
        assertEquals(95, hold.at(d("2022-06-30")), 0);
    }

    @Test
    void statusFollowsTheTrajectoryTheMarginAndTheDeadline() {
        // 0 → 100 over 2020-12-31 .. 2025-12-31 (1826 days); on 2023-07-02 (913 days) the line is at 50.
        Target t = target(Direction.AT_LEAST, TrajectoryKind.LINEAR, new Milestone(d("2025-12-31"), 100));
        DatedValue start = new DatedValue(d("2020-12-31"), 0);
        Standing onTrack = assess(t, start, 50, "2023-07-02", "2023-07-02");
        assertEquals(TargetStatus.ON_TRACK, onTrack.status());
        assertEquals(50, onTrack.expected(), 1e-9);
        assertEquals(50, onTrack.percent(), 1e-9, "percent of the milestone due");
        assertEquals(TargetStatus.AT_RISK, assess(t, start, 41, "2023-07-02", "2023-07-02").status(), "9 short of 100");
        assertEquals(TargetStatus.BEHIND, assess(t, start, 39, "2023-07-02", "2023-07-02").status(), "11 short of 100");
        assertEquals(TargetStatus.ACHIEVED, assess(t, start, 100, "2023-07-02", "2023-07-02").status());
        assertEquals(TargetStatus.ACHIEVED, assess(t, start, 100, "2026-12-01", "2026-12-01").status());
        assertEquals(TargetStatus.BEHIND, assess(t, start, 99, "2026-01-01", "2026-01-01").status(), "deadline passed");
        // An old figure is judged where the trajectory was on its own date, the deadline on the date asked.
        assertEquals(TargetStatus.ON_TRACK, assess(t, start, 50, "2023-07-02", "2025-06-30").status());
        assertEquals(TargetStatus.BEHIND, assess(t, start, 50, "2023-07-02", "2026-06-30").status());
    }

    @Test
    void twoMilestonesAnAtMostTargetAndAHeldLevel() {
        Target bus = target(Direction.AT_LEAST, TrajectoryKind.LINEAR, new Milestone(d("2023-12-31"), 75),
                new Milestone(d("2025-12-31"), 90));
        DatedValue first = new DatedValue(d("2021-12-31"), 66);
        Standing y2023 = assess(bus, first, 76.4, "2023-12-31", "2023-12-31");
        assertEquals(75, y2023.due().value());
        assertEquals(TargetStatus.ON_TRACK, y2023.status(), "the 2023 milestone is met, 2025's not yet");
        assertEquals(100 * 76.4 / 75, y2023.percent(), 1e-9);
        Standing y2024 = assess(bus, first, 80.5, "2024-12-31", "2024-12-31");
        assertEquals(90, y2024.due().value());
        assertEquals(75 + 15 * 366.0 / 731, y2024.expected(), 1e-9);
        assertEquals(TargetStatus.AT_RISK, y2024.status(), "2.0 short of the 24 points from 66 to 90");
        assertEquals(TargetStatus.BEHIND, assess(bus, first, 79.9, "2024-12-31", "2024-12-31").status(), "2.6 short");

        Target growth = target(Direction.AT_MOST, TrajectoryKind.LINEAR, new Milestone(d("2030-12-31"), 0));
        DatedValue g0 = new DatedValue(d("2022-12-31"), 4);
        Standing falling = assess(growth, g0, 1, "2026-12-31", "2026-12-31");
        assertEquals(2, falling.expected(), 0.01);
        assertEquals(TargetStatus.ON_TRACK, falling.status());
        assertEquals(75, falling.percent(), 1e-9, "three quarters of the way from 4 % to 0 %");
        assertEquals(TargetStatus.BEHIND, assess(growth, g0, 3, "2026-12-31", "2026-12-31").status());
        assertEquals(TargetStatus.ACHIEVED, assess(growth, g0, -0.5, "2026-12-31", "2026-12-31").status());

        Target keep = target(Direction.AT_LEAST, TrajectoryKind.HOLD, new Milestone(d("2025-12-31"), 95));
        DatedValue k0 = new DatedValue(d("2021-12-31"), 93);
        assertEquals(TargetStatus.ACHIEVED, assess(keep, k0, 95.5, "2022-12-31", "2022-12-31").status());
        assertEquals(TargetStatus.AT_RISK, assess(keep, k0, 90, "2022-12-31", "2022-12-31").status(), "5.3 % short");
        assertEquals(TargetStatus.BEHIND, assess(keep, k0, 80, "2022-12-31", "2022-12-31").status());
    }

    @Test
    void statusesOrderFromWorstToBest() {
        assertEquals(TargetStatus.BEHIND, TargetStatus.ON_TRACK.worse(TargetStatus.BEHIND));
        assertEquals(TargetStatus.NO_DATA, TargetStatus.ACHIEVED.worse(TargetStatus.NO_DATA));
        assertEquals("at_risk", TargetStatus.AT_RISK.slug());
        Target zero = target(Direction.AT_LEAST, TrajectoryKind.LINEAR, new Milestone(d("2025-12-31"), 0));
        assertNull(assess(zero, new DatedValue(d("2020-12-31"), 0), 0, "2022-01-01", "2022-01-01").percent());
    }
}
