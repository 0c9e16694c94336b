package org.sinkatlas.layers.store.postgis;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.sinkatlas.layers.filter.SpatialOp;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.PropertyType;
import org.sinkatlas.layers.store.StoreJson;
import org.sinkatlas.layers.store.sql.SqlDialect;

/**
 * PostgreSQL/PostGIS spelling of filters: {@code ST_Intersects}, {@code ST_Within} ... (each uses the GiST
 * index), LIKE, {@code lower} for case folding (full Unicode under the UTF-8 locales the store's databases
 * are made with), typed binds.
 */
final class PostgisDialect implements SqlDialect {

    /** A feature's box in the storage CRS, as four columns. */
    static final String BOX = "ST_XMin(geom), ST_XMax(geom), ST_YMin(geom), ST_YMax(geom)";

    private final String schema;

    /** @param schema the store's schema, quoted */
    PostgisDialect(String schema) {
        this.schema = schema;
    }

    private static final Map<SpatialOp, String> FUNCTIONS = new EnumMap<>(Map.of(SpatialOp.WITHIN, "ST_Within",
            SpatialOp.CONTAINS, "ST_Contains", SpatialOp.EQUALS, "ST_Equals", SpatialOp.TOUCHES, "ST_Touches",
            SpatialOp.CROSSES, "ST_Crosses", SpatialOp.OVERLAPS, "ST_Overlaps"));

    @Override
    public String intersects(LayerInfo layer, Geometry geometry, List<Object> params) {
        params.add(new WKBWriter(2).write(geometry));
        return "ST_Intersects(geom, ST_GeomFromWKB(?, 4326))";
    }

    @Override
    public String spatial(LayerInfo layer, SpatialOp op, Geometry geometry, List<Object> params) {
        params.add(new WKBWriter(2).write(geometry));
        return FUNCTIONS.get(op) + "(geom, ST_GeomFromWKB(?, 4326))";
    }

    @Override
    public String bigEnoughIn(LayerInfo layer, Envelope box, double minWidth, double minHeight, List<Object> params) {
        params.add(box.getMinX());
        params.add(box.getMinY());
        params.add(box.getMaxX());
        params.add(box.getMaxY());
        params.add(minWidth);
        params.add(minHeight);
        return "(geom && ST_MakeEnvelope(?, ?, ?, ?, 4326) AND (ST_XMax(geom) - ST_XMin(geom) >= ?"
                + " OR ST_YMax(geom) - ST_YMin(geom) >= ? OR (ST_XMax(geom) = ST_XMin(geom) AND ST_YMax(geom) = ST_YMin(geom))))";
    }

    @Override
    public String like(String text, String pattern) {
        return text + " LIKE " + pattern + " ESCAPE '\\'";
    }

    @Override
    public String caseFold(String text) {
        return "lower(" + text + ")";
    }

    @Override
    public Object bindValue(PropertyType type, Object value) {
        if (value == null) return null;
        if (type == PropertyType.DATETIME) return OffsetDateTime.ofInstant((Instant) value, ZoneOffset.UTC);
        if (type == PropertyType.JSON) return StoreJson.write(value);
        return value;
    }

    @Override
    public String table(LayerInfo layer) {
        return schema + "." + quote(layer.tableName());
    }

    @Override
    public String geometryOut(String column) {
        return "ST_AsBinary(" + column + ")";
    }

    @Override
    public String geometryIn() {
        return "ST_GeomFromWKB(?, 4326)";
    }

    @Override
    public String valueOut(PropertyType type, String column) {
        return type == PropertyType.JSON ? column + "::text" : column;
    }

    /** JSON needs a cast from text. */
    @Override
    public String valueIn(PropertyType type) {
        return type == PropertyType.JSON ? "CAST(? AS jsonb)" : "?";
    }

    @Override
    public String currentRow(LayerInfo layer) {
        return "SELECT sa_version, sa_created, " + BOX + " FROM " + table(layer) + " WHERE fid = ? FOR UPDATE";
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
}
