package org.sinkatlas.layers.store.postgis;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.PropertyType;
import org.sinkatlas.layers.store.StoreJson;
import org.sinkatlas.layers.store.sql.SqlDialect;

/** PostgreSQL/PostGIS spelling of filters: {@code ST_Intersects} (GiST-indexed), LIKE/ILIKE, typed binds. */
final class PostgisDialect implements SqlDialect {

    @Override
    public String intersects(LayerInfo layer, Geometry geometry, List<Object> params) {
        params.add(new WKBWriter(2).write(geometry));
        return "ST_Intersects(geom, ST_GeomFromWKB(?, 4326))";
    }

    @Override
    public String like(String column, boolean caseInsensitive) {
        return column + (caseInsensitive ? " ILIKE ?" : " LIKE ?") + " ESCAPE '\\'";
    }

    @Override
    public Object bindValue(PropertyType type, Object value) {
        if (value == null) return null;
        if (type == PropertyType.DATETIME) return OffsetDateTime.ofInstant((Instant) value, ZoneOffset.UTC);
        if (type == PropertyType.JSON) return StoreJson.write(value);
        return value;
    }

    /** The SQL column type of a property type. */
    static String columnType(PropertyType type) {
        switch (type) {
            case INTEGER: return "bigint";
            case REAL: return "double precision";
            case BOOLEAN: return "boolean";
            case DATE: return "date";
            case DATETIME: return "timestamptz";
            case JSON: return "jsonb";
            default: return "text";
        }
    }

    /** The placeholder that binds a property value (JSON needs a cast from text). */
    static String placeholder(PropertyType type) {
        return type == PropertyType.JSON ? "CAST(? AS jsonb)" : "?";
    }
}
