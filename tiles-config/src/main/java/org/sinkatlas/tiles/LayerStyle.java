package org.sinkatlas.tiles;

import java.util.List;
import org.sinkatlas.layers.model.Localized;

/**
 * How a layer is drawn, in the web map (as MapLibre style layers) and in PNG tiles (by {@code PngRenderer}):
 * one description so that both look alike.
 *
 * @param kind          fill, line, outline (a polygon drawn as its boundary) or circle
 * @param color         the colour when no class applies, {@code #rrggbb}
 * @param outline       the boundary colour of fills and circles, or null
 * @param opacity       0 to 1
 * @param width         line width in pixels
 * @param radius        circle radius in pixels
 * @param dash          dash and gap lengths in line widths, or empty for a solid line
 * @param by            the property that picks a class colour, or null
 * @param classes       the classes: values to match, or steps of a number (the last step has no bound)
 * @param label         the property written on the map, or null
 * @param labelMinzoom  the zoom from which labels are written
 * @param labelMaxzoom  the zoom up to which they are (large areas would repeat their name in every tile)
 */
public record LayerStyle(Kind kind, String color, String outline, double opacity, double width, double radius,
        List<Double> dash, String by, List<StyleClass> classes, String label, int labelMinzoom, int labelMaxzoom) {

    public enum Kind { FILL, LINE, OUTLINE, CIRCLE }

    /**
     * One class of a layer's legend.
     *
     * @param value a value of the property to match, or null for a step
     * @param below the step's upper bound (exclusive), or null for a match or the last step
     */
    public record StyleClass(String value, Double below, String color, Localized label) {}

    public LayerStyle {
        dash = List.copyOf(dash);
        classes = List.copyOf(classes);
    }

    /** Whether the classes are numeric steps rather than matched values. */
    public boolean stepped() {
        return !classes.isEmpty() && classes.get(0).value() == null;
    }

    /** The colour of a feature with this value of {@link #by}. */
    public String colorOf(Object value) {
        if (by == null || classes.isEmpty()) return color;
        if (value == null) return color;
        if (stepped()) {
            if (!(value instanceof Number n)) return color;
            double v = n.doubleValue();
            for (StyleClass c : classes) {
                if (c.below() == null || v < c.below()) return c.color();
            }
            return color;
        }
        for (StyleClass c : classes) {
            if (c.value().equals(String.valueOf(value))) return c.color();
        }
        return color;
    }
}
