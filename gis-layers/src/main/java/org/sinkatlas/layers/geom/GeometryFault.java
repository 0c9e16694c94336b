package org.sinkatlas.layers.geom;

import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;

/**
 * Why a geometry was refused, and where.
 *
 * @param code     a stable machine-readable reason, e.g. {@code self-intersection}
 * @param reason   the reason in words
 * @param location the coordinate (storage CRS) at or near the fault, or null when it has none
 */
public record GeometryFault(String code, String reason, Coordinate location) {

    /** One line for an error message, e.g. {@code Self-intersection at (120.912345, 31.023456)}. */
    public String describe() {
        if (location == null) return reason;
        return reason + " at (" + String.format(Locale.ROOT, "%.6f, %.6f", location.x, location.y) + ")";
    }
}
