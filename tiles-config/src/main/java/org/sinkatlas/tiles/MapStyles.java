package org.sinkatlas.tiles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.Localized;
import org.sinkatlas.layers.model.PropertyDef;

/**
 * TileJSON 3.0 and MapLibre style documents (style specification v8) for the whole map and for each layer,
 * written from the same tile rules and styles that the tiles and PNG renderer use. The style has no
 * {@code glyphs} URL: MapLibre then draws every label locally with the browser's fonts, which also covers
 * Chinese, and the service needs no font server.
 */
public final class MapStyles {

    /** The one vector source of the whole-map style. */
    public static final String SOURCE = "sink-atlas";
    /** Fonts tried in order for labels (CSS families; the last is the browser's default). */
    static final List<String> FONTS = List.of("Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC",
            "sans-serif");
    private static final String BACKGROUND = "#f4f1ea";

    private final ObjectMapper json = new ObjectMapper();
    private final VectorTiles tiles;

    /** Styles for the layers that {@code tiles} serves, coloured by their rules; stateless, safe to share. */
    public MapStyles(VectorTiles tiles) {
        this.tiles = tiles;
    }

    /** The layers in drawing order: fills, then lines and outlines, then circles; the file's order within each. */
    public List<LayerInfo> drawingOrder(List<LayerInfo> layers) {
        List<String> order = tiles.rules().configuredOrder();
        List<LayerInfo> sorted = new ArrayList<>(layers);
        sorted.sort(Comparator.comparingInt((LayerInfo l) -> tiles.rule(l).style().kind().ordinal() == 0 ? 0
                : tiles.rule(l).style().kind() == LayerStyle.Kind.CIRCLE ? 2 : 1)
                .thenComparingInt(l -> order.contains(l.id()) ? order.indexOf(l.id()) : order.size()));
        return sorted;
    }

    /**
     * TileJSON 3.0 of a tile set.
     *
     * @param tileUrl the tile URL template with {z}, {x} and {y}
     * @param bounds  the layers' extent in longitude and latitude, or null
     */
    public ObjectNode tileJson(String name, Localized description, String attribution, String tileUrl,
            List<LayerInfo> layers, Envelope bounds, String lang) {
        ObjectNode t = json.createObjectNode();
        t.put("tilejson", "3.0.0");
        t.put("name", name);
        t.put("description", description.in(lang));
        t.put("attribution", attribution);
        t.put("scheme", "xyz");
        t.putArray("tiles").add(tileUrl);
        int min = WebMercatorQuad.MAX_ZOOM;
        int max = 0;
        ArrayNode vl = t.putArray("vector_layers");
        for (LayerInfo layer : layers) {
            LayerTileRule rule = tiles.rule(layer);
            min = Math.min(min, rule.minzoom());
            max = Math.max(max, rule.maxzoom());
            ObjectNode v = vl.addObject();
            v.put("id", layer.id());
            v.put("description", layer.title().in(lang));
            v.put("minzoom", rule.minzoom());
            v.put("maxzoom", rule.maxzoom());
            ObjectNode fields = v.putObject("fields");
            for (String a : rule.attributes()) {
                PropertyDef p = layer.property(a).orElseThrow();
                String type = p.type().jsonSchemaType();
                fields.put(a, type.equals("number") || type.equals("integer") ? "Number"
                        : type.equals("boolean") ? "Boolean" : "String");
            }
            if (LabelPoints.labelled(layer, rule)) {
                ObjectNode labels = vl.addObject();
                labels.put("id", layer.id() + LabelPoints.SUFFIX);
                labels.put("description", layer.title().in(lang) + " · " + Localized.of("名称注记点", "label points").in(lang));
                labels.put("minzoom", rule.minzoom());
                labels.put("maxzoom", rule.maxzoom());
                ObjectNode labelFields = labels.putObject("fields");
                labelFields.put(rule.style().label(), "String");
                if (layer.property("name_en").isPresent()) labelFields.put("name_en", "String");
            }
        }
        t.put("minzoom", layers.isEmpty() ? 0 : min);
        t.put("maxzoom", layers.isEmpty() ? 0 : max);
        if (bounds != null) {
            t.putArray("bounds").add(bounds.getMinX()).add(bounds.getMinY()).add(bounds.getMaxX()).add(bounds.getMaxY());
            t.putArray("center").add(bounds.centre().getX()).add(bounds.centre().getY()).add(Math.max(min, 9));
        }
        return t;
    }

    /**
     * A MapLibre style drawing {@code layers} from one vector source.
     *
     * @param tileJsonUrl where the source's TileJSON is
     * @param bounds      where the map opens, or null
     */
    public ObjectNode style(String name, String tileJsonUrl, List<LayerInfo> layers, Envelope bounds, String lang) {
        ObjectNode s = json.createObjectNode();
        s.put("version", 8);
        s.put("name", name);
        if (bounds != null) {
            s.putArray("center").add(bounds.centre().getX()).add(bounds.centre().getY());
            s.put("zoom", 9.2);
        }
        ObjectNode meta = s.putObject("metadata");
        ArrayNode legend = meta.putArray("sink-atlas:legend");
        s.putObject("sources").putObject(SOURCE).put("type", "vector").put("url", tileJsonUrl);
        ArrayNode out = s.putArray("layers");
        out.addObject().put("id", "background").put("type", "background").putObject("paint")
                .put("background-color", BACKGROUND);
        List<LayerInfo> ordered = drawingOrder(layers);
        for (LayerInfo layer : ordered) {
            LayerTileRule rule = tiles.rule(layer);
            draw(out, layer, rule);
            legend.add(legendEntry(layer, rule.style()));
        }
        for (LayerInfo layer : ordered) {
            LayerTileRule rule = tiles.rule(layer);
            if (rule.style().label() != null && rule.attributes().contains(rule.style().label())) label(out, layer, rule);
        }
        return s;
    }

