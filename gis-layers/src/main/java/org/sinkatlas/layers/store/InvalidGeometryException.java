package org.sinkatlas.layers.store;

import org.sinkatlas.layers.geom.GeometryFault;

/** A geometry that is not valid, with the reason and the place of the fault. */
public class InvalidGeometryException extends InvalidFeatureException {

    private final transient GeometryFault fault;

    public InvalidGeometryException(GeometryFault fault) {
        super("invalid geometry: " + fault.describe());
        this.fault = fault;
    }

    public GeometryFault fault() {
        return fault;
    }
}
