package org.sinkatlas.layers.model;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * A stored feature: id, geometry in the storage CRS (OGC CRS84, lon/lat), typed properties, the
 * version that increases with each write, and when it was created and last changed.
 */
public record Feature(long id, Geometry geometry, Map<String, Object> properties, long version, Instant created,
        Instant updated) {

    public Feature {
        properties = properties == null ? Map.of() : Collections.unmodifiableMap(properties);
    }

    public Object property(String name) {
        return properties.get(name);
    }
}
