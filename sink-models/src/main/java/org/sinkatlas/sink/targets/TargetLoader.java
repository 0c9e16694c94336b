package org.sinkatlas.sink.targets;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.sinkatlas.sink.yaml.YamlNodes;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads and checks a targets file. Every fault names the file and line: a missing or unknown key, an id given
 * twice or not a slug, milestones out of order or going the wrong way, a target both measured and reported or
 * neither, a quantity that does not fit its unit, parts that do not add up to the target, a reported range that
 * leaves out a milestone.
 */
public final class TargetLoader {

    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Set<String> TARGET_KEYS = Set.of("id", "title", "plan_text", "clause", "scope", "unit",
            "direction", "trajectory", "baseline", "milestones", "method", "note", "measure", "reported", "parts");

    private final String file;
    private final YamlNodes yaml;

    private TargetLoader(String file) {
        this.file = file;
        this.yaml = new YamlNodes(file, TargetException::new);
    }

    /** Loads a targets file from the classpath, e.g. {@code /targets/carbon-peak-plan-2022.yaml}. */
    public static TargetCatalog fromResource(String resource) {
        try (InputStream in = TargetLoader.class.getResourceAsStream(resource)) {
            if (in == null) throw new TargetException(resource + ": no such targets file");
            return read(new InputStreamReader(in, StandardCharsets.UTF_8), resource.substring(resource.lastIndexOf('/') + 1));
        } catch (IOException e) {
            throw new TargetException(resource + ": " + e.getMessage());
        }
    }

    /** Reads a targets file; {@code file} names it in error messages. */
    public static TargetCatalog read(Reader reader, String file) {
        TargetLoader loader = new TargetLoader(file);
        return loader.catalog(loader.yaml.root(reader));
    }

    private TargetCatalog catalog(MappingNode root) {
        Map<String, Node> top = yaml.fields(root, Set.of("plan", "targets"));
        Plan plan = plan(yaml.required(top, "plan", root));
        List<Target> targets = new ArrayList<>();
        Map<String, Node> seen = new HashMap<>();
        for (Node t : yaml.sequence(yaml.required(top, "targets", root))) {
            Target target = target(yaml.mapping(t), plan);
            if (seen.put(target.id(), t) != null) {
                throw yaml.fault(t, "target " + target.id() + " is defined twice (first at line "
                        + YamlNodes.line(seen.get(target.id())) + ")");
            }
            targets.add(target);
        }
        if (targets.isEmpty()) throw yaml.fault(top.get("targets"), "the file has no targets");
        return new TargetCatalog(plan, targets);
    }

    private Plan plan(Node node) {
        Map<String, Node> f = yaml.fields(yaml.mapping(node), Set.of("id", "title", "document", "issued", "baseline_year",
                "at_risk_margin"));
        double margin = yaml.number(yaml.required(f, "at_risk_margin", node));
        if (margin < 0 || margin >= 1) throw yaml.fault(f.get("at_risk_margin"), "at_risk_margin must be a share in 0..1");
        return new Plan(slug(yaml.required(f, "id", node)), yaml.localized(yaml.required(f, "title", node)),
                yaml.text(yaml.required(f, "document", node)), yaml.date(yaml.required(f, "issued", node)),
                yaml.integer(yaml.required(f, "baseline_year", node)), margin, file);
    }

    private Target target(MappingNode node, Plan plan) {
        Map<String, Node> f = yaml.fields(node, TARGET_KEYS);
        String id = slug(yaml.required(f, "id", node));
        Unit unit = choice(yaml.required(f, "unit", node), "km, m2, ha, percent, MW or count", Unit::of);
        Direction direction = f.containsKey("direction") ? choice(f.get("direction"), "at_least or at_most",
                t -> Direction.valueOf(t.toUpperCase(Locale.ROOT))) : Direction.AT_LEAST;
        TrajectoryKind trajectory = f.containsKey("trajectory") ? choice(f.get("trajectory"), "linear, steps or hold",
                t -> TrajectoryKind.valueOf(t.toUpperCase(Locale.ROOT))) : TrajectoryKind.LINEAR;
        Scope scope = scope(yaml.required(f, "scope", node));
        List<Milestone> milestones = milestones(yaml.required(f, "milestones", node), direction);
        if (trajectory == TrajectoryKind.HOLD && milestones.size() > 1) {
            throw yaml.fault(f.get("milestones"), "a hold target keeps one level: give one milestone");
        }
        if (f.containsKey("measure") == f.containsKey("reported")) {
            throw yaml.fault(node, "target " + id + " needs either a measure (spatial) or reported (figures officers post)");
        }
        Baseline baseline = baseline(f.get("baseline"), plan);
        if (baseline.year() >= milestones.get(0).by().getYear()) {
            throw yaml.fault(f.containsKey("baseline") ? f.get("baseline") : node, "the baseline year " + baseline.year()
                    + " must come before the first milestone (" + milestones.get(0).by() + ")");
        }
        Measure measure = f.containsKey("measure") ? measure(f.get("measure"), unit) : null;
        Reported reported = null;
        if (f.containsKey("reported")) {
            reported = reported(f.get("reported"));
            for (Milestone m : milestones) {
                if (!reported.contains(m.value())) {
                    throw yaml.fault(f.get("reported"), "the milestone " + m.value() + " lies outside the reported range");
                }
            }
        }
        if (measure != null && measure.sinceBaseline() && baseline.value() != null && baseline.value() != 0) {
            throw yaml.fault(f.get("baseline"), "a measure that counts since the baseline starts from 0");
        }
        Parts parts = f.containsKey("parts") ? parts(f.get("parts"), milestones, measure) : null;
        if (parts != null && (direction != Direction.AT_LEAST || baseline.value() != null && baseline.value() != 0)) {
            throw yaml.fault(f.get("parts"), "a target with parts is an at-least target measured from its baseline (or 0)");
        }
        return new Target(id, yaml.localized(yaml.required(f, "title", node)), yaml.text(yaml.required(f, "plan_text", node)),
                yaml.text(yaml.required(f, "clause", node)), scope, unit, direction, trajectory, baseline, milestones,
                yaml.localized(yaml.required(f, "method", node)), f.containsKey("note") ? yaml.localized(f.get("note")) : null,
                measure, reported, parts, YamlNodes.line(node));
    }

