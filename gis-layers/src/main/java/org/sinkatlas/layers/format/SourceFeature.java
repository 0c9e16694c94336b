package org.sinkatlas.layers.format;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature as a file holds it: where it is, its own id, its geometry in the file's CRS and its attribute
 * values by column name, or the reason it could not be read.
 *
 * @param index    1-based position in the file
 * @param sourceId the file's own id (GeoJSON id, GeoPackage fid, an {@code id}/{@code fid} column), or null
 * @param place    where to find it in the file, e.g. {@code line 7}, {@code record 3}, {@code feature 12}
 * @param problem  why it could not be read, or null when it was
 */
public record SourceFeature(long index, String sourceId, String place, Geometry geometry, Map<String, Object> properties,
        String problem) {

    /** Column names that carry a file's own feature id rather than a property (compared without case). */
    public static final Set<String> ID_COLUMNS = Set.of("id", "fid");

    public SourceFeature {
        properties = properties == null ? Map.of() : Collections.unmodifiableMap(properties);
    }

    public static SourceFeature unreadable(long index, String sourceId, String place, String problem) {
        return new SourceFeature(index, sourceId, place, null, null, problem);
    }

    public static boolean isIdColumn(String column) {
        return ID_COLUMNS.contains(column.toLowerCase(Locale.ROOT));
    }
}
