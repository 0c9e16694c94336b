package org.sinkatlas.tiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.sinkatlas.layers.model.GeometryKind;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.Localized;
import org.sinkatlas.layers.model.PropertyDef;
import org.sinkatlas.layers.model.PropertyType;
import org.sinkatlas.layers.model.SinkFields;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The tile rules and styles of the layers, read from {@code tiles/layers.yaml}. A layer the file does not
 * name gets the defaults and a plain style for its geometry kind, so a layer made by an admin is tiled at
 * once. A fault in the file stops start-up with its place and reason.
 */
public final class TileRules {

    public static final String RESOURCE = "/tiles/layers.yaml";

    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Set<String> RULE_KEYS = Set.of("minzoom", "maxzoom", "buffer", "simplify", "min_size",
            "max_features", "max_bytes", "attributes", "sink", "style", "generalised");
    private static final Set<String> STYLE_KEYS = Set.of("kind", "color", "outline", "opacity", "width", "radius", "dash",
            "by", "label", "label_minzoom", "label_maxzoom");
    /** What the map can colour a sink layer by (net, stock, emissions per hectare, eligibility, plan against today). */
    private static final List<String> SINK_ATTRIBUTES = List.of(SinkFields.DENSITY, SinkFields.NET, SinkFields.STOCK,
            SinkFields.AREA, SinkFields.METHANE, SinkFields.N2O, SinkFields.ELIGIBILITY, SinkFields.PLAN_DIFF);

    private final Map<String, Object> defaults;
    private final Map<String, Map<String, Object>> layers;
    private final List<String> order;

    private TileRules(Map<String, Object> defaults, Map<String, Map<String, Object>> layers) {
        this.defaults = defaults;
        this.layers = layers;
        this.order = List.copyOf(layers.keySet());
    }

