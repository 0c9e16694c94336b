package org.sinkatlas.layers.store.postgis;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.sinkatlas.layers.model.PropertyType;
import org.sinkatlas.layers.store.StoreException;
import org.sinkatlas.layers.store.StoreJson;
import org.sinkatlas.layers.store.sql.SqlCodec;

/** PostGIS columns: geometries as WKB (ST_AsBinary / ST_GeomFromWKB), typed values, timestamptz times. */
final class PostgisCodec implements SqlCodec {

    private final WKBReader reader = new WKBReader(new GeometryFactory());
    private final WKBWriter writer = new WKBWriter(2);

    @Override
    public Geometry geometry(byte[] wkb) {
        if (wkb == null) return null;
        try {
            return reader.read(wkb);
        } catch (ParseException e) {
            throw new StoreException("unreadable geometry from PostGIS: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] geometryBytes(Geometry g) {
        return g == null ? null : writer.write(g);
    }

    @Override
    public Instant instant(ResultSet rs, int i) throws SQLException {
        Object v = rs.getObject(i);
        if (v == null) return null;
        if (v instanceof java.sql.Date d) return d.toLocalDate().atStartOfDay().toInstant(ZoneOffset.UTC);
        return rs.getObject(i, OffsetDateTime.class).toInstant();
    }

    @Override
    public Object value(PropertyType type, ResultSet rs, int i) throws SQLException {
        switch (type) {
            case INTEGER: {
                long v = rs.getLong(i);
                return rs.wasNull() ? null : v;
            }
            case REAL: {
                double v = rs.getDouble(i);
                return rs.wasNull() ? null : v;
            }
            case BOOLEAN: {
                boolean v = rs.getBoolean(i);
                return rs.wasNull() ? null : v;
            }
            case DATE:
                return rs.getObject(i, LocalDate.class);
            case DATETIME: {
                OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
                return t == null ? null : t.toInstant();
            }
            case JSON:
                return StoreJson.objectFromJson(rs.getString(i));
            default:
                return rs.getString(i);
        }
    }
}
