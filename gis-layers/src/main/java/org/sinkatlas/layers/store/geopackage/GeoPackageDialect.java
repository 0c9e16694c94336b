package org.sinkatlas.layers.store.geopackage;

import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.sinkatlas.layers.filter.SpatialOp;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.PropertyType;
import org.sinkatlas.layers.store.StoreJson;
import org.sinkatlas.layers.store.sql.SqlDialect;

/**
 * SQLite/GeoPackage spelling of filters: spatial filters go through the layer's R-tree index and then an
 * exact test ({@code sa_intersects}, {@code sa_within} ..., Java functions registered on each read
 * connection); LIKE is made case-sensitive with GLOB, as it is in PostgreSQL, and case folding is a Java
 * function too; dates are ISO-8601 text as the GeoPackage standard stores them.
 */
final class GeoPackageDialect implements SqlDialect {

    static final String GEOMETRY_COLUMN = "geom";

    @Override
    public String intersects(LayerInfo layer, Geometry geometry, List<Object> params) {
        return "(" + candidates(layer, geometry, false, params) + " AND " + GpkgSpatialFunctions.INTERSECTS + "("
                + GEOMETRY_COLUMN + ", ?))";
    }

    @Override
    public String spatial(LayerInfo layer, SpatialOp op, Geometry geometry, List<Object> params) {
        // A feature can contain the geometry only if its box covers the geometry's; every other relation
        // needs the two boxes to meet.
        return "(" + candidates(layer, geometry, op == SpatialOp.CONTAINS, params) + " AND "
                + GpkgSpatialFunctions.function(op) + "(" + GEOMETRY_COLUMN + ", ?))";
    }

    /**
     * From the R-tree alone (its boxes are float32, rounded outwards: a little generous, never less). A point's
     * box is therefore up to two float steps wide, not empty: boxes within {@value #POINT_BOX} degrees are
     * points, which are always kept.
     */
    @Override
    public String bigEnoughIn(LayerInfo layer, Envelope box, double minWidth, double minHeight, List<Object> params) {
        params.add(box.getMaxX());
        params.add(box.getMinX());
        params.add(box.getMaxY());
        params.add(box.getMinY());
        params.add(minWidth);
        params.add(minHeight);
        return "fid IN (SELECT id FROM " + quote(rtreeTable(layer)) + " WHERE minx <= ? AND maxx >= ? AND miny <= ?"
                + " AND maxy >= ? AND (maxx - minx >= ? OR maxy - miny >= ? OR (maxx - minx <= " + POINT_BOX
                + " AND maxy - miny <= " + POINT_BOX + ")))";
    }

    /** Two float32 steps at longitudes up to 256°. */
    private static final double POINT_BOX = 3.1e-5;

    /** Features whose R-tree box meets (or covers) the geometry's envelope; then binds the geometry's WKB. */
    private String candidates(LayerInfo layer, Geometry geometry, boolean covering, List<Object> params) {
        Envelope e = geometry.getEnvelopeInternal();
        // Boxes meet: minx <= e.maxx, maxx >= e.minx ...; a box covers e: minx <= e.minx, maxx >= e.maxx ...
        params.add(covering ? e.getMinX() : e.getMaxX());
        params.add(covering ? e.getMaxX() : e.getMinX());
        params.add(covering ? e.getMinY() : e.getMaxY());
        params.add(covering ? e.getMaxY() : e.getMinY());
        params.add(new WKBWriter(2).write(geometry));
        return "fid IN (SELECT id FROM " + quote(rtreeTable(layer))
                + " WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ?)";
    }

    @Override
    public String like(String text, String pattern) {
        return text + " GLOB " + pattern;
    }

    @Override
    public String likePattern(String pattern) {
        // LIKE (% _ with \ escape) to GLOB (* ? with [] for literals): GLOB is case-sensitive, as LIKE is in
        // PostgreSQL.
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

    @Override
    public String caseFold(String text) {
        // SQLite's lower() folds ASCII only; the Java function folds all of Unicode.
        return GpkgSpatialFunctions.CASE_FOLD + "(" + text + ")";
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

    /** The box comes from the layer's R-tree; SQLite has no row locks (the store's write lock serialises writes). */
    @Override
    public String currentRow(LayerInfo layer) {
        return "SELECT t.sa_version, t.sa_created, r.minx, r.maxx, r.miny, r.maxy FROM " + table(layer) + " t LEFT JOIN "
                + quote(rtreeTable(layer)) + " r ON r.id = t.fid WHERE t.fid = ?";
    }

    static String rtreeTable(LayerInfo layer) {
        return "rtree_" + layer.tableName() + "_" + GEOMETRY_COLUMN;
    }
}
