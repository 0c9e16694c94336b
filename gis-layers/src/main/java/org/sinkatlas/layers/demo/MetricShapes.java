package org.sinkatlas.layers.demo;

import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.precision.GeometryPrecisionReducer;
import org.locationtech.jts.geom.PrecisionModel;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.crs.GeometryTransform;

/**
 * Draws demo shapes at lon/lat places with sizes in metres: each shape is built in EPSG:4549 and brought
 * back to lon/lat, rounded to 1e-7 degree. Not thread-safe.
 */
final class MetricShapes {

    static final GeometryFactory FACTORY = new GeometryFactory();
    private static final GeometryPrecisionReducer ROUND = new GeometryPrecisionReducer(new PrecisionModel(1e7));

    private final GeometryTransform toMetric;
    private final GeometryTransform toLonLat;

    MetricShapes(CrsService crs) {
        this.toMetric = crs.fromStorage(CrsService.EPSG_4549);
        this.toLonLat = crs.toStorage(CrsService.EPSG_4549);
    }

    Coordinate metric(double lon, double lat) {
        Coordinate c = new Coordinate(lon, lat);
        toMetric.apply(c, c);
        return c;
    }

    Geometry toMetric(Geometry lonLat) {
        return toMetric.apply(lonLat);
    }

    /** Back to lon/lat, rounded, and made valid if rounding broke it. */
    Geometry toLonLat(Geometry metric) {
        Geometry g = ROUND.reduce(toLonLat.apply(metric));
        return g.isValid() ? g : org.locationtech.jts.geom.util.GeometryFixer.fix(g);
    }

    Polygon ellipseMetric(Coordinate centre, double rx, double ry, double rotationDeg, int segments) {
        Coordinate[] ring = new Coordinate[segments + 1];
        double rot = Math.toRadians(rotationDeg);
        for (int i = 0; i < segments; i++) {
            double a = 2 * Math.PI * i / segments;
            double x = rx * Math.cos(a);
            double y = ry * Math.sin(a);
            ring[i] = new Coordinate(centre.x + x * Math.cos(rot) - y * Math.sin(rot),
                    centre.y + x * Math.sin(rot) + y * Math.cos(rot));
        }
        ring[segments] = new Coordinate(ring[0]);
        return FACTORY.createPolygon(ring);
    }

    Geometry circle(double lon, double lat, double radiusM) {
        return toLonLat(ellipseMetric(metric(lon, lat), radiusM, radiusM, 0, 64));
    }

    Geometry ellipse(double lon, double lat, double rxM, double ryM, double rotationDeg) {
        return toLonLat(ellipseMetric(metric(lon, lat), rxM, ryM, rotationDeg, 48));
    }

    /** An irregular patch of roughly the given area: an ellipse whose radius wanders smoothly. */
    Polygon blobMetric(Coordinate centre, double areaM2, SplittableRandom random) {
        int n = 14;
        double elong = 1 + random.nextDouble() * 1.2;
        double r = Math.sqrt(areaM2 / Math.PI);
        double rx = r * Math.sqrt(elong);
        double ry = r / Math.sqrt(elong);
        double rot = random.nextDouble() * Math.PI;
        double[] wobble = new double[n];
        for (int i = 0; i < n; i++) wobble[i] = 0.8 + random.nextDouble() * 0.35;
        Coordinate[] ring = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            double x = rx * Math.cos(a) * wobble[i];
            double y = ry * Math.sin(a) * wobble[i];
            ring[i] = new Coordinate(centre.x + x * Math.cos(rot) - y * Math.sin(rot),
                    centre.y + x * Math.sin(rot) + y * Math.cos(rot));
        }
        ring[n] = new Coordinate(ring[0]);
        return FACTORY.createPolygon(ring);
    }

    /** A rectangle of w × h metres centred on a place, rotated. */
    Geometry rectangle(double lon, double lat, double wM, double hM, double rotationDeg) {
        Coordinate c = metric(lon, lat);
        Polygon p = FACTORY.createPolygon(new Coordinate[] {new Coordinate(c.x - wM / 2, c.y - hM / 2),
            new Coordinate(c.x + wM / 2, c.y - hM / 2), new Coordinate(c.x + wM / 2, c.y + hM / 2),
            new Coordinate(c.x - wM / 2, c.y + hM / 2), new Coordinate(c.x - wM / 2, c.y - hM / 2)});
        Geometry r = AffineTransformation.rotationInstance(Math.toRadians(rotationDeg), c.x, c.y).transform(p);
        return toLonLat(r);
    }

    /** A line through lon/lat waypoints ({@code lon1, lat1, lon2, lat2, ...}). */
    LineString line(double... lonLat) {
        Coordinate[] cs = new Coordinate[lonLat.length / 2];
        for (int i = 0; i < cs.length; i++) cs[i] = new Coordinate(lonLat[2 * i], lonLat[2 * i + 1]);
        return FACTORY.createLineString(cs);
    }

    /** A lon/lat geometry buffered by a distance in metres. */
    Geometry buffer(Geometry lonLat, double metres) {
        return toLonLat(toMetric(lonLat).buffer(metres, 8));
    }

    double areaM2(Geometry lonLat) {
        return org.sinkatlas.layers.geom.EllipsoidMeasure.areaM2(lonLat);
    }
}
