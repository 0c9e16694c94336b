package org.sinkatlas.tiles;

import java.util.List;

/**
 * The tile rules of one layer (see {@code tiles/layers.yaml}): the zooms it is tiled at, how features are
 * simplified and thinned so that low zooms stay small, the properties its tiles carry, and its style.
 *
 * @param buffer     pixels kept around each tile
 * @param simplify   Douglas-Peucker tolerance, in pixels
 * @param minSize    features smaller than this in pixels across and up are left out
 * @param attributes  the properties written with each feature, sink ones included when the layer has them
 * @param generalised drawn only up to {@code maxzoom}, where a finer layer takes over (the sink grid gives way
 *                    to the parcels), rather than drawn deeper from its last tiles
 */
public record LayerTileRule(String layerId, int minzoom, int maxzoom, double buffer, double simplify, double minSize,
        int maxFeatures, int maxBytes, List<String> attributes, LayerStyle style, boolean generalised) {

    public LayerTileRule {
        attributes = List.copyOf(attributes);
    }

    public boolean covers(int z) {
        return z >= minzoom && z <= maxzoom;
    }

    /** Whether the layer is drawn at a zoom: from its minzoom on, and a generalised one only up to its maxzoom. */
    public boolean drawnAt(int z) {
        return z >= minzoom && (!generalised || z <= maxzoom);
    }
}
