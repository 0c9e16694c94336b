package org.sinkatlas.layers.store.sql;

import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.sinkatlas.layers.filter.SpatialOp;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.PropertyType;

/**
 * What differs between SQL store engines in the SQL they take: how a {@code Filter} becomes a WHERE clause, and
 * how tables, geometries and property values are named and bound. The defaults are plain SQL (SQLite's).
 */
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

    /** A boolean SQL expression for {@link org.sinkatlas.layers.filter.Filter.BigEnoughIn}, from the spatial index. */
    String bigEnoughIn(LayerInfo layer, Envelope box, double minWidth, double minHeight, List<Object> params);

    /**
     * A boolean SQL expression: the layer's geometry stands in relation {@code op} to {@code geometry} (storage
     * CRS), {@code op(feature, geometry)}, using the spatial index for candidates; appends its bind values.
     */
    String spatial(LayerInfo layer, SpatialOp op, Geometry geometry, List<Object> params);

    /**
     * A case-sensitive LIKE test of a text expression against a pattern expression (a bound {@code ?},
     * maybe case-folded), whose value {@link #likePattern} made from LIKE syntax ({@code %}, {@code _},
     * escape {@code \}).
     */
    String like(String text, String pattern);

    /** Turns a pattern from LIKE syntax into what {@link #like} compares with. */
    default String likePattern(String pattern) {
        return pattern;
    }

    /**
     * A text expression folded to lower case for case-insensitive comparison (CQL2 {@code CASEI}), with full
     * Unicode case mapping; applied to both the column and the bound value.
     */
    String caseFold(String text);

    /** The JDBC value to bind for a property value of this type. */
    Object bindValue(PropertyType type, Object value);

    /** A layer's table, qualified as the engine needs. */
    default String table(LayerInfo layer) {
        return quote(layer.tableName());
    }

    /** What selects a stored geometry column as the blob the engine's {@link SqlCodec} reads. */
    default String geometryOut(String column) {
        return column;
    }

    /** The placeholder that takes a geometry as the blob the engine's {@link SqlCodec} writes. */
    default String geometryIn() {
        return "?";
    }

    /** What selects a column of a property type as its codec reads it. */
    default String valueOut(PropertyType type, String column) {
        return column;
    }

    /** The placeholder that takes a property value of this type. */
    default String valueIn(PropertyType type) {
        return "?";
    }

    /**
     * SQL reading a stored feature ({@code fid = ?}) for a write to it: {@code sa_version, sa_created} and its box
     * as {@code minx, maxx, miny, maxy} (null for an empty geometry), locking the row where the engine locks rows.
     */
    String currentRow(LayerInfo layer);
}