    private Scope scope(Node node) {
        Map<String, Node> f = yaml.fields(yaml.mapping(node), Set.of("zone", "district", "key_zone"));
        return scopeOf(f, node);
    }

    /** A scope from exactly one of the keys zone, district, key_zone among a mapping's fields. */
    private Scope scopeOf(Map<String, Node> f, Node node) {
        List<String> given = new ArrayList<>();
        for (String k : List.of("zone", "district", "key_zone")) if (f.containsKey(k)) given.add(k);
        if (given.size() != 1) throw yaml.fault(node, "a scope is one of zone: whole, district: NAME or key_zone: NAME");
        String key = given.get(0);
        String value = yaml.text(f.get(key));
        switch (key) {
            case "zone":
                if (!value.equals("whole")) throw yaml.fault(f.get(key), "zone must be 'whole', not '" + value + "'");
                return Scope.WHOLE_ZONE;
            case "district":
                return new Scope(Scope.Kind.DISTRICT, nonBlank(f.get(key)));
            default:
                return new Scope(Scope.Kind.KEY_ZONE, nonBlank(f.get(key)));
        }
    }

    private List<Milestone> milestones(Node node, Direction direction) {
        List<Milestone> out = new ArrayList<>();
        for (Node m : yaml.sequence(node)) {
            Map<String, Node> f = yaml.fields(yaml.mapping(m), Set.of("by", "value"));
            Milestone milestone = new Milestone(yaml.date(yaml.required(f, "by", m)), yaml.number(yaml.required(f, "value", m)));
            if (!out.isEmpty()) {
                Milestone before = out.get(out.size() - 1);
                if (!milestone.by().isAfter(before.by())) throw yaml.fault(m, "milestones must be in date order");
                if (direction.meets(before.value(), milestone.value()) && before.value() != milestone.value()) {
                    throw yaml.fault(m, "a later milestone (" + milestone.value() + ") asks less than an earlier one ("
                            + before.value() + ")");
                }
            }
            out.add(milestone);
        }
        if (out.isEmpty()) throw yaml.fault(node, "a target needs at least one milestone");
        return out;
    }

    private Baseline baseline(Node node, Plan plan) {
        if (node == null) return new Baseline(plan.baselineYear(), null);
        Map<String, Node> f = yaml.fields(yaml.mapping(node), Set.of("year", "value"));
        int year = yaml.integer(yaml.required(f, "year", node));
        if (year < 1990 || year > 2100) throw yaml.fault(f.get("year"), "baseline year " + year + " is not plausible");
        return new Baseline(year, f.containsKey("value") ? yaml.number(f.get("value")) : null);
    }

    private Measure measure(Node node, Unit unit) {
        Map<String, Node> f = yaml.fields(yaml.mapping(node), Set.of("layer", "quantity", "property", "where", "share_of",
                "counted_from", "statuses", "since_baseline"));
        String layer = slug(yaml.required(f, "layer", node));
        Measure.Quantity quantity = choice(yaml.required(f, "quantity", node), "length, area, count or sum",
                t -> Measure.Quantity.valueOf(t.toUpperCase(Locale.ROOT)));
        Measure.ShareOf shareOf = f.containsKey("share_of") ? choice(f.get("share_of"), "scope-area or all-features",
                t -> Measure.ShareOf.valueOf(t.toUpperCase(Locale.ROOT).replace('-', '_'))) : Measure.ShareOf.NONE;
        String property = f.containsKey("property") ? nonBlank(f.get("property")) : null;
        if ((quantity == Measure.Quantity.SUM) != (property != null)) {
            throw yaml.fault(node, "a sum names the property it adds up (property:), and only a sum does");
        }
        checkUnit(node, quantity, shareOf, unit);
        List<Measure.Condition> where = new ArrayList<>();
        if (f.containsKey("where")) {
            for (Map.Entry<String, Node> e : yaml.fields(yaml.mapping(f.get("where")), null).entrySet()) {
                if (e.getValue() instanceof ScalarNode) {
                    where.add(new Measure.Condition(e.getKey(), false, yaml.text(e.getValue())));
                } else {
                    Map<String, Node> like = yaml.fields(yaml.mapping(e.getValue()), Set.of("like"));
                    where.add(new Measure.Condition(e.getKey(), true, nonBlank(yaml.required(like, "like", e.getValue()))));
                }
            }
        }
        List<String> statuses = new ArrayList<>(List.of("built"));
        if (f.containsKey("statuses")) {
            statuses.clear();
            for (Node s : yaml.sequence(f.get("statuses"))) {
                String status = yaml.text(s);
                if (!Measure.STATUSES.contains(status)) {
                    throw yaml.fault(s, "unknown status '" + status + "' (one of " + Measure.STATUSES + ")");
                }
                statuses.add(status);
            }
            if (statuses.isEmpty()) throw yaml.fault(f.get("statuses"), "name at least one status that counts");
        }
        return new Measure(layer, quantity, property, where, shareOf,
                f.containsKey("counted_from") ? nonBlank(f.get("counted_from")) : Measure.COMPLETED, statuses,
                f.containsKey("since_baseline") && yaml.bool(f.get("since_baseline")));
    }

