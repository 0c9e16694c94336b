package org.sinkatlas.layers.store;

import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * What a committed write changed in one layer, for what the service derives from features (cached tiles):
 * the bounding boxes (storage CRS) of the features before and after, or the whole layer.
 *
 * @param areas the boxes touched, or null when the whole layer may have changed
 */
public record StoreChange(String layerId, List<Envelope> areas) {

    public StoreChange {
        areas = areas == null ? null : List.copyOf(areas);
    }

    public static StoreChange wholeLayer(String layerId) {
        return new StoreChange(layerId, null);
    }

    public boolean isWholeLayer() {
        return areas == null;
    }
}
