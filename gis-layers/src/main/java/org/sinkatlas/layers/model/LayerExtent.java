package org.sinkatlas.layers.model;

import java.time.Instant;
import org.locationtech.jts.geom.Envelope;

/**
 * The spatial extent (in the storage CRS) and temporal extent of a layer's features; each part is
 * null when the layer has no features, or no temporal property.
 */
public record LayerExtent(Envelope bbox, Instant begin, Instant end) {

    public static final LayerExtent EMPTY = new LayerExtent(null, null, null);
}