    private void checkUnit(Node node, Measure.Quantity quantity, Measure.ShareOf shareOf, Unit unit) {
        boolean fits = switch (shareOf) {
            case SCOPE_AREA -> quantity == Measure.Quantity.AREA && unit == Unit.PERCENT;
            case ALL_FEATURES -> quantity != Measure.Quantity.SUM && unit == Unit.PERCENT;
            case NONE -> switch (quantity) {
                case LENGTH -> unit == Unit.KM;
                case AREA -> unit == Unit.M2; // areas are measured in m²; ha is for reported figures
                case COUNT -> unit == Unit.COUNT;
                case SUM -> unit != Unit.PERCENT && unit != Unit.COUNT;
            };
        };
        if (!fits) {
            throw yaml.fault(node, "a " + quantity.name().toLowerCase(Locale.ROOT)
                    + (shareOf == Measure.ShareOf.NONE ? "" : " share of " + shareOf.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    + " cannot be given in " + unit.id() + " (length: km; area: m2; count: count; a share: percent; ha only for a reported figure)");
        }
    }

    private Reported reported(Node node) {
        Map<String, Node> f = yaml.fields(yaml.mapping(node), Set.of("min", "max"));
        double min = yaml.number(yaml.required(f, "min", node));
        double max = yaml.number(yaml.required(f, "max", node));
        if (min >= max) throw yaml.fault(node, "min (" + min + ") must be below max (" + max + ")");
        return new Reported(min, max);
    }

    private Parts parts(Node node, List<Milestone> milestones, Measure measure) {
        if (measure == null) throw yaml.fault(node, "only a measured target has parts");
        if (milestones.size() != 1) throw yaml.fault(node, "a target with parts has one milestone");
        Map<String, Node> f = yaml.fields(yaml.mapping(node), Set.of("rule", "of"));
        Parts.Rule rule = choice(yaml.required(f, "rule", node), "breakdown or each",
                t -> Parts.Rule.valueOf(t.toUpperCase(Locale.ROOT)));
        List<Parts.Part> parts = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        double sum = 0;
        for (Node p : yaml.sequence(yaml.required(f, "of", node))) {
            Map<String, Node> pf = yaml.fields(yaml.mapping(p), Set.of("id", "district", "key_zone", "value"));
            String id = slug(yaml.required(pf, "id", p));
            if (!ids.add(id)) throw yaml.fault(p, "part " + id + " is given twice");
            Map<String, Node> where = new LinkedHashMap<>(pf);
            where.remove("id");
            where.remove("value");
            double value = yaml.number(yaml.required(pf, "value", p));
            parts.add(new Parts.Part(id, scopeOf(where, p), value));
            sum += value;
        }
        if (parts.size() < 2) throw yaml.fault(node, "parts split a target into two or more");
        double total = milestones.get(0).value();
        if (Math.abs(sum - total) > 1e-9 * Math.max(1, Math.abs(total))) {
            throw yaml.fault(node, "the parts add up to " + sum + ", not the target's " + total);
        }
        return new Parts(rule, parts);
    }

    // ------------------------------------------------------------------------------------------------

    /** A value from a fixed set, read by {@code parser}; a fault lists what is allowed. */
    private <T> T choice(Node n, String allowed, Function<String, T> parser) {
        String t = yaml.text(n);
        try {
            return parser.apply(t);
        } catch (IllegalArgumentException e) {
            throw yaml.fault(n, "'" + t + "' is not allowed here (" + allowed + ")");
        }
    }

    private String slug(Node n) {
        String t = yaml.text(n);
        if (!SLUG.matcher(t).matches() || t.length() > 40) throw yaml.fault(n, "'" + t + "' is not a slug like 'greenway-km'");
        return t;
    }

    private String nonBlank(Node n) {
        String t = yaml.text(n);
        if (t.isBlank()) throw yaml.fault(n, "an empty value");
        return t;
    }
}
