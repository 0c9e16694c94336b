package org.sinkatlas.sink.standard;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sinkatlas.layers.model.Localized;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads and checks a standard file. Every fault names the file and line: an unknown land-cover code, a
 * code in two rows or in none, a missing or unknown source, low above high or central outside them, a
 * negative stock, urban-green shares that do not sum to 1, an unknown eligibility or distribution.
 * SnakeYAML's node tree is read directly (rather than bound to classes) so that each value keeps its line.
 */
public final class StandardLoader {

    private static final Set<String> POOL_KEYS = Set.of("above_ground", "below_ground", "soil", "dead");

    private final String file;

    private StandardLoader(String file) {
        this.file = file;
    }

    /** Loads a standard from the classpath, e.g. {@code /standards/yrd-ess-2026.1.yaml}. */
    public static SinkStandard fromResource(String resource) {
        try (InputStream in = StandardLoader.class.getResourceAsStream(resource)) {
            if (in == null) throw new StandardException(resource + ": no such standard file");
            return read(new InputStreamReader(in, StandardCharsets.UTF_8), resource.substring(resource.lastIndexOf('/') + 1));
        } catch (IOException e) {
            throw new StandardException(resource + ": " + e.getMessage(), e);
        }
    }

    /** Reads a standard; {@code file} names it in error messages. */
    public static SinkStandard read(Reader reader, String file) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(reader);
        } catch (YAMLException e) {
            throw new StandardException(file + ": not valid YAML: " + e.getMessage(), e);
        }
        if (!(root instanceof MappingNode)) throw new StandardException(file + ": the file must be a YAML mapping");
        return new StandardLoader(file).standard((MappingNode) root);
    }

    private SinkStandard standard(MappingNode root) {
        Map<String, Node> top = fields(root, Set.of("id", "version", "released", "title", "summary", "parameters",
                "urban_green", "components", "classes", "eligibility", "sources"));
        Map<String, Source> sources = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : fields(mapping(required(top, "sources", root)), null).entrySet()) {
            Map<String, Node> s = fields(mapping(e.getValue()), Set.of("citation", "url", "checked"));
            sources.put(e.getKey(), new Source(e.getKey(), text(required(s, "citation", e.getValue())),
                    s.containsKey("url") ? text(s.get("url")) : null, checked(required(s, "checked", e.getValue()))));
        }
        String id = text(required(top, "id", root));
        String version = text(required(top, "version", root));
        LocalDate released;
        try {
            released = LocalDate.parse(text(required(top, "released", root)));
        } catch (DateTimeParseException ex) {
            throw fault(top.get("released"), "released must be a date (YYYY-MM-DD)");
        }
        Map<String, Figure> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : fields(mapping(required(top, "parameters", root)), null).entrySet()) {
            parameters.put(e.getKey(), figure(e.getValue(), sources));
        }
        for (String p : List.of("gwp_ch4", "co2_per_c", "monte_carlo_iterations", "monte_carlo_seed")) {
            if (!parameters.containsKey(p)) throw fault(top.get("parameters"), "parameter " + p + " is missing");
        }
        Map<String, UrbanGreenSplit> splits = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : fields(mapping(required(top, "urban_green", root)), null).entrySet()) {
            splits.put(e.getKey(), split(e.getKey(), e.getValue(), sources));
        }
        Map<String, Component> components = new LinkedHashMap<>();
        for (Node c : sequence(required(top, "components", root))) {
            Map<String, Node> f = fields(mapping(c), Set.of("id", "name", "pools", "removal"));
            String cid = text(required(f, "id", c));
            components.put(cid, new Component(cid, localized(required(f, "name", c)), pools(required(f, "pools", c), sources),
                    uncertain(required(f, "removal", c), sources, false)));
        }
        for (String needed : List.of("tree_crown", "lawn", "paved")) {
            if (!components.containsKey(needed)) throw fault(top.get("components"), "component " + needed + " is missing");
        }
        Map<String, Eligibility> eligibility = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : fields(mapping(required(top, "eligibility", root)), null).entrySet()) {
            Map<String, Node> f = fields(mapping(e.getValue()), Set.of("zh", "en", "source", "checked"));
            eligibility.put(e.getKey(), new Eligibility(e.getKey(), Localized.of(text(required(f, "zh", e.getValue())),
                    text(required(f, "en", e.getValue()))), sourceRef(required(f, "source", e.getValue()), sources),
                    checked(required(f, "checked", e.getValue()))));
        }
        List<ClassRow> rows = new ArrayList<>();
        Map<String, Node> seen = new HashMap<>();
        for (Node r : sequence(required(top, "classes", root))) {
            ClassRow row = row(r, sources, splits, eligibility);
            for (String code : row.codes()) {
                if (seen.put(code, r) != null) {
                    throw fault(r, "land cover " + code + " is in two rows (the other at line " + line(seen.get(code)) + ")");
                }
            }
            rows.add(row);
        }
        Set<String> missing = new LinkedHashSet<>(LandCoverCodes.all().keySet());
        missing.removeAll(seen.keySet());
        if (!missing.isEmpty()) {
            throw fault(top.get("classes"), "these GB/T 21010-2017 codes have no row: " + missing);
        }
        return new SinkStandard(id, version, released, localized(required(top, "title", root)),
                localized(required(top, "summary", root)), parameters, splits, components, rows, eligibility, sources, file);
    }

    private ClassRow row(Node node, Map<String, Source> sources, Map<String, UrbanGreenSplit> splits,
            Map<String, Eligibility> eligibility) {
        Map<String, Node> f = fields(mapping(node), Set.of("codes", "name", "assessed", "pools", "removal", "methane",
                "urban_green", "eligibility", "note"));
        List<String> codes = new ArrayList<>();
        for (Node c : sequence(required(f, "codes", node))) {
            String code = text(c);
            if (!LandCoverCodes.isCode(code)) throw fault(c, "'" + code + "' is not a GB/T 21010-2017 land-cover code");
            codes.add(code);
        }
        String elig = text(required(f, "eligibility", node));
        if (!eligibility.containsKey(elig)) throw fault(f.get("eligibility"), "unknown eligibility '" + elig + "'");
        Localized note = f.containsKey("note") ? localized(f.get("note")) : null;
        boolean assessed = !f.containsKey("assessed") || bool(f.get("assessed"));
        if (f.containsKey("urban_green")) {
            String split = text(f.get("urban_green"));
            if (!splits.containsKey(split)) throw fault(f.get("urban_green"), "unknown urban_green split '" + split + "'");
            for (String own : List.of("pools", "removal", "methane")) {
                if (f.containsKey(own)) throw fault(f.get(own), "an urban_green row takes its figures from the components; remove " + own);
            }
            return new ClassRow(codes, localized(required(f, "name", node)), assessed, null, null, null, split, elig, note,
                    line(node));
        }
        UncertainFigure methane = f.containsKey("methane") ? uncertain(f.get("methane"), sources, true) : null;
        return new ClassRow(codes, localized(required(f, "name", node)), assessed, pools(required(f, "pools", node), sources),
                uncertain(required(f, "removal", node), sources, false), methane, null, elig, note, line(node));
    }

    private Pools pools(Node node, Map<String, Source> sources) {
        Map<String, Node> f = fields(mapping(node), POOL_KEYS);
        Figure[] figures = new Figure[4];
        String[] keys = {"above_ground", "below_ground", "soil", "dead"};
        for (int i = 0; i < 4; i++) {
            figures[i] = figure(required(f, keys[i], node), sources);
            if (figures[i].value() < 0) throw fault(f.get(keys[i]), "a carbon stock cannot be negative: " + keys[i] + " = " + figures[i].value());
        }
        return new Pools(figures[0], figures[1], figures[2], figures[3]);
    }

    private Figure figure(Node node, Map<String, Source> sources) {
        Map<String, Node> f = fields(mapping(node), Set.of("value", "unit", "source", "where", "checked", "note"));
        return new Figure(number(required(f, "value", node)), f.containsKey("unit") ? text(f.get("unit")) : null,
                sourceRef(required(f, "source", node), sources), text(required(f, "where", node)),
                checked(required(f, "checked", node)), f.containsKey("note") ? text(f.get("note")) : null);
    }

    private UncertainFigure uncertain(Node node, Map<String, Source> sources, boolean methane) {
        Set<String> allowed = new LinkedHashSet<>(List.of("low", "central", "high", "distribution", "bounds", "source",
                "where", "checked"));
        if (methane) allowed.add("netted");
        Map<String, Node> f = fields(mapping(node), allowed);
        double low = number(required(f, "low", node));
        double central = number(required(f, "central", node));
        double high = number(required(f, "high", node));
        if (low > high) throw fault(node, "low (" + low + ") is above high (" + high + ")");
        if (central < low || central > high) {
            throw fault(node, "central (" + central + ") is outside low..high (" + low + ".." + high + ")");
        }
        Distribution d;
        String dist = text(required(f, "distribution", node));
        try {
            d = Distribution.valueOf(dist.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw fault(f.get("distribution"), "unknown distribution '" + dist + "' (triangular, uniform, normal, lognormal)");
        }
        if (d == Distribution.LOGNORMAL && (central <= 0 || high < central)) {
            throw fault(node, "a lognormal figure needs 0 < central <= high");
        }
        // Physical bounds: rates may be negative only when the range says so; methane never is.
        double lower = Math.min(0, low);
        double upper = Double.POSITIVE_INFINITY;
        if (f.containsKey("bounds")) {
            List<Node> b = sequence(f.get("bounds"));
            if (b.size() != 2) throw fault(f.get("bounds"), "bounds are [lower, upper]");
            lower = number(b.get(0));
            upper = number(b.get(1));
            if (lower > low || upper < high) throw fault(f.get("bounds"), "bounds must enclose low..high");
        }
        if (methane && low < 0) throw fault(node, "methane emissions cannot be negative");
        boolean netted = methane && bool(required(f, "netted", node));
        return new UncertainFigure(low, central, high, d, lower, upper, netted, sourceRef(required(f, "source", node), sources),
                text(required(f, "where", node)), checked(required(f, "checked", node)));
    }

    private UrbanGreenSplit split(String id, Node node, Map<String, Source> sources) {
        Map<String, Node> f = fields(mapping(node), Set.of("tree_crown", "lawn", "paved", "width_m", "source", "where", "checked"));
        double crown = number(required(f, "tree_crown", node));
        double lawn = number(required(f, "lawn", node));
        double paved = number(required(f, "paved", node));
        if (crown < 0 || lawn < 0 || paved < 0 || Math.abs(crown + lawn + paved - 1) > 1e-9) {
            throw fault(node, "tree_crown + lawn + paved must be shares that sum to 1, got " + (crown + lawn + paved));
        }
        Double width = f.containsKey("width_m") ? number(f.get("width_m")) : null;
        if (width != null && width <= 0) throw fault(f.get("width_m"), "width_m must be positive");
        return new UrbanGreenSplit(id, crown, lawn, paved, width, sourceRef(required(f, "source", node), sources),
                text(required(f, "where", node)), checked(required(f, "checked", node)));
    }

    // ------------------------------------------------------------------------------------------------
    // Typed access to SnakeYAML nodes, failing with the line

    private Map<String, Node> fields(MappingNode node, Set<String> allowed) {
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : node.getValue()) {
            String key = text(t.getKeyNode());
            if (allowed != null && !allowed.contains(key)) {
                throw fault(t.getKeyNode(), "unknown key '" + key + "' (expected one of " + allowed + ")");
            }
            if (out.put(key, t.getValueNode()) != null) throw fault(t.getKeyNode(), "key '" + key + "' appears twice");
        }
        return out;
    }

    private Node required(Map<String, Node> fields, String key, Node parent) {
        Node n = fields.get(key);
        if (n == null) throw fault(parent, "'" + key + "' is missing");
        return n;
    }

    private MappingNode mapping(Node n) {
        if (n instanceof MappingNode m) return m;
        throw fault(n, "expected a mapping");
    }

    private List<Node> sequence(Node n) {
        if (n instanceof SequenceNode s) return s.getValue();
        throw fault(n, "expected a list");
    }

    private String text(Node n) {
        if (n instanceof ScalarNode s) return s.getValue();
        throw fault(n, "expected a single value");
    }

    private double number(Node n) {
        String t = text(n);
        try {
            double v = Double.parseDouble(t);
            if (!Double.isFinite(v)) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw fault(n, "'" + t + "' is not a number");
        }
    }

    private boolean bool(Node n) {
        String t = text(n);
        if (t.equals("true")) return true;
        if (t.equals("false")) return false;
        throw fault(n, "expected true or false, got '" + t + "'");
    }

    private Checked checked(Node n) {
        String t = text(n);
        try {
            return Checked.valueOf(t);
        } catch (IllegalArgumentException e) {
            throw fault(n, "checked must be V, V2, D or U, not '" + t + "'");
        }
    }

    private String sourceRef(Node n, Map<String, Source> sources) {
        String id = text(n);
        if (!sources.containsKey(id)) throw fault(n, "unknown source '" + id + "' (add it under sources)");
        return id;
    }

    private Localized localized(Node n) {
        Map<String, Node> f = fields(mapping(n), Set.of("zh", "en"));
        return Localized.of(text(required(f, "zh", n)), text(required(f, "en", n)));
    }

    private static int line(Node n) {
        return n.getStartMark().getLine() + 1;
    }

    private StandardException fault(Node n, String message) {
        return new StandardException(file + " line " + (n == null ? "?" : line(n)) + ": " + message);
    }
}
