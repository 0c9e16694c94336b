package org.sinkatlas.layers.store.sql;

import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.PropertyType;

/** What differs between SQL store engines when a {@code Filter} becomes a WHERE clause. */
public interface SqlDialect {

    /** A quoted identifier (both engines use double quotes; names are already validated). */
    default String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** The feature id column. */
    default String idColumn() {
        return "fid";
    }

    /**
     * A boolean SQL expression: the layer's geometry intersects {@code geometry} (storage CRS), using the
     * spatial index; appends its bind values to {@code params}.
     */
    String intersects(LayerInfo layer, Geometry geometry, List<Object> params);

    /** A LIKE test of a text expression against a bound pattern ({@code %}, {@code _}, escape {@code \}). */
    String like(String column, boolean caseInsensitive);

    /** Turns a pattern from LIKE syntax into what {@link #like} binds. */
    default String likePattern(String pattern, boolean caseInsensitive) {
        return pattern;
    }

    /** The JDBC value to bind for a property value of this type. */
    Object bindValue(PropertyType type, Object value);
}
