package org.sinkatlas.sink.targets;

import java.util.List;

/**
 * The parts a target is split into, each with a scope and its share of the final value. With rule
 * {@code breakdown} the whole is measured over its own scope and decides its own status (PV: 1,600 MW in the
 * zone, of which 300 in Qingpu ...); with rule {@code each} every part must reach its own value (two
 * low-carbon factories in each district): the whole's value is the sum of the parts and its status the worst
 * of theirs.
 */
public record Parts(Rule rule, List<Part> of) {

    public enum Rule { BREAKDOWN, EACH }

    /** One part: a slug id, where it is, and the value it must reach by the target's deadline. */
    public record Part(String id, Scope scope, double value) {}

    public Parts {
        of = List.copyOf(of);
    }
}