    private void draw(ArrayNode out, LayerInfo layer, LayerTileRule rule) {
        LayerStyle st = rule.style();
        ObjectNode l = base(out, layer.id(), layer, rule);
        switch (st.kind()) {
            case FILL -> {
                l.put("type", "fill");
                ObjectNode paint = l.putObject("paint");
                paint.set("fill-color", color(st));
                paint.put("fill-opacity", st.opacity());
                if (st.outline() != null) paint.put("fill-outline-color", st.outline());
            }
            case LINE, OUTLINE -> {
                l.put("type", "line");
                l.putObject("layout").put("line-join", "round").put("line-cap", "round");
                ObjectNode paint = l.putObject("paint");
                paint.set("line-color", color(st));
                paint.put("line-width", st.width());
                paint.put("line-opacity", st.opacity());
                if (!st.dash().isEmpty()) {
                    ArrayNode d = paint.putArray("line-dasharray");
                    st.dash().forEach(d::add);
                }
            }
            case CIRCLE -> {
                l.put("type", "circle");
                ObjectNode paint = l.putObject("paint");
                paint.set("circle-color", color(st));
                paint.put("circle-radius", st.radius());
                paint.put("circle-opacity", st.opacity());
                if (st.outline() != null) paint.put("circle-stroke-color", st.outline()).put("circle-stroke-width", 1.2);
            }
        }
    }

    private ObjectNode base(ArrayNode out, String id, LayerInfo layer, LayerTileRule rule) {
        ObjectNode l = out.addObject();
        l.put("id", id);
        l.put("source", SOURCE);
        l.put("source-layer", layer.id());
        l.put("minzoom", rule.minzoom());
        // A style layer is hidden from its maxzoom on: a generalised layer gives way after its last zoom.
        if (rule.generalised()) l.put("maxzoom", rule.maxzoom() + 1);
        l.putObject("metadata").put("sink-atlas:layer", layer.id());
        return l;
    }

    private void label(ArrayNode out, LayerInfo layer, LayerTileRule rule) {
        LayerStyle st = rule.style();
        ObjectNode l = base(out, layer.id() + "-label", layer, rule);
        // An area is labelled once, at its label point (see LabelPoints), not on every tile's piece of it.
        if (LabelPoints.labelled(layer, rule)) l.put("source-layer", layer.id() + LabelPoints.SUFFIX);
        l.put("type", "symbol");
        l.put("minzoom", Math.max(rule.minzoom(), st.labelMinzoom()));
        // A style layer's maxzoom is the first zoom it is hidden at; label_maxzoom is the last it shows at.
        if (st.labelMaxzoom() < WebMercatorQuad.MAX_ZOOM) l.put("maxzoom", st.labelMaxzoom() + 1);
        ObjectNode layout = l.putObject("layout");
        layout.putArray("text-field").add("get").add(st.label());
        ArrayNode fonts = layout.putArray("text-font");
        FONTS.forEach(fonts::add);
        layout.put("text-size", 12);
        layout.put("text-max-width", 8);
        if (st.kind() == LayerStyle.Kind.LINE) layout.put("symbol-placement", "line");
        if (st.kind() == LayerStyle.Kind.CIRCLE) {
            layout.set("text-offset", json.createArrayNode().add(0).add(1.1));
            layout.put("text-anchor", "top");
        }
        ObjectNode paint = l.putObject("paint");
        paint.put("text-color", "#30343b").put("text-halo-color", "#ffffff").put("text-halo-width", 1.4);
    }

    /** The colour as a constant or a data expression: match on values, step on numbers. */
    private com.fasterxml.jackson.databind.JsonNode color(LayerStyle st) {
        if (st.by() == null || st.classes().isEmpty()) return json.getNodeFactory().textNode(st.color());
        ArrayNode e = json.createArrayNode();
        if (st.stepped()) {
            ArrayNode step = json.createArrayNode().add("step").add(json.createArrayNode().add("to-number")
                    .add(json.createArrayNode().add("get").add(st.by())));
            for (int i = 0; i < st.classes().size(); i++) {
                LayerStyle.StyleClass c = st.classes().get(i);
                if (i > 0) step.add(st.classes().get(i - 1).below());
                step.add(c.color());
            }
            e.add("case").add(json.createArrayNode().add("has").add(st.by())).add(step).add(st.color());
            return e;
        }
        e.add("match").add(json.createArrayNode().add("get").add(st.by()));
        for (LayerStyle.StyleClass c : st.classes()) e.add(c.value()).add(c.color());
        e.add(st.color());
        return e;
    }

    private ObjectNode legendEntry(LayerInfo layer, LayerStyle st) {
        ObjectNode o = json.createObjectNode();
        o.put("layer", layer.id());
        o.putObject("title").put("zh", layer.title().zh()).put("en", layer.title().en());
        o.put("kind", st.kind().name().toLowerCase(java.util.Locale.ROOT));
        o.put("color", st.color());
        ArrayNode classes = o.putArray("classes");
        for (LayerStyle.StyleClass c : st.classes()) {
            classes.addObject().put("color", c.color()).putObject("label").put("zh", c.label().zh()).put("en", c.label().en());
        }
        return o;
    }
}
