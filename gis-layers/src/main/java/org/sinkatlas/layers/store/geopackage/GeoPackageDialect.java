package org.sinkatlas.layers.store.geopackage;

import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.PropertyType;
import org.sinkatlas.layers.store.StoreJson;
import org.sinkatlas.layers.store.sql.SqlDialect;

/**
 * SQLite/GeoPackage spelling of filters: spatial filters go through the layer's R-tree index and then an
 * exact test ({@code sa_intersects}, a Java function registered on each read connection); LIKE is made
 * case-sensitive with GLOB, as it is in PostgreSQL; dates are ISO-8601 text as the GeoPackage
 * standard stores them.
 */
final class GeoPackageDialect implements SqlDialect {

    static final String GEOMETRY_COLUMN = "geom";

    @Override
    public String intersects(LayerInfo layer, Geometry geometry, List<Object> params) {
        Envelope e = geometry.getEnvelopeInternal();
        params.add(e.getMaxX());
        params.add(e.getMinX());
        params.add(e.getMaxY());
        params.add(e.getMinY());
        params.add(new WKBWriter(2).write(geometry));
        return "(fid IN (SELECT id FROM " + quote(rtreeTable(layer)) + " WHERE minx <= ? AND maxx >= ? AND miny <= ?"
                + " AND maxy >= ?) AND " + GpkgSpatialFunctions.INTERSECTS + "(" + GEOMETRY_COLUMN + ", ?))";
    }

    @Override
    public String like(String column, boolean caseInsensitive) {
        return caseInsensitive ? "lower(" + column + ") LIKE lower(?) ESCAPE '\\'" : column + " GLOB ?";
    }

    @Override
    public String likePattern(String pattern, boolean caseInsensitive) {
        if (caseInsensitive) return pattern;
        // LIKE (% _ with \ escape) to GLOB (* ? with [] for literals).
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                char next = pattern.charAt(++i);
                sb.append(globLiteral(next));
            } else if (c == '%') {
                sb.append('*');
            } else if (c == '_') {
                sb.append('?');
            } else {
                sb.append(globLiteral(c));
            }
        }
        return sb.toString();
    }

    private static String globLiteral(char c) {
        return c == '*' || c == '?' || c == '[' || c == ']' ? "[" + c + "]" : String.valueOf(c);
    }

    @Override
    public Object bindValue(PropertyType type, Object value) {
        if (value == null) return null;
        switch (type) {
            case BOOLEAN:
                return ((Boolean) value) ? 1 : 0;
            case DATE:
                return value.toString();
            case DATETIME:
                return StoreJson.formatInstant((java.time.Instant) value);
            case JSON:
                return StoreJson.write(value);
            default:
                return value;
        }
    }

    static String rtreeTable(LayerInfo layer) {
        return "rtree_" + layer.tableName() + "_" + GEOMETRY_COLUMN;
    }
}
