package org.sinkatlas.tiles;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.sinkatlas.layers.model.LayerInfo;

/**
 * PNG map tiles for clients that want pictures (ArcGIS Pro reads OGC API Tiles as map tiles), drawn with
 * Java 2D from the layers' own vector tiles and styles, so a PNG shows what the web map shows. Labels are
 * left to the vector map: a raster label cannot follow the reader's language.
 */
public final class PngTiles {

    private static final GeometryFactory FACTORY = new GeometryFactory();
    private static final double SCALE = (double) WebMercatorQuad.TILE_SIZE / VectorTiles.EXTENT;

    private final VectorTiles tiles;
    private final MapStyles styles;

    /** Pictures drawn from {@code tiles}' features in the colours of {@code styles}; safe to share between threads. */
    public PngTiles(VectorTiles tiles, MapStyles styles) {
        this.tiles = tiles;
        this.styles = styles;
    }

    /** The map tile of these layers (the whole map's when they are the published ones), cached. */
    public TileCache.Tile tile(String key, List<LayerInfo> layers, TileCoord t) {
        TileCache cache = tiles.cache();
        TileCache.Key k = new TileCache.Key(key, t, "png");
        TileCache.Tile hit = cache.find(k);
        if (hit != null) return hit;
        long before = cache.purges();
        return cache.keep(k, render(layers, t), before);
    }

    /** Draws the layers that are tiled at this zoom, in the map's drawing order. */
    public byte[] render(List<LayerInfo> layers, TileCoord t) {
        BufferedImage image = new BufferedImage(WebMercatorQuad.TILE_SIZE, WebMercatorQuad.TILE_SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            for (LayerInfo layer : styles.drawingOrder(layers)) {
                LayerTileRule rule = tiles.rule(layer);
                if (!rule.drawnAt(t.z())) continue;
                byte[] mvt = tiles.made(layer, t).bytes();
                if (mvt.length == 0) continue;
                JtsLayer features = read(mvt).getLayer(layer.id());
                if (features != null) draw(g, features, rule.style());
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static JtsMvt read(byte[] mvt) {
        try {
            return MvtReader.loadMvt(new ByteArrayInputStream(mvt), FACTORY, new TagKeyValueMapConverter(false, "fid"));
        } catch (IOException e) {
            throw new UncheckedIOException("a vector tile could not be read back: " + e.getMessage(), e);
        }
    }

    private static void draw(Graphics2D g, JtsLayer features, LayerStyle st) {
        BasicStroke line = new BasicStroke((float) st.width(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
                dash(st), 0f);
        for (Geometry f : features.getGeometries()) {
            Map<?, ?> attributes = (Map<?, ?>) f.getUserData();
            Color c = color(st.colorOf(st.by() == null ? null : attributes.get(st.by())), st.opacity());
            for (int i = 0; i < f.getNumGeometries(); i++) {
                Geometry part = f.getGeometryN(i);
                switch (st.kind()) {
                    case FILL -> {
                        if (!(part instanceof Polygon p)) continue;
                        Path2D path = polygon(p);
                        g.setComposite(AlphaComposite.SrcOver);
                        g.setColor(c);
                        g.fill(path);
                        if (st.outline() != null) {
                            g.setColor(color(st.outline(), Math.min(1, st.opacity() + 0.2)));
                            g.setStroke(new BasicStroke(0.6f));
                            g.draw(path);
                        }
                    }
                    case LINE, OUTLINE -> {
                        g.setColor(c);
                        g.setStroke(line);
                        if (part instanceof Polygon p) g.draw(polygon(p));
                        else if (part instanceof LineString l) g.draw(path(l.getCoordinates(), false));
                    }
                    case CIRCLE -> {
                        if (!(part instanceof Point p)) continue;
                        double r = st.radius();
                        Ellipse2D dot = new Ellipse2D.Double(p.getX() * SCALE - r, p.getY() * SCALE - r, 2 * r, 2 * r);
                        g.setColor(c);
                        g.fill(dot);
                        if (st.outline() != null) {
                            g.setColor(color(st.outline(), 1));
                            g.setStroke(new BasicStroke(1.2f));
                            g.draw(dot);
                        }
                    }
                }
            }
        }
    }

    private static float[] dash(LayerStyle st) {
        if (st.dash().isEmpty()) return null;
        float[] d = new float[st.dash().size()];
        for (int i = 0; i < d.length; i++) d[i] = (float) (st.dash().get(i) * st.width());
        return d;
    }

    private static Path2D polygon(Polygon p) {
        Path2D path = path(p.getExteriorRing().getCoordinates(), true);
        for (int i = 0; i < p.getNumInteriorRing(); i++) path.append(path(p.getInteriorRingN(i).getCoordinates(), true), false);
        path.setWindingRule(Path2D.WIND_EVEN_ODD);
        return path;
    }

    private static Path2D path(Coordinate[] cs, boolean close) {
        Path2D.Double path = new Path2D.Double();
        for (int i = 0; i < cs.length; i++) {
            if (i == 0) path.moveTo(cs[i].x * SCALE, cs[i].y * SCALE);
            else path.lineTo(cs[i].x * SCALE, cs[i].y * SCALE);
        }
        if (close) path.closePath();
        return path;
    }

    private static Color color(String hex, double opacity) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return new Color((rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255, (int) Math.round(255 * Math.max(0, Math.min(1, opacity))));
    }
}
