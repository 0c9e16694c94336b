package org.sinkatlas.layers.geom;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * A local east/north frame in metres around a place on the WGS 84 ellipsoid, for work in metres on
 * features a few kilometres across (e.g. buffering a greenway by its planted width). Scale is exact at
 * the origin and off by about 1e-3 ten kilometres north or south of it: a 5 m buffer is wrong by 5 mm.
 * Immutable and thread-safe.
 */
public final class LocalMetricFrame {

    private static final double A = 6378137.0;
    private static final double E2 = (1 / 298.257223563) * (2 - 1 / 298.257223563);

    private final double lon0;
    private final double lat0;
    private final double metresPerDegreeEast;
    private final double metresPerDegreeNorth;

    public LocalMetricFrame(double lon0, double lat0) {
        this.lon0 = lon0;
        this.lat0 = lat0;
        double phi = Math.toRadians(lat0);
        double w = Math.sqrt(1 - E2 * Math.sin(phi) * Math.sin(phi));
        this.metresPerDegreeEast = Math.toRadians(1) * A / w * Math.cos(phi);
        this.metresPerDegreeNorth = Math.toRadians(1) * A * (1 - E2) / (w * w * w);
    }

    /** A frame at the centre of a lon/lat geometry's envelope. */
    public static LocalMetricFrame around(Geometry lonLat) {
        Envelope e = lonLat.getEnvelopeInternal();
        return new LocalMetricFrame(e.centre().x, e.centre().y);
    }

    /** A lon/lat geometry buffered by a distance in metres. */
    public static Geometry buffer(Geometry lonLat, double metres) {
        LocalMetricFrame frame = around(lonLat);
        return frame.toLonLat(frame.toMetres(lonLat).buffer(metres, 8));
    }

    public Geometry toMetres(Geometry lonLat) {
        return map(lonLat, true);
    }

    public Geometry toLonLat(Geometry metres) {
        return map(metres, false);
    }

    private Geometry map(Geometry g, boolean forward) {
        Geometry copy = g.copy();
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                double x = seq.getX(i);
                double y = seq.getY(i);
                if (forward) {
                    seq.setOrdinate(i, 0, (x - lon0) * metresPerDegreeEast);
                    seq.setOrdinate(i, 1, (y - lat0) * metresPerDegreeNorth);
                } else {
                    seq.setOrdinate(i, 0, lon0 + x / metresPerDegreeEast);
                    seq.setOrdinate(i, 1, lat0 + y / metresPerDegreeNorth);
                }
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
        copy.geometryChanged();
        return copy;
    }
}
