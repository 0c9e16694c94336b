package org.sinkatlas.layers.store.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.locationtech.jts.geom.Geometry;
import org.sinkatlas.layers.model.PropertyType;

/**
 * How an engine stores geometries, property values and times in its columns, both ways. Not thread-safe
 * (codecs keep reusable buffers): one per cursor or transaction.
 */
public interface SqlCodec {

    /** The geometry of a stored blob (as {@link SqlDialect#geometryOut} selects it), or null. */
    Geometry geometry(byte[] stored);

    /** The blob to bind for a geometry (where {@link SqlDialect#geometryIn} takes it). */
    byte[] geometryBytes(Geometry g);

    /** A property value of the row's column {@code i}, as the model holds it (null when SQL NULL). */
    Object value(PropertyType type, ResultSet rs, int i) throws SQLException;

    /** A stored time of column {@code i} (a timestamp, or a date at midnight UTC), or null. */
    Instant instant(ResultSet rs, int i) throws SQLException;
}
