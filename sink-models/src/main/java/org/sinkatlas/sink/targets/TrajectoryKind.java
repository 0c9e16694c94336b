package org.sinkatlas.sink.targets;

/**
 * How the expected value runs from a target's start to its milestones: a straight line between them
 * ({@code linear}), each milestone's value from its date on ({@code steps}, for "one a year"), or the target
 * value all along ({@code hold}, for a level to keep).
 */
public enum TrajectoryKind {
    LINEAR, STEPS, HOLD
}
