package org.sinkatlas.layers.store;

import org.sinkatlas.layers.fault.Fault;
import org.sinkatlas.layers.fault.FaultKind;

/** An unknown layer or feature id. */
public class NotFoundException extends StoreException implements Fault {

    public NotFoundException(String message) {
        super(message);
    }

    public static NotFoundException layer(String layerId) {
        return new NotFoundException("no layer '" + layerId + "'");
    }

    public static NotFoundException feature(String layerId, long featureId) {
        return new NotFoundException("no feature " + featureId + " in layer '" + layerId + "'");
    }

    @Override
    public FaultKind kind() {
        return FaultKind.NOT_FOUND;
    }
}
