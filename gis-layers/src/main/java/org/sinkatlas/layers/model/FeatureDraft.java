package org.sinkatlas.layers.model;

import java.util.Collections;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/** A feature to be written: geometry in the storage CRS and properties; the store gives id and version. */
public record FeatureDraft(Geometry geometry, Map<String, ?> properties) {

    public FeatureDraft {
        properties = properties == null ? Map.of() : Collections.unmodifiableMap(properties);
    }
}
