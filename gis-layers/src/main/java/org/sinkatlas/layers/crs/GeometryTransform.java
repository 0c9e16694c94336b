package org.sinkatlas.layers.crs;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.sinkatlas.layers.geom.PointMapping;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Transforms JTS geometries and coordinates between two CRSs with proj4j. Coordinates are (east, north)
 * on both sides: axis order belongs to reading and writing, not here. Not thread-safe.
 */
public final class GeometryTransform {

    /** No change: the two CRSs share coordinates. */
    public static final GeometryTransform IDENTITY = new GeometryTransform(null);

    private final CoordinateTransform transform;
    private final ProjCoordinate src = new ProjCoordinate();
    private final ProjCoordinate dst = new ProjCoordinate();

    GeometryTransform(CoordinateTransform transform) {
        this.transform = transform;
    }

    public boolean isIdentity() {
        return transform == null;
    }

    /** Returns a transformed copy (or the same geometry for the identity). */
    public Geometry apply(Geometry g) {
        if (transform == null || g == null) return g;
        return ((PointMapping) (x, y, out) -> {
            src.x = x;
            src.y = y;
            transform.transform(src, dst);
            out[0] = dst.x;
            out[1] = dst.y;
        }).applyToCopy(g);
    }

    /** A copy with x and y exchanged (between an authority's north-first axis order and east-first). */
    public static Geometry swapAxes(Geometry g) {
        return ((PointMapping) (x, y, out) -> {
            out[0] = y;
            out[1] = x;
        }).applyToCopy(g);
    }

    /** Transforms one coordinate into {@code out} (which may be {@code in}). */
    public void apply(Coordinate in, Coordinate out) {
        if (transform == null) {
            out.x = in.x;
            out.y = in.y;
            return;
        }
        src.x = in.x;
        src.y = in.y;
        transform.transform(src, dst);
        out.x = dst.x;
        out.y = dst.y;
    }

    /**
     * The envelope covering a transformed envelope, from points sampled along its edges, so that curved
     * edges (e.g. a projected box seen in lon/lat) are covered.
     */
    public Envelope apply(Envelope e) {
        if (transform == null) return new Envelope(e);
        Envelope out = new Envelope();
        int steps = 8;
        Coordinate c = new Coordinate();
        for (int i = 0; i <= steps; i++) {
            double fx = e.getMinX() + (e.getMaxX() - e.getMinX()) * i / steps;
            double fy = e.getMinY() + (e.getMaxY() - e.getMinY()) * i / steps;
            for (double[] p : new double[][] {{fx, e.getMinY()}, {fx, e.getMaxY()}, {e.getMinX(), fy}, {e.getMaxX(), fy}}) {
                c.x = p[0];
                c.y = p[1];
                apply(c, c);
                out.expandToInclude(c.x, c.y);
            }
        }
        return out;
    }
}
