package org.sinkatlas.sink.targets;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plan's targets, read at start from the targets file that ships with the build. A file with an error
 * stops start-up with a message naming the file and line.
 */
public final class TargetCatalog {

    /** The targets file of this build. */
    public static final String BUILT_IN = "/targets/carbon-peak-plan-2022.yaml";

    /** The plan's dates are dates in China: "today" and "a date in the future" are judged in this zone. */
    public static final ZoneId PLAN_TIME = ZoneId.of("Asia/Shanghai");

    private final Plan plan;
    private final Map<String, Target> byId = new LinkedHashMap<>();

    public TargetCatalog(Plan plan, List<Target> targets) {
        this.plan = plan;
        for (Target t : targets) {
            if (byId.put(t.id(), t) != null) throw new TargetException(plan.file() + ": target " + t.id() + " is defined twice");
        }
    }

    /** The targets that ship with this build. */
    public static TargetCatalog builtIn() {
        return TargetLoader.fromResource(BUILT_IN);
    }

    public Plan plan() {
        return plan;
    }

    /** Every target, in the file's order. */
    public List<Target> all() {
        return List.copyOf(byId.values());
    }

    public Optional<Target> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }
}
