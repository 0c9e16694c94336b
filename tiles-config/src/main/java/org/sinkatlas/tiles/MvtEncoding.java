package org.sinkatlas.tiles;

import io.github.sebasbaumh.mapbox.vectortile.VectorTile;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtEncoder;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerParams;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerProps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.TopologyException;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;
import org.sinkatlas.layers.filter.Filter;
import org.sinkatlas.layers.geom.PointMapping;
import org.sinkatlas.layers.model.Feature;
import org.sinkatlas.layers.store.FeatureQuery;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.StoreCursor;
import org.sinkatlas.layers.store.StoreJson;
import org.sinkatlas.layers.store.VectorTileQuery;

/**
 * Encodes a layer's tile in Java for engines that do not make tiles themselves: the features in the tile's
 * box are read in id order, thinned, projected straight into the tile's units (Web Mercator), simplified,
 * clipped to the tile and its buffer when they cross it, snapped to whole units and written as a Mapbox
 * Vector Tile with the maintained {@code mapbox-vector-tile-java} library.
 * It follows {@link VectorTileQuery} as PostGIS follows it with ST_AsMVT, so the two give the same features.
 */
final class MvtEncoding {

    private static final GeometryFactory FACTORY = new GeometryFactory();
    private static final String ID = "fid";

    private MvtEncoding() {}

    static byte[] encode(LayerStore store, String layerId, VectorTileQuery q) {
        TileCoord t = new TileCoord(q.z(), q.x(), q.y());
        Envelope tile = WebMercatorQuad.bounds(t, 0);
        double unitsPerMetre = q.extent() / tile.getWidth();
        double simplifyUnits = q.simplifyMetres() * unitsPerMetre;
        Envelope clip = new Envelope(-q.buffer(), q.extent() + q.buffer(), -q.buffer(), q.extent() + q.buffer());
        Geometry clipBox = FACTORY.toGeometry(clip);
        List<Geometry> out = new ArrayList<>();
        // The index leaves out what is too small to see (a little generously: the exact test follows), so a low
        // zoom does not read every feature of its area.
        Filter visible = new Filter.BigEnoughIn(q.lonLatBounds(), q.minSizeUnits() / q.unitsPerDegreeX() * 0.999,
                q.minSizeUnits() / q.unitsPerDegreeY() * 0.999);
        try (StoreCursor<Feature> features = store.query(layerId, FeatureQuery.of(visible))) {
            while (features.hasNext() && out.size() < q.maxFeatures()) {
                Feature f = features.next();
                if (!q.bigEnough(f.geometry().getEnvelopeInternal())) continue;
                Geometry g = toTileUnits(f.geometry(), tile, unitsPerMetre);
                if (simplifyUnits > 0 && g.getDimension() > 0) g = simplify(g, simplifyUnits);
                if (!clip.covers(g.getEnvelopeInternal())) g = clip(g, clipBox);
                g = roundToUnits(g);
                if (g == null) continue;
                g.setUserData(attributes(f, q.properties()));
                out.add(g);
            }
        }
        if (out.isEmpty()) return new byte[0];
        MvtLayerParams params = new MvtLayerParams(q.extent());
        return MvtEncoder.encode(new JtsMvt(new JtsLayer(q.layerName(), out, q.extent())), params, MvtEncoding::tags);
    }

    /**
     * A copy of a lon/lat geometry in the tile's units: Web Mercator metres from the tile's top left corner,
     * {@code y} growing downwards as MVT has it.
     */
    static Geometry toTileUnits(Geometry lonLat, Envelope tile, double unitsPerMetre) {
        double left = tile.getMinX();
        double top = tile.getMaxY();
        return ((PointMapping) (x, y, out) -> {
            out[0] = (WebMercatorQuad.x(x) - left) * unitsPerMetre;
            out[1] = (top - WebMercatorQuad.y(y)) * unitsPerMetre;
        }).applyToCopy(lonLat);
    }

