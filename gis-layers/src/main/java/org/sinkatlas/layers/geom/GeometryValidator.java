package org.sinkatlas.layers.geom;

import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Checks geometries before they are stored (OGC Simple Features validity with JTS {@link IsValidOp},
 * finite coordinates inside lon/lat bounds) and repairs them with JTS {@link GeometryFixer} when the
 * caller asks for it. Stateless and thread-safe.
 */
public final class GeometryValidator {

    private static final String[] CODES = {
        "error", "repeated-point", "hole-outside-shell", "nested-holes", "disconnected-interior",
        "self-intersection", "ring-self-intersection", "nested-shells", "duplicate-rings", "too-few-points",
        "invalid-coordinate", "ring-not-closed"
    };

    private GeometryValidator() {}

    /** The first fault of a geometry in the storage CRS (lon/lat degrees), or empty when it is valid. */
    public static Optional<GeometryFault> check(Geometry g) {
        if (g == null) return Optional.of(new GeometryFault("missing", "the feature has no geometry", null));
        if (g.isEmpty()) return Optional.of(new GeometryFault("empty", "the geometry is empty", null));
        for (Coordinate c : g.getCoordinates()) {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
                return Optional.of(new GeometryFault("invalid-coordinate", "a coordinate is not a finite number", null));
            }
            if (c.x < -180 || c.x > 180 || c.y < -90 || c.y > 90) {
                return Optional.of(new GeometryFault("out-of-range",
                        "a coordinate is outside longitude -180..180 / latitude -90..90 (wrong CRS or axis order?)", c));
            }
        }
        TopologyValidationError error = new IsValidOp(g).getValidationError();
        if (error == null) return Optional.empty();
        int type = error.getErrorType();
        String code = type >= 0 && type < CODES.length ? CODES[type] : "invalid";
        return Optional.of(new GeometryFault(code, error.getMessage(), error.getCoordinate()));
    }

    /** A valid geometry as close as JTS can make it to the given one (may change its type, e.g. to a multi). */
    public static Geometry repair(Geometry g) {
        return GeometryFixer.fix(g);
    }
}
