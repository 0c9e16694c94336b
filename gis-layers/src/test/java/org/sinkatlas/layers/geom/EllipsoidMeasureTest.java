package org.sinkatlas.layers.geom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.WKTReader;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.demo.DemoDataset;
import org.sinkatlas.layers.demo.DemoLayers;
import org.sinkatlas.layers.model.FeatureDraft;
import org.sinkatlas.layers.store.postgis.PostgisSettings;
import org.sinkatlas.layers.testing.TestPostgis;

/** Areas and lengths against independent figures: a hand-worked hectare and PostGIS geography. */
class EllipsoidMeasureTest {

    @Test
    void aHectareDrawnInGaussKrugerMetresIsAHectare() throws Exception {
        // 100 m x 100 m in EPSG:4549 near its central meridian (scale factor 1.0000015 here).
        CrsService crs = new CrsService();
        Geometry metres = new WKTReader().read("POLYGON ((500000 3431000, 500100 3431000, 500100 3431100,"
                + " 500000 3431100, 500000 3431000))");
        Geometry lonLat = crs.toStorage(CrsService.EPSG_4549).apply(metres);
        assertEquals(10_000, EllipsoidMeasure.areaM2(lonLat), 0.05);
        assertEquals(400, EllipsoidMeasure.lengthM(lonLat.getBoundary()), 0.005);
        assertEquals(0, EllipsoidMeasure.areaM2(new WKTReader().read("LINESTRING (120 31, 121 31)")), 0);
    }

    @Test
    void agreesWithPostgisGeographyOnTheZonesData() throws Exception {
        Map<String, List<FeatureDraft>> demo = DemoDataset.build(new CrsService());
        PostgisSettings s = TestPostgis.freshSchema();
        WKBWriter wkb = new WKBWriter(2);
        try (Connection c = DriverManager.getConnection(s.jdbcUrl(), s.user(), s.password());
                // Edges straight in lon/lat: densify them before PostGIS treats them as geodesics.
                PreparedStatement straight = c.prepareStatement(
                        "SELECT ST_Area(ST_Segmentize(ST_GeomFromWKB(?, 4326), 0.0002)::geography)");
                PreparedStatement geodesic = c.prepareStatement("SELECT ST_Area(ST_GeomFromWKB(?, 4326)::geography)");
                PreparedStatement length = c.prepareStatement(
                        "SELECT ST_Length(ST_Segmentize(ST_GeomFromWKB(?, 4326), 0.0002)::geography)")) {
            double worstGeodesic = 0;
            for (String layer : List.of(DemoLayers.DISTRICTS, DemoLayers.WATER, DemoLayers.PARKS, DemoLayers.PARCELS)) {
                List<FeatureDraft> features = demo.get(layer);
                for (int i = 0; i < features.size(); i += layer.equals(DemoLayers.PARCELS) ? 37 : 1) {
                    Geometry g = features.get(i).geometry();
                    byte[] bytes = wkb.write(g);
                    straight.setBytes(1, bytes);
                    double expected = single(straight);
                    double ours = EllipsoidMeasure.areaM2(g);
                    assertEquals(expected, ours, expected * 2e-6, layer + " " + i);
                    geodesic.setBytes(1, bytes);
                    double withGeodesicEdges = single(geodesic);
                    worstGeodesic = Math.max(worstGeodesic, Math.abs(ours - withGeodesicEdges) / withGeodesicEdges);
                }
            }
            // The bound against plain ST_Area(geography) is 0.1 %; geodesic edges move it by far less.
            assertTrue(worstGeodesic < 1e-4, "worst difference from geodesic edges: " + worstGeodesic);
            for (FeatureDraft f : demo.get(DemoLayers.GREENWAYS)) {
                length.setBytes(1, wkb.write(f.geometry()));
                double expected = single(length);
                assertEquals(expected, EllipsoidMeasure.lengthM(f.geometry()), expected * 1e-6);
            }
        }
    }

    private static double single(PreparedStatement ps) throws Exception {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getDouble(1);
        }
    }
}
