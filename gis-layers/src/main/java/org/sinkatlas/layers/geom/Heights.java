package org.sinkatlas.layers.geom;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * The heights (Z) of coordinates. Layers hold 2D geometries: a height of 0 everywhere (what many survey
 * tools write when they have none) says nothing and is dropped; any other height is refused unless the
 * caller asks for heights to be dropped, since cutting it silently would lose what the file says.
 */
public final class Heights {

    private Heights() {}

    /** The first coordinate with a height other than 0, or null when there is none. */
    public static Coordinate first(Geometry g) {
        for (Coordinate c : g.getCoordinates()) {
            if (!Double.isNaN(c.getZ()) && c.getZ() != 0) return c;
        }
        return null;
    }

    /** A copy of the geometry without heights (the geometry itself when it has none). */
    public static Geometry dropped(Geometry g) {
        boolean any = false;
        for (Coordinate c : g.getCoordinates()) {
            if (!Double.isNaN(c.getZ())) {
                any = true;
                break;
            }
        }
        if (!any) return g;
        Geometry copy = g.copy();
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                if (seq.hasZ()) seq.setOrdinate(i, CoordinateSequence.Z, Double.NaN);
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
        return copy;
    }
}
