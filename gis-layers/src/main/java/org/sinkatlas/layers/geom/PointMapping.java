package org.sinkatlas.layers.geom;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * A function of a point's x and y, applied to every coordinate of a geometry: reprojection, axis swaps,
 * tile units. JTS's {@link CoordinateSequenceFilter} without its boilerplate. Not thread-safe when the
 * function keeps state.
 */
@FunctionalInterface
public interface PointMapping {

    /** Writes the new x and y of the point (x, y) into {@code out[0]} and {@code out[1]}. */
    void map(double x, double y, double[] out);

    /** Maps every coordinate of {@code g} in place and returns it. */
    default Geometry applyInPlace(Geometry g) {
        double[] out = new double[2];
        g.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                map(seq.getX(i), seq.getY(i), out);
                seq.setOrdinate(i, 0, out[0]);
                seq.setOrdinate(i, 1, out[1]);
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
        g.geometryChanged();
        return g;
    }

    /** A mapped copy of {@code g}. */
    default Geometry applyToCopy(Geometry g) {
        return applyInPlace(g.copy());
    }
}