    /** The rules that ship with the service. */
    public static TileRules builtIn() {
        try (InputStream in = TileRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the class path");
            return read(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** @throws IllegalArgumentException naming the file, the layer and the fault */
    @SuppressWarnings("unchecked")
    public static TileRules read(Reader reader, String name) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        if (!(root instanceof Map<?, ?> map)) throw new IllegalArgumentException(name + ": expected defaults: and layers:");
        Map<String, Object> defaults = (Map<String, Object>) map.get("defaults");
        Map<String, Object> layerMap = (Map<String, Object>) map.get("layers");
        if (defaults == null || layerMap == null) throw new IllegalArgumentException(name + ": expected defaults: and layers:");
        Map<String, Map<String, Object>> layers = new LinkedHashMap<>();
        layerMap.forEach((id, v) -> layers.put(id, v == null ? Map.of() : (Map<String, Object>) v));
        TileRules rules = new TileRules(defaults, layers);
        // Check every entry now, against a layer of each kind, so that a bad file fails at start and not at a tile.
        for (String id : layers.keySet()) {
            try {
                rules.rule(id, null);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(name + ", layer " + id + ": " + e.getMessage(), e);
            }
        }
        return rules;
    }

    /** The layers the file names, in its order (the map draws them in this order, fills first). */
    public List<String> configuredOrder() {
        return order;
    }

    /** The rule of a layer: its entry over the defaults, with only the attributes the layer has. */
    public LayerTileRule rule(LayerInfo layer) {
        return rule(layer.id(), layer);
    }

    private LayerTileRule rule(String id, LayerInfo layer) {
        Map<String, Object> own = layers.getOrDefault(id, Map.of());
        for (String k : own.keySet()) if (!RULE_KEYS.contains(k)) throw new IllegalArgumentException("unknown key '" + k + "'");
        int minzoom = integer(own, "minzoom");
        int maxzoom = integer(own, "maxzoom");
        if (minzoom < 0 || maxzoom > WebMercatorQuad.MAX_ZOOM || minzoom > maxzoom) {
            throw new IllegalArgumentException("zooms must satisfy 0 <= minzoom <= maxzoom <= " + WebMercatorQuad.MAX_ZOOM);
        }
        double buffer = number(own, "buffer");
        double simplify = number(own, "simplify");
        double minSize = number(own, "min_size");
        int maxFeatures = integer(own, "max_features");
        int maxBytes = integer(own, "max_bytes");
        if (buffer < 0 || simplify < 0 || minSize < 0 || maxFeatures < 1 || maxBytes < 1000) {
            throw new IllegalArgumentException("buffer, simplify and min_size must be >= 0, max_features >= 1,"
                    + " max_bytes >= 1000");
        }
        List<String> attributes = new ArrayList<>();
        Object listed = own.get("attributes");
        if (listed instanceof List<?> l) l.forEach(a -> attributes.add(String.valueOf(a)));
        else if (listed != null) throw new IllegalArgumentException("attributes must be a list of property names");
        else attributes.add("name");
        if (Boolean.TRUE.equals(own.get("sink")) || (layer != null && listed == null && SinkFields.isSinkLayer(layer))) {
            attributes.addAll(SINK_ATTRIBUTES);
        }
        if (layer != null) attributes.removeIf(a -> !tileable(layer, a));
        LayerStyle style = style(own.get("style"), layer);
        Object generalised = own.getOrDefault("generalised", false);
        if (!(generalised instanceof Boolean)) throw new IllegalArgumentException("generalised must be true or false");
        return new LayerTileRule(id, minzoom, maxzoom, buffer, simplify, minSize, maxFeatures, maxBytes, attributes, style,
                (Boolean) generalised);
    }

    /** Tiles carry scalar properties only. */
    private static boolean tileable(LayerInfo layer, String name) {
        return layer.property(name).map(PropertyDef::type).filter(t -> t != PropertyType.JSON).isPresent();
    }

    private int integer(Map<String, Object> own, String key) {
        Object v = own.containsKey(key) ? own.get(key) : defaults.get(key);
        if (!(v instanceof Integer i)) throw new IllegalArgumentException(key + " must be a whole number, not " + v);
        return i;
    }

    private double number(Map<String, Object> own, String key) {
        Object v = own.containsKey(key) ? own.get(key) : defaults.get(key);
        if (!(v instanceof Number n)) throw new IllegalArgumentException(key + " must be a number, not " + v);
        return n.doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static LayerStyle style(Object raw, LayerInfo layer) {
        if (raw == null) return plainStyle(layer == null ? GeometryKind.GEOMETRY : layer.geometryKind());
        if (!(raw instanceof Map<?, ?>)) throw new IllegalArgumentException("style must be a map");
        Map<String, Object> s = (Map<String, Object>) raw;
        for (String k : s.keySet()) if (!STYLE_KEYS.contains(k)) throw new IllegalArgumentException("unknown style key '" + k + "'");
        LayerStyle.Kind kind;
        try {
            kind = LayerStyle.Kind.valueOf(String.valueOf(s.get("kind")).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("style kind must be fill, line, outline or circle, not " + s.get("kind"));
        }
        String by = null;
        List<LayerStyle.StyleClass> classes = new ArrayList<>();
        String fallback = (String) s.get("color");
        if (s.get("by") != null) {
            Map<String, Object> b = (Map<String, Object>) s.get("by");
            by = (String) b.get("property");
            if (by == null) throw new IllegalArgumentException("by needs a property");
            fallback = (String) b.get("default");
            List<Map<String, Object>> match = (List<Map<String, Object>>) b.get("match");
            List<Map<String, Object>> steps = (List<Map<String, Object>>) b.get("steps");
            if ((match == null) == (steps == null)) throw new IllegalArgumentException("by needs either match or steps");
            List<Map<String, Object>> entries = match != null ? match : steps;
            if (entries.isEmpty()) throw new IllegalArgumentException("by." + (match != null ? "match" : "steps") + " is empty");
            for (int i = 0; i < entries.size(); i++) {
                Map<String, Object> c = entries.get(i);
                Double below = steps == null ? null : stepBound(c.get("below"), i, entries.size(), classes);
                classes.add(new LayerStyle.StyleClass(match != null ? String.valueOf(c.get("value")) : null, below,
                        color(c.get("color")), label(c.get("label"))));
            }
        }
        if (fallback == null) throw new IllegalArgumentException("style needs a color (or by.default)");
        List<Double> dash = new ArrayList<>();
        if (s.get("dash") instanceof List<?> d) d.forEach(x -> dash.add(((Number) x).doubleValue()));
        return new LayerStyle(kind, color(fallback), s.get("outline") == null ? null : color(s.get("outline")),
                s.get("opacity") == null ? 1 : ((Number) s.get("opacity")).doubleValue(),
                s.get("width") == null ? 1.5 : ((Number) s.get("width")).doubleValue(),
                s.get("radius") == null ? 4 : ((Number) s.get("radius")).doubleValue(), dash, by, classes,
                (String) s.get("label"), s.get("label_minzoom") == null ? 12 : (Integer) s.get("label_minzoom"),
                s.get("label_maxzoom") == null ? WebMercatorQuad.MAX_ZOOM : (Integer) s.get("label_maxzoom"));
    }

    /**
     * The upper bound of step {@code i}: a number above the one before, on every step but the last, which takes
     * what is left (MapLibre's step expression needs rising stops).
     */
    private static Double stepBound(Object below, int i, int steps, List<LayerStyle.StyleClass> before) {
        boolean last = i == steps - 1;
        if (last) {
            if (below != null) throw new IllegalArgumentException("the last step must have no 'below' bound");
            return null;
        }
        if (!(below instanceof Number n)) {
            throw new IllegalArgumentException("step " + (i + 1) + " needs a number 'below' (only the last step has none),"
                    + " not " + below);
        }
        double bound = n.doubleValue();
        if (i > 0 && !(bound > before.get(i - 1).below())) {
            throw new IllegalArgumentException("step bounds must rise: step " + (i + 1) + " has below " + bound
                    + " after " + before.get(i - 1).below());
        }
        return bound;
    }

    private static LayerStyle plainStyle(GeometryKind kind) {
        LayerStyle.Kind k = switch (kind) {
            case POINT, MULTIPOINT -> LayerStyle.Kind.CIRCLE;
            case LINESTRING, MULTILINESTRING -> LayerStyle.Kind.LINE;
            default -> LayerStyle.Kind.FILL;
        };
        return new LayerStyle(k, "#7a869a", "#4a5568", 0.6, 1.5, 4, List.of(), null, List.of(), "name", 13,
                WebMercatorQuad.MAX_ZOOM);
    }

    private static String color(Object v) {
        String c = String.valueOf(v);
        if (!COLOR.matcher(c).matches()) throw new IllegalArgumentException("colour '" + c + "' must be #rrggbb");
        return c.toLowerCase(Locale.ROOT);
    }

    @SuppressWarnings("unchecked")
    private static Localized label(Object v) {
        if (!(v instanceof Map<?, ?>)) throw new IllegalArgumentException("a class label must be {zh: ..., en: ...}");
        Map<String, Object> m = (Map<String, Object>) v;
        return Localized.of(String.valueOf(m.get("zh")), String.valueOf(m.get("en")));
    }
}
