package org.sinkatlas.layers.store.geopackage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sinkatlas.layers.model.Feature;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.PropertyDef;
import org.sinkatlas.layers.store.StoreJson;

/** Reads one row of a GeoPackage feature table ({@code fid, geom, properties..., sa_version, sa_created, sa_updated}). */
final class GpkgRows {

    private GpkgRows() {}

    static Feature feature(LayerInfo layer, ResultSet rs, GpkgGeometryCodec codec) throws SQLException {
        long id = rs.getLong(1);
        var geometry = codec.decode(rs.getBytes(2));
        Map<String, Object> props = new LinkedHashMap<>();
        int i = 3;
        for (PropertyDef p : layer.properties()) {
            props.put(p.name(), value(p, rs, i++));
        }
        long version = rs.getLong(i++);
        var created = StoreJson.parseInstant(rs.getString(i++));
        var updated = StoreJson.parseInstant(rs.getString(i));
        return new Feature(id, geometry, props, version, created, updated);
    }

    // A NULL reads as 0, and wasNull() is a second call into SQLite: it is asked only when the number is 0.
    private static Object value(PropertyDef p, ResultSet rs, int i) throws SQLException {
        switch (p.type()) {
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