    /** The part of a geometry inside the tile and its buffer; a ring that simplification made invalid is repaired first. */
    private static Geometry clip(Geometry g, Geometry box) {
        Geometry clipped;
        try {
            clipped = g.intersection(box);
        } catch (TopologyException e) {
            clipped = GeometryFixer.fix(g).intersection(box);
        }
        // An intersection can bring lower-dimension slivers along the box edge: keep the feature's own kind.
        int dim = g.getDimension();
        List<Geometry> parts = new ArrayList<>();
        for (int i = 0; i < clipped.getNumGeometries(); i++) {
            Geometry p = clipped.getGeometryN(i);
            if (p.getDimension() == dim && !p.isEmpty()) parts.add(p);
        }
        return FACTORY.buildGeometry(parts);
    }

    /**
     * Snaps to whole tile units, drops the vertices that then coincide or line up (as ST_AsMVTGeom does) and
     * what collapsed, and orients polygon rings as MVT wants them: exterior rings with a positive area in tile
     * coordinates, holes negative.
     *
     * @return the geometry, or null when nothing of it is left
     */
    private static Geometry roundToUnits(Geometry g) {
        if (g.isEmpty()) return null;
        ((PointMapping) (x, y, out) -> {
            out[0] = Math.rint(x);
            out[1] = Math.rint(y);
        }).applyInPlace(g);
        g = simplify(g, 0);
        if (g.isEmpty()) return null;
        if (g.getDimension() != 2) return g;
        List<Polygon> polygons = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Polygon p = (Polygon) g.getGeometryN(i);
            if (p.getArea() == 0) continue;
            LinearRing shell = oriented(p.getExteriorRing(), true);
            LinearRing[] holes = new LinearRing[p.getNumInteriorRing()];
            for (int h = 0; h < holes.length; h++) holes[h] = oriented(p.getInteriorRingN(h), false);
            polygons.add(FACTORY.createPolygon(shell, holes));
        }
        if (polygons.isEmpty()) return null;
        return polygons.size() == 1 ? polygons.get(0) : FACTORY.createMultiPolygon(polygons.toArray(new Polygon[0]));
    }

    /** A ring turned so that its area in tile coordinates is positive ({@code exterior}) or negative. */
    private static LinearRing oriented(LinearRing ring, boolean exterior) {
        boolean positive = Orientation.isCCW(ring.getCoordinateSequence());
        return positive == exterior ? ring : ring.reverse();
    }

    /**
     * Douglas-Peucker without the repair JTS does by default (a buffer of every polygon, which cost more than all
     * else here), as ST_Simplify does: a renderer draws a ring that simplification made touch itself all the same.
     */
    private static Geometry simplify(Geometry g, double tolerance) {
        DouglasPeuckerSimplifier dp = new DouglasPeuckerSimplifier(g);
        dp.setDistanceTolerance(tolerance);
        dp.setEnsureValid(false);
        return dp.getResultGeometry();
    }

    /** The feature's id as its MVT id, its properties as tags (the library's own converter repeats the id as a tag). */
    static void tags(Object userData, MvtLayerProps props, VectorTile.Tile.Feature.Builder feature) {
        Map<?, ?> attributes = (Map<?, ?>) userData;
        for (Map.Entry<?, ?> e : attributes.entrySet()) {
            if (e.getKey().equals(ID)) {
                feature.setId((Long) e.getValue());
                continue;
            }
            int key = props.addKey((String) e.getKey());
            int value = props.addValue(e.getValue());
            if (value < 0) continue;
            feature.addTags(key);
            feature.addTags(value);
        }
    }

    /** The feature's id and tile properties, as the values MVT holds: text, numbers and booleans. */
    private static Map<String, Object> attributes(Feature f, List<String> names) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put(ID, f.id());
        for (String n : names) {
            Object v = f.property(n);
            if (v == null) continue;
            a.put(n, v instanceof Instant i ? StoreJson.formatInstant(i) : v instanceof Number || v instanceof Boolean ? v
                    : v.toString());
        }
        return a;
    }

}
