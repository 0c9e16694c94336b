package org.sinkatlas.tiles;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtEncoder;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerParams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.algorithm.construct.MaximumInscribedCircle;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.sinkatlas.layers.filter.Filter;
import org.sinkatlas.layers.model.Feature;
import org.sinkatlas.layers.model.GeometryKind;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.store.FeatureQuery;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.StoreCursor;

/**
 * One label point per area, so that a district or a lake is named once on the map and not in every tile its
 * area crosses (a renderer labels each piece of a clipped polygon): the centre of the largest circle inside the
 * feature's largest part (JTS {@link MaximumInscribedCircle}, the "pole of inaccessibility"), kept until the
 * feature changes. Tiles carry the points as a layer of their own, {@value #SUFFIX} after the layer's id, each
 * point in the one tile it falls in.
 */
final class LabelPoints {

    static final String SUFFIX = "-label";

    private static final GeometryFactory FACTORY = new GeometryFactory();
    /** About 50 m in degrees: closer than a label's own size at any zoom it is drawn at. */
    private static final double TOLERANCE_DEGREES = 0.0005;

    private record Key(String layer, long id) {}

    /** A feature's label point, for the version it was computed from. */
    private record Placed(long version, Point point) {}

    private final LayerStore store;
    private final Map<Key, Placed> points = new ConcurrentHashMap<>();

    LabelPoints(LayerStore store) {
        this.store = store;
    }

    /** Whether a layer's tiles carry label points: areas with a label. */
    static boolean labelled(LayerInfo layer, LayerTileRule rule) {
        boolean areas = layer.geometryKind() == GeometryKind.POLYGON || layer.geometryKind() == GeometryKind.MULTIPOLYGON;
        return areas && rule.style().label() != null;
    }

    /** The label points that fall in a tile, as an MVT layer of their own (empty when none does). */
    byte[] encode(LayerInfo layer, LayerTileRule rule, TileCoord t, int extent) {
        Envelope tile = WebMercatorQuad.bounds(t, 0);
        double unitsPerMetre = extent / tile.getWidth();
        List<String> carried = new ArrayList<>(List.of(rule.style().label()));
        if (layer.property("name_en").isPresent() && !carried.contains("name_en")) carried.add("name_en");
        List<Geometry> out = new ArrayList<>();
        Geometry area = FACTORY.toGeometry(WebMercatorQuad.lonLatBounds(t, 0));
        try (StoreCursor<Feature> features = store.query(layer.id(), FeatureQuery.of(new Filter.Intersects(area)))) {
            while (features.hasNext()) {
                Feature f = features.next();
                Placed placed = points.compute(new Key(layer.id(), f.id()), (k, old) ->
                        old != null && old.version() == f.version() ? old : new Placed(f.version(), labelPoint(f.geometry())));
                Point p = placed.point();
                if (p == null) continue;
                Geometry inTile = MvtEncoding.toTileUnits(p, tile, unitsPerMetre);
                double x = Math.rint(inTile.getCoordinate().x);
                double y = Math.rint(inTile.getCoordinate().y);
                if (x < 0 || y < 0 || x >= extent || y >= extent) continue;
                Geometry point = FACTORY.createPoint(new org.locationtech.jts.geom.Coordinate(x, y));
                Map<String, Object> tags = new LinkedHashMap<>();
                tags.put("fid", f.id());
                for (String name : carried) {
                    Object v = f.property(name);
                    if (v != null) tags.put(name, v.toString());
                }
                point.setUserData(tags);
                out.add(point);
            }
        }
        if (out.isEmpty()) return new byte[0];
        return MvtEncoder.encode(new JtsMvt(new JtsLayer(layer.id() + SUFFIX, out, extent)), new MvtLayerParams(extent),
                MvtEncoding::tags);
    }

    /** Where an area's label goes, or null for an empty one. */
    static Point labelPoint(Geometry g) {
        if (g == null || g.isEmpty()) return null;
        Geometry largest = g.getGeometryN(0);
        for (int i = 1; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i).getArea() > largest.getArea()) largest = g.getGeometryN(i);
        }
        if (largest.getArea() == 0) return largest.getInteriorPoint();
        return new MaximumInscribedCircle(largest, TOLERANCE_DEGREES).getCenter();
    }
}
