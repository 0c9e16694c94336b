package org.sinkatlas.layers.store;

/** An unknown layer or feature id. */
public class NotFoundException extends StoreException {

    public NotFoundException(String message) {
        super(message);
    }

    public static NotFoundException layer(String layerId) {
        return new NotFoundException("no layer '" + layerId + "'");
    }

    public static NotFoundException feature(String layerId, long featureId) {
        return new NotFoundException("no feature " + featureId + " in layer '" + layerId + "'");
    }
}
