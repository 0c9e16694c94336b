package org.sinkatlas.sink.yaml;

import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
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
 * Typed access to a SnakeYAML node tree for the data files that ship with the models (sink standards, the
 * plan's targets). The tree is read directly, rather than bound to classes, so that every value keeps its
 * line: each fault becomes the caller's exception with the message {@code file line N: reason}.
 */
public final class YamlNodes {

    private final String file;
    private final Function<String, RuntimeException> faults;

    /**
     * @param file   names the file in messages
     * @param faults makes the exception thrown for a fault from its message
     */
    public YamlNodes(String file, Function<String, RuntimeException> faults) {
        this.file = file;
        this.faults = faults;
    }

    /** Parses a YAML document whose top is a mapping. */
    public MappingNode root(Reader reader) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(reader);
        } catch (YAMLException e) {
            RuntimeException fault = faults.apply(file + ": not valid YAML: " + e.getMessage());
            if (fault.getCause() == null) fault.initCause(e);
            throw fault;
        }
        if (!(root instanceof MappingNode m)) throw faults.apply(file + ": the file must be a YAML mapping");
        return m;
    }

    /**
     * The keys and values of a mapping, in order.
     *
     * @param allowed the keys it may have, or null for any
     */
    public Map<String, Node> fields(MappingNode node, Set<String> allowed) {
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

    public Node required(Map<String, Node> fields, String key, Node parent) {
        Node n = fields.get(key);
        if (n == null) throw fault(parent, "'" + key + "' is missing");
        return n;
    }

    public MappingNode mapping(Node n) {
        if (n instanceof MappingNode m) return m;
        throw fault(n, "expected a mapping");
    }

    public List<Node> sequence(Node n) {
        if (n instanceof SequenceNode s) return s.getValue();
        throw fault(n, "expected a list");
    }

    public String text(Node n) {
        if (n instanceof ScalarNode s) return s.getValue();
        throw fault(n, "expected a single value");
    }

    public double number(Node n) {
        String t = text(n);
        try {
            double v = Double.parseDouble(t);
            if (!Double.isFinite(v)) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw fault(n, "'" + t + "' is not a number");
        }
    }

    public int integer(Node n) {
        String t = text(n);
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw fault(n, "'" + t + "' is not a whole number");
        }
    }

    public boolean bool(Node n) {
        String t = text(n);
        if (t.equals("true")) return true;
        if (t.equals("false")) return false;
        throw fault(n, "expected true or false, got '" + t + "'");
    }

    public LocalDate date(Node n) {
        String t = text(n);
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            throw fault(n, "'" + t + "' is not a date (YYYY-MM-DD)");
        }
    }

    /** A {@code {zh: ..., en: ...}} mapping. */
    public Localized localized(Node n) {
        Map<String, Node> f = fields(mapping(n), Set.of("zh", "en"));
        return Localized.of(text(required(f, "zh", n)), text(required(f, "en", n)));
    }

    /** The 1-based line a node starts on. */
    public static int line(Node n) {
        return n.getStartMark().getLine() + 1;
    }

    /** The caller's exception for a fault at a node. */
    public RuntimeException fault(Node n, String message) {
        return faults.apply(file + " line " + (n == null ? "?" : line(n)) + ": " + message);
    }
}
