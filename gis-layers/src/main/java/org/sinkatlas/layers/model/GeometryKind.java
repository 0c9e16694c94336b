package org.sinkatlas.layers.model;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/** The geometry type a layer holds; names follow the OGC Simple Features / GeoPackage type names. */
public enum GeometryKind {
    POINT, LINESTRING, POLYGON, MULTIPOINT, MULTILINESTRING, MULTIPOLYGON, GEOMETRY;

    /** The GeoPackage / Simple Features name, e.g. {@code MULTIPOLYGON}. */
    public String sfName() {
        return name();
    }

    /** The GeoJSON name, e.g. {@code MultiPolygon}. */
    public String geoJsonName() {
        switch (this) {
            case POINT: return "Point";
            case LINESTRING: return "LineString";
            case POLYGON: return "Polygon";
            case MULTIPOINT: return "MultiPoint";
            case MULTILINESTRING: return "MultiLineString";
            case MULTIPOLYGON: return "MultiPolygon";
            default: return "Geometry";
        }
    }

    /**
     * Fits a geometry to this kind: a single part is wrapped for a multi layer, a one-part multi is
     * unwrapped for a single layer.
     *
     * @throws IllegalArgumentException when the geometry cannot be of this kind
     */
    public Geometry coerce(Geometry g) {
        GeometryFactory f = g.getFactory();
        switch (this) {
            case GEOMETRY:
                return g;
            case POINT:
                if (g instanceof Point) return g;
                if (g instanceof MultiPoint && g.getNumGeometries() == 1) return g.getGeometryN(0);
                break;
            case LINESTRING:
                if (g instanceof LineString) return g;
                if (g instanceof MultiLineString && g.getNumGeometries() == 1) return g.getGeometryN(0);
                break;
            case POLYGON:
                if (g instanceof Polygon) return g;
                if (g instanceof MultiPolygon && g.getNumGeometries() == 1) return g.getGeometryN(0);
                break;
            case MULTIPOINT:
                if (g instanceof MultiPoint) return g;
                if (g instanceof Point p) return f.createMultiPoint(new Point[] {p});
                break;
            case MULTILINESTRING:
                if (g instanceof MultiLineString) return g;
                if (g instanceof LineString l) return f.createMultiLineString(new LineString[] {l});
                break;
            case MULTIPOLYGON:
                if (g instanceof MultiPolygon) return g;
                if (g instanceof Polygon p) return f.createMultiPolygon(new Polygon[] {p});
                break;
            default:
                break;
        }
        throw new IllegalArgumentException("this layer holds " + geoJsonName() + " geometries, got "
                + g.getGeometryType());
    }

    public static GeometryKind fromName(String name) {
        for (GeometryKind k : values()) {
            if (k.name().equalsIgnoreCase(name) || k.geoJsonName().equalsIgnoreCase(name)) return k;
        }
        throw new IllegalArgumentException("unknown geometry type '" + name + "'");
    }
}
