package org.sinkatlas.layers.store.geopackage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.locationtech.jts.geom.Geometry;
import org.sinkatlas.layers.model.PropertyType;
import org.sinkatlas.layers.store.StoreJson;
import org.sinkatlas.layers.store.sql.SqlCodec;

/**
 * GeoPackage columns: geometries as GPKG blobs in EPSG:4326, booleans as 0 and 1, dates and times as
 * ISO-8601 text, as the GeoPackage standard stores them.
 */
final class GpkgCodec implements SqlCodec {

    /** The SRS of every layer table and of history geometries. */
    static final int SRS_ID = 4326;

    private final GpkgGeometryCodec geometries = new GpkgGeometryCodec();

    @Override
    public Geometry geometry(byte[] blob) {
        return geometries.decode(blob);
    }

    @Override
    public byte[] geometryBytes(Geometry g) {
        return g == null ? null : geometries.encode(g, SRS_ID);
    }

    @Override
    public Instant instant(ResultSet rs, int i) throws SQLException {
        return StoreJson.parseInstant(rs.getString(i));
    }

    // A NULL reads as 0, and wasNull() is a second call into SQLite: it is asked only when the number is 0.
    @Override
    public Object value(PropertyType type, ResultSet rs, int i) throws SQLException {
        switch (type) {
            case INTEGER: {
                long v = rs.getLong(i);
                return v == 0 && rs.wasNull() ? null : v;
            }
            case REAL: {
                double v = rs.getDouble(i);
                return v == 0 && rs.wasNull() ? null : v;
            }
            case BOOLEAN: {
                int v = rs.getInt(i);
                return v == 0 && rs.wasNull() ? null : v != 0;
            }
            case DATE:
                return StoreJson.parseDate(rs.getString(i));
            case DATETIME:
                return StoreJson.parseInstant(rs.getString(i));
            case JSON:
                return StoreJson.objectFromJson(rs.getString(i));
            default:
                return rs.getString(i);
        }
    }
}
