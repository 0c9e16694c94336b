package org.sinkatlas.layers.format;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.sinkatlas.layers.crs.CrsDefinition;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.crs.GeometryTransform;

/**
 * Writes JTS geometries as GeoJSON geometry objects straight into a Jackson stream, transforming each
 * coordinate to the output CRS, in that CRS's axis order, rounded to a precision that fits its unit.
 * Polygons are written with exterior rings counter-clockwise and holes clockwise (RFC 7946). Streaming
 * matters here: a page of 100,000 features is written without building any intermediate string. Not
 * thread-safe.
 */
public final class GeoJsonGeometryWriter {

    private final GeometryTransform transform;
    private final boolean swapAxes;
    private final double scale;
    private final int places;
    private final Coordinate c = new Coordinate();
    private final DecimalWriter decimals = new DecimalWriter();

    /**
     * A writer in the CRS's own axis order, as OGC API Features answers with {@code crs}.
     *
     * @param crsService the CRS service
     * @param output     the CRS to write coordinates in
     */
    public GeoJsonGeometryWriter(CrsService crsService, CrsDefinition output) {
        this(crsService, output, true);
    }

    /**
     * @param authorityAxisOrder true for the CRS's own axis order (e.g. latitude first for EPSG:4326), false
     *                           for (east, north), the order GeoJSON files use whatever their CRS (GDAL, QGIS)
     */
    public GeoJsonGeometryWriter(CrsService crsService, CrsDefinition output, boolean authorityAxisOrder) {
        this.transform = crsService.fromStorage(output);
        this.swapAxes = authorityAxisOrder && output.northingFirst();
        // 1e-7 degree is about 1 cm; metres to the millimetre.
        this.places = output.geographic() ? 7 : 3;
        this.scale = Math.pow(10, places);
    }

    /** A writer of CRS84 coordinates as stored. */
    public static GeoJsonGeometryWriter crs84(CrsService crsService) {
        return new GeoJsonGeometryWriter(crsService, CrsService.CRS84);
    }

    public void write(JsonGenerator gen, Geometry g) throws IOException {
        if (g == null) {
            gen.writeNull();
            return;
        }
        gen.writeStartObject();
        gen.writeStringField("type", g.getGeometryType());
        if (g instanceof GeometryCollection && !(g instanceof MultiPoint || g instanceof MultiLineString
                || g instanceof MultiPolygon)) {
            gen.writeArrayFieldStart("geometries");
            for (int i = 0; i < g.getNumGeometries(); i++) write(gen, g.getGeometryN(i));
            gen.writeEndArray();
        } else {
            gen.writeFieldName("coordinates");
            coordinates(gen, g);
        }
        gen.writeEndObject();
    }

    private void coordinates(JsonGenerator gen, Geometry g) throws IOException {
        if (g instanceof Point p) {
            if (p.isEmpty()) {
                gen.writeStartArray();
                gen.writeEndArray();
            } else {
                position(gen, p.getCoordinateSequence(), 0);
            }
        } else if (g instanceof LineString l) {
            sequence(gen, l.getCoordinateSequence(), false);
        } else if (g instanceof Polygon p) {
            polygon(gen, p);
        } else {
            gen.writeStartArray();
            for (int i = 0; i < g.getNumGeometries(); i++) coordinates(gen, g.getGeometryN(i));
            gen.writeEndArray();
        }
    }

    private void polygon(JsonGenerator gen, Polygon p) throws IOException {
        gen.writeStartArray();
        if (!p.isEmpty()) {
            ring(gen, p.getExteriorRing().getCoordinateSequence(), true);
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                ring(gen, p.getInteriorRingN(i).getCoordinateSequence(), false);
            }
        }
        gen.writeEndArray();
    }

    private void ring(JsonGenerator gen, CoordinateSequence seq, boolean counterClockwise) throws IOException {
        boolean isCcw = org.locationtech.jts.algorithm.Orientation.isCCW(seq);
        sequence(gen, seq, isCcw != counterClockwise);
    }

    private void sequence(JsonGenerator gen, CoordinateSequence seq, boolean reverse) throws IOException {
        gen.writeStartArray();
        int n = seq.size();
        for (int k = 0; k < n; k++) position(gen, seq, reverse ? n - 1 - k : k);
        gen.writeEndArray();
    }

    private void position(JsonGenerator gen, CoordinateSequence seq, int i) throws IOException {
        c.x = seq.getX(i);
        c.y = seq.getY(i);
        transform.apply(c, c);
        double first = swapAxes ? c.y : c.x;
        double second = swapAxes ? c.x : c.y;
        gen.writeStartArray();
        decimals.writeRounded(gen, first, places, scale);
        decimals.writeRounded(gen, second, places, scale);
        gen.writeEndArray();
    }
}
