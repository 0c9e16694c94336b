package org.sinkatlas.sink.standard;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sinkatlas.layers.model.Localized;
import org.sinkatlas.sink.yaml.YamlNodes;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads and checks a standard file. Every fault names the file and line: an unknown land-cover code, a
 * code in two rows or in none, a missing or unknown source, low above high or central outside them, a
 * negative stock, urban-green shares that do not sum to 1, an unknown eligibility or distribution.
 * SnakeYAML's node tree is read directly (rather than bound to classes) so that each value keeps its line.
 */
public final class StandardLoader {

    private static final Set<String> POOL_KEYS = Set.of("above_ground", "below_ground", "soil", "dead");

    private final String file;
    private final YamlNodes yaml;

    private StandardLoader(String file) {
        this.file = file;
        this.yaml = new YamlNodes(file, StandardException::new);
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
        StandardLoader loader = new StandardLoader(file);
        return loader.standard(loader.yaml.root(reader));
    }

    private SinkStandard standard(MappingNode root) {
        Map<String, Node> top = yaml.fields(root, Set.of("id", "version", "released", "title", "summary", "parameters",
                "urban_green", "components", "classes", "eligibility", "sources"));
        Map<String, Source> sources = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : yaml.fields(yaml.mapping(yaml.required(top, "sources", root)), null).entrySet()) {
            Map<String, Node> s = yaml.fields(yaml.mapping(e.getValue()), Set.of("citation", "url", "checked"));
            sources.put(e.getKey(), new Source(e.getKey(), yaml.text(yaml.required(s, "citation", e.getValue())),
                    s.containsKey("url") ? yaml.text(s.get("url")) : null, checked(yaml.required(s, "checked", e.getValue()))));
        }
        String id = yaml.text(yaml.required(top, "id", root));
        String version = yaml.text(yaml.required(top, "version", root));
        LocalDate released = yaml.date(yaml.required(top, "released", root));
        Map<String, Figure> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : yaml.fields(yaml.mapping(yaml.required(top, "parameters", root)), null).entrySet()) {
            parameters.put(e.getKey(), figure(e.getValue(), sources));
        }
        for (String p : List.of("gwp_ch4", "co2_per_c", "monte_carlo_iterations", "monte_carlo_seed")) {
            if (!parameters.containsKey(p)) throw yaml.fault(top.get("parameters"), "parameter " + p + " is missing");
        }
        Map<String, UrbanGreenSplit> splits = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : yaml.fields(yaml.mapping(yaml.required(top, "urban_green", root)), null).entrySet()) {
            splits.put(e.getKey(), split(e.getKey(), e.getValue(), sources));
        }
        Map<String, Component> components = new LinkedHashMap<>();
        for (Node c : yaml.sequence(yaml.required(top, "components", root))) {
            Map<String, Node> f = yaml.fields(yaml.mapping(c), Set.of("id", "name", "pools", "removal"));
            String cid = yaml.text(yaml.required(f, "id", c));
            components.put(cid, new Component(cid, yaml.localized(yaml.required(f, "name", c)), pools(yaml.required(f, "pools", c), sources),
                    uncertain(yaml.required(f, "removal", c), sources, false)));
        }
        for (String needed : List.of("tree_crown", "lawn", "paved")) {
            if (!components.containsKey(needed)) throw yaml.fault(top.get("components"), "component " + needed + " is missing");
        }
        Map<String, Eligibility> eligibility = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : yaml.fields(yaml.mapping(yaml.required(top, "eligibility", root)), null).entrySet()) {
            Map<String, Node> f = yaml.fields(yaml.mapping(e.getValue()), Set.of("zh", "en", "source", "checked"));
            eligibility.put(e.getKey(), new Eligibility(e.getKey(), Localized.of(yaml.text(yaml.required(f, "zh", e.getValue())),
                    yaml.text(yaml.required(f, "en", e.getValue()))), sourceRef(yaml.required(f, "source", e.getValue()), sources),
                    checked(yaml.required(f, "checked", e.getValue()))));
        }
        List<ClassRow> rows = new ArrayList<>();
        Map<String, Node> seen = new HashMap<>();
        for (Node r : yaml.sequence(yaml.required(top, "classes", root))) {
            ClassRow row = row(r, sources, splits, eligibility);
            for (String code : row.codes()) {
                if (seen.put(code, r) != null) {
                    throw yaml.fault(r, "land cover " + code + " is in two rows (the other at line " + line(seen.get(code)) + ")");
                }
            }
            rows.add(row);
        }
        Set<String> missing = new LinkedHashSet<>(LandCoverCodes.all().keySet());
        missing.removeAll(seen.keySet());
        if (!missing.isEmpty()) {
            throw yaml.fault(top.get("classes"), "these GB/T 21010-2017 codes have no row: " + missing);
        }
        return new SinkStandard(id, version, released, yaml.localized(yaml.required(top, "title", root)),
                yaml.localized(yaml.required(top, "summary", root)), parameters, splits, components, rows, eligibility, sources, file);
    }

    private ClassRow row(Node node, Map<String, Source> sources, Map<String, UrbanGreenSplit> splits,
            Map<String, Eligibility> eligibility) {
        Map<String, Node> f = yaml.fields(yaml.mapping(node), Set.of("codes", "name", "assessed", "pools", "removal", "methane",
                "urban_green", "eligibility", "note"));
        List<String> codes = new ArrayList<>();
        for (Node c : yaml.sequence(yaml.required(f, "codes", node))) {
            String code = yaml.text(c);
            if (!LandCoverCodes.isCode(code)) throw yaml.fault(c, "'" + code + "' is not a GB/T 21010-2017 land-cover code");
            codes.add(code);
        }
        String elig = yaml.text(yaml.required(f, "eligibility", node));
        if (!eligibility.containsKey(elig)) throw yaml.fault(f.get("eligibility"), "unknown eligibility '" + elig + "'");
        Localized note = f.containsKey("note") ? yaml.localized(f.get("note")) : null;
        boolean assessed = !f.containsKey("assessed") || yaml.bool(f.get("assessed"));
        if (f.containsKey("urban_green")) {
            String split = yaml.text(f.get("urban_green"));
            if (!splits.containsKey(split)) throw yaml.fault(f.get("urban_green"), "unknown urban_green split '" + split + "'");
            for (String own : List.of("pools", "removal", "methane")) {
                if (f.containsKey(own)) throw yaml.fault(f.get(own), "an urban_green row takes its figures from the components; remove " + own);
            }
            return new ClassRow(codes, yaml.localized(yaml.required(f, "name", node)), assessed, null, null, null, split, elig, note,
                    line(node));
        }
        UncertainFigure methane = f.containsKey("methane") ? uncertain(f.get("methane"), sources, true) : null;
        return new ClassRow(codes, yaml.localized(yaml.required(f, "name", node)), assessed, pools(yaml.required(f, "pools", node), sources),
                uncertain(yaml.required(f, "removal", node), sources, false), methane, null, elig, note, line(node));
    }

    private Pools pools(Node node, Map<String, Source> sources) {
        Map<String, Node> f = yaml.fields(yaml.mapping(node), POOL_KEYS);
        Figure[] figures = new Figure[4];
        String[] keys = {"above_ground", "below_ground", "soil", "dead"};
        for (int i = 0; i < 4; i++) {
            figures[i] = figure(yaml.required(f, keys[i], node), sources);
            if (figures[i].value() < 0) throw yaml.fault(f.get(keys[i]), "a carbon stock cannot be negative: " + keys[i] + " = " + figures[i].value());
        }
        return new Pools(figures[0], figures[1], figures[2], figures[3]);
    }

    private Figure figure(Node node, Map<String, Source> sources) {
        Map<String, Node> f = yaml.fields(yaml.mapping(node), Set.of("value", "unit", "source", "where", "checked", "note"));
        return new Figure(yaml.number(yaml.required(f, "value", node)), f.containsKey("unit") ? yaml.text(f.get("unit")) : null,
                sourceRef(yaml.required(f, "source", node), sources), yaml.text(yaml.required(f, "where", node)),
                checked(yaml.required(f, "checked", node)), f.containsKey("note") ? yaml.text(f.get("note")) : null);
    }

    private UncertainFigure uncertain(Node node, Map<String, Source> sources, boolean methane) {
        Set<String> allowed = new LinkedHashSet<>(List.of("low", "central", "high", "distribution", "bounds", "source",
                "where", "checked"));
        if (methane) allowed.add("netted");
        Map<String, Node> f = yaml.fields(yaml.mapping(node), allowed);
        double low = yaml.number(yaml.required(f, "low", node));
        double central = yaml.number(yaml.required(f, "central", node));
        double high = yaml.number(yaml.required(f, "high", node));
        if (low > high) throw yaml.fault(node, "low (" + low + ") is above high (" + high + ")");
        if (central < low || central > high) {
            throw yaml.fault(node, "central (" + central + ") is outside low..high (" + low + ".." + high + ")");
        }
        Distribution d;
        String dist = yaml.text(yaml.required(f, "distribution", node));
        try {
            d = Distribution.valueOf(dist.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw yaml.fault(f.get("distribution"), "unknown distribution '" + dist + "' (triangular, uniform, normal, lognormal)");
        }
        if (d == Distribution.LOGNORMAL && (central <= 0 || high < central)) {
            throw yaml.fault(node, "a lognormal figure needs 0 < central <= high");
        }
        // Physical bounds: rates may be negative only when the range says so; methane never is.
        double lower = Math.min(0, low);
        double upper = Double.POSITIVE_INFINITY;
        if (f.containsKey("bounds")) {
            List<Node> b = yaml.sequence(f.get("bounds"));
            if (b.size() != 2) throw yaml.fault(f.get("bounds"), "bounds are [lower, upper]");
            lower = yaml.number(b.get(0));
            upper = yaml.number(b.get(1));
            if (lower > low || upper < high) throw yaml.fault(f.get("bounds"), "bounds must enclose low..high");
        }
        if (methane && low < 0) throw yaml.fault(node, "methane emissions cannot be negative");
        boolean netted = methane && yaml.bool(yaml.required(f, "netted", node));
        return new UncertainFigure(low, central, high, d, lower, upper, netted, sourceRef(yaml.required(f, "source", node), sources),
                yaml.text(yaml.required(f, "where", node)), checked(yaml.required(f, "checked", node)));
    }

    private UrbanGreenSplit split(String id, Node node, Map<String, Source> sources) {
        Map<String, Node> f = yaml.fields(yaml.mapping(node), Set.of("tree_crown", "lawn", "paved", "width_m", "source", "where", "checked"));
        double crown = yaml.number(yaml.required(f, "tree_crown", node));
        double lawn = yaml.number(yaml.required(f, "lawn", node));
        double paved = yaml.number(yaml.required(f, "paved", node));
        if (crown < 0 || lawn < 0 || paved < 0 || Math.abs(crown + lawn + paved - 1) > 1e-9) {
            throw yaml.fault(node, "tree_crown + lawn + paved must be shares that sum to 1, got " + (crown + lawn + paved));
        }
        Double width = f.containsKey("width_m") ? yaml.number(f.get("width_m")) : null;
        if (width != null && width <= 0) throw yaml.fault(f.get("width_m"), "width_m must be positive");
        return new UrbanGreenSplit(id, crown, lawn, paved, width, sourceRef(yaml.required(f, "source", node), sources),
                yaml.text(yaml.required(f, "where", node)), checked(yaml.required(f, "checked", node)));
    }

    // ------------------------------------------------------------------------------------------------
    // The standard's own kinds of value, failing with the line

    private Checked checked(Node n) {
        String t = yaml.text(n);
        try {
            return Checked.valueOf(t);
        } catch (IllegalArgumentException e) {
            throw yaml.fault(n, "checked must be V, V2, D or U, not '" + t + "'");
        }
    }

    private String sourceRef(Node n, Map<String, Source> sources) {
        String id = yaml.text(n);
        if (!sources.containsKey(id)) throw yaml.fault(n, "unknown source '" + id + "' (add it under sources)");
        return id;
    }

    private static int line(Node n) {
        return YamlNodes.line(n);
    }
}
