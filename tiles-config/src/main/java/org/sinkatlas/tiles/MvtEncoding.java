package org.sinkatlas.tiles;

import io.github.sebasbaumh.mapbox.vectortile.VectorTile;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.JtsAdapter;
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
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;
import org.sinkatlas.layers.filter.Filter;
import org.sinkatlas.layers.model.Feature;
import org.sinkatlas.layers.store.FeatureQuery;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.StoreCursor;
import org.sinkatlas.layers.store.StoreJson;
import org.sinkatlas.layers.store.VectorTileQuery;

/**
 * Encodes a layer's tile in Java for engines that do not make tiles themselves: the features in the tile's
 * box are read in id order, thinned, projected to Web Mercator, simplified, clipped to the tile and its
 * buffer and written as a Mapbox Vector Tile with the maintained {@code mapbox-vector-tile-java} library.
 * It follows {@link VectorTileQuery} as PostGIS follows it with ST_AsMVT, so the two give the same features.
 */
final class MvtEncoding {

    private static final GeometryFactory FACTORY = new GeometryFactory();
    private static final String ID = "fid";

    private MvtEncoding() {}

    static byte[] encode(LayerStore store, String layerId, VectorTileQuery q) {
        TileCoord t = new TileCoord(q.z(), q.x(), q.y());
        Envelope tile = WebMercatorQuad.bounds(t, 0);
        Envelope clip = WebMercatorQuad.bounds(t, (double) q.buffer() / q.extent());
        MvtLayerParams params = new MvtLayerParams(q.extent());
        List<Geometry> out = new ArrayList<>();
        try (StoreCursor<Feature> features = store.query(layerId, FeatureQuery.of(Filter.bbox(q.lonLatBounds())))) {
            while (features.hasNext() && out.size() < q.maxFeatures()) {
                Feature f = features.next();
                if (!q.bigEnough(f.geometry().getEnvelopeInternal())) continue;
                Geometry g = toMercator(f.geometry());
                if (q.simplifyMetres() > 0 && g.getDimension() > 0) g = DouglasPeuckerSimplifier.simplify(g, q.simplifyMetres());
                if (g.isEmpty()) continue;
                Geometry tileGeom = JtsAdapter.createTileGeom(g, tile, clip, FACTORY, params, null);
                if (tileGeom == null || tileGeom.isEmpty()) continue;
                // Rounded to whole tile units, neighbouring vertices often coincide: drop them, as ST_AsMVTGeom does.
                tileGeom = DouglasPeuckerSimplifier.simplify(tileGeom, 0);
                if (tileGeom.isEmpty()) continue;
                tileGeom.setUserData(attributes(f, q.properties()));
                out.add(tileGeom);
            }
        }
        if (out.isEmpty()) return new byte[0];
        return MvtEncoder.encode(new JtsMvt(new JtsLayer(q.layerName(), out, q.extent())), params, MvtEncoding::tags);
    }

    /** The feature's id as its MVT id, its properties as tags (the library's own converter repeats the id as a tag). */
    private static void tags(Object userData, MvtLayerProps props, VectorTile.Tile.Feature.Builder feature) {
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

    /** A copy of a geometry in EPSG:3857 metres. */
    static Geometry toMercator(Geometry lonLat) {
        Geometry g = lonLat.copy();
        g.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                seq.setOrdinate(i, 0, WebMercatorQuad.x(seq.getX(i)));
                seq.setOrdinate(i, 1, WebMercatorQuad.y(seq.getY(i)));
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        return g;
    }
}
