package org.sinkatlas.sink.standard;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sinkatlas.sink.yaml.YamlNodes;
import org.yaml.snakeyaml.nodes.Node;

/** Reads the standard's numbers (fixed and uncertain figures) with their sources, failing with the line. */
final class FigureReader {

    private final YamlNodes yaml;
    private final Map<String, Source> sources;

    FigureReader(YamlNodes yaml, Map<String, Source> sources) {
        this.yaml = yaml;
        this.sources = sources;
    }

    YamlNodes yaml() {
        return yaml;
    }

    /** {@code {value, unit, source, where, checked, note}}. */
    Figure figure(String id, Node node) {
        Map<String, Node> f = yaml.fields(yaml.mapping(node), Set.of("value", "unit", "source", "where", "checked", "note"));
        return new Figure(id, yaml.number(yaml.required(f, "value", node)), f.containsKey("unit") ? yaml.text(f.get("unit")) : null,
                sourceRef(yaml.required(f, "source", node)), yaml.text(yaml.required(f, "where", node)),
                checked(yaml.required(f, "checked", node)), f.containsKey("note") ? yaml.text(f.get("note")) : null);
    }

    /** A fixed figure that may not be negative (a stock). */
    Figure stock(String id, Node node) {
        Figure f = figure(id, node);
        if (f.value() < 0) throw yaml.fault(node, "a carbon stock cannot be negative: " + id.substring(id.lastIndexOf('.') + 1)
                + " = " + f.value());
        return f;
    }

    /**
     * {@code {low, central, high, distribution, bounds, unit, source, where, checked}} (and {@code netted} for a
     * 2026.1 methane figure). Physical bounds: a figure may be negative only when its range says so; an
     * emission or a stock never is.
     */
    UncertainFigure uncertain(String id, Node node, boolean legacyMethane, boolean nonNegative) {
        Set<String> allowed = new LinkedHashSet<>(List.of("low", "central", "high", "distribution", "bounds", "unit", "source",
                "where", "checked"));
        if (legacyMethane) allowed.add("netted");
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
            throw yaml.fault(f.get("distribution"), "unknown distribution '" + dist
                    + "' (triangular, uniform, normal, normal95, lognormal)");
        }
        if (d == Distribution.LOGNORMAL && (central <= 0 || high < central)) {
            throw yaml.fault(node, "a lognormal figure needs 0 < central <= high");
        }
        if (nonNegative && low < 0) throw yaml.fault(node, id.substring(id.lastIndexOf('.') + 1) + " cannot be negative");
        double lower = nonNegative ? 0 : Math.min(0, low);
        double upper = Double.POSITIVE_INFINITY;
        if (f.containsKey("bounds")) {
            List<Node> b = yaml.sequence(f.get("bounds"));
            if (b.size() != 2) throw yaml.fault(f.get("bounds"), "bounds are [lower, upper]");
            lower = yaml.number(b.get(0));
            upper = yaml.number(b.get(1));
            if (lower > low || upper < high) throw yaml.fault(f.get("bounds"), "bounds must enclose low..high");
        }
        boolean netted = !legacyMethane || yaml.bool(yaml.required(f, "netted", node));
        return new UncertainFigure(id, low, central, high, d, lower, upper, netted, f.containsKey("unit") ? yaml.text(f.get("unit"))
                : null, sourceRef(yaml.required(f, "source", node)), yaml.text(yaml.required(f, "where", node)),
                checked(yaml.required(f, "checked", node)));
    }

    Checked checked(Node n) {
        String t = yaml.text(n);
        try {
            return Checked.valueOf(t);
        } catch (IllegalArgumentException e) {
            throw yaml.fault(n, "checked must be V, V2, D or U, not '" + t + "'");
        }
    }

    String sourceRef(Node n) {
        String id = yaml.text(n);
        if (!sources.containsKey(id)) throw yaml.fault(n, "unknown source '" + id + "' (add it under sources)");
        return id;
    }
}
