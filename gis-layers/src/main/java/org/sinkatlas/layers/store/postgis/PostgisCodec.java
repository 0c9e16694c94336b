package org.sinkatlas.layers.store.postgis;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.sinkatlas.layers.model.Feature;
import org.sinkatlas.layers.model.FeatureVersion;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.PropertyDef;
import org.sinkatlas.layers.store.StoreException;
import org.sinkatlas.layers.store.StoreJson;

/** Reads rows of layer tables ({@code fid, wkb, properties..., sa_version, sa_created, sa_updated}) and of sa_history. */
final class PostgisRows {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private PostgisRows() {}

    static Feature feature(LayerInfo layer, ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        Geometry geometry = geometry(rs.getBytes(2));
        Map<String, Object> props = new LinkedHashMap<>();
        int i = 3;
        for (PropertyDef p : layer.properties()) props.put(p.name(), value(p, rs, i++));
        long version = rs.getLong(i++);
        Instant created = instant(rs, i++);
        return new Feature(id, geometry, props, version, created, instant(rs, i));
    }

    /** A history row: fid, version, operation, wkb, properties, created, at, author. */
    static FeatureVersion history(LayerInfo layer, ResultSet rs) throws SQLException {
        long fid = rs.getLong(1);
        long version = rs.getLong(2);
        FeatureVersion.Operation op = FeatureVersion.Operation.valueOf(rs.getString(3));
        Instant at = instant(rs, 7);
        Feature state = op == FeatureVersion.Operation.DELETE ? null
                : new Feature(fid, geometry(rs.getBytes(4)), StoreJson.propertiesFromJson(layer, rs.getString(5)), version,
                        instant(rs, 6), at);
        return new FeatureVersion(layer.id(), fid, version, op, state, at, rs.getString(8));
    }

    static Instant instant(ResultSet rs, int i) throws SQLException {
        Object v = rs.getObject(i);
        if (v == null) return null;
        if (v instanceof java.sql.Date d) return d.toLocalDate().atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
        OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
        return t.toInstant();
    }

    private static Object value(PropertyDef p, ResultSet rs, int i) throws SQLException {
        switch (p.type()) {
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

    private static Geometry geometry(byte[] wkb) {
        if (wkb == null) return null;
        try {
            return new WKBReader(FACTORY).read(wkb);
        } catch (ParseException e) {
            throw new StoreException("unreadable geometry from PostGIS: " + e.getMessage(), e);
        }
    }
}
