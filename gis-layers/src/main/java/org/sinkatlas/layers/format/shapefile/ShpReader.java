package org.sinkatlas.layers.format.shapefile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.algorithm.PointLocation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.sinkatlas.layers.format.FormatException;

/**
 * Reads the shapes of a .shp file (ESRI Shapefile Technical Description, 1998) into JTS geometries: Point,
 * MultiPoint, PolyLine (LineString or MultiLineString) and Polygon (Polygon or MultiPolygon), their Z variants
 * with heights and their M variants without the measures. Polygon rings are sorted as the format defines them: clockwise rings are shells,
 * counter-clockwise rings are holes, each hole belonging to the smallest shell that contains it; a hole inside
 * no shell is taken as a shell, as GDAL does. The file's structure is checked when it is opened, so a
 * truncated file is refused before any shape is used. Not thread-safe.
 */
final class ShpReader implements AutoCloseable {

    static final int NULL = 0;
    static final int POINT = 1;
    static final int POLYLINE = 3;
    static final int POLYGON = 5;
    static final int MULTIPOINT = 8;

    /** A shape that cannot be made into a geometry; the message says why. */
    static final class ShapeException extends Exception {
        ShapeException(String message) {
            super(message);
        }
    }

    /** The largest record read: a polygon of 16 million vertices, far beyond any parcel. */
    static final long MAX_RECORD_BYTES = 256L << 20;

    private final String name;
    private final FileChannel channel;
    private final int shapeType;
    private final int count;
    private final GeometryFactory factory = new GeometryFactory();
    private final ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);
    private ByteBuffer content = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private long position = 100;

    ShpReader(Path file) throws IOException {
        this.name = file.getFileName().toString();
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            long size = channel.size();
            ByteBuffer h = ByteBuffer.allocate(100);
            if (size < 100 || channel.read(h, 0) < 100) {
                throw new FormatException(name + " is too short to be a shapefile (" + size + " bytes)");
            }
            h.flip();
            if (h.order(ByteOrder.BIG_ENDIAN).getInt(0) != 9994) throw new FormatException(name + " is not a shapefile (bad file code)");
            long declared = 2L * h.getInt(24);
            if (declared > size) {
                throw new FormatException(name + " is truncated: its header says " + declared + " bytes, the file has " + size);
            }
            h.order(ByteOrder.LITTLE_ENDIAN);
            if (h.getInt(28) != 1000) throw new FormatException(name + " has an unknown shapefile version " + h.getInt(28));
            this.shapeType = h.getInt(32);
            // Walk the record headers: the count, and a truncated or damaged record found before any is used.
            int n = 0;
            long at = 100;
            ByteBuffer rh = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);
            while (at < declared) {
                rh.clear();
                if (at + 8 > size || channel.read(rh, at) < 8) {
                    throw new FormatException(name + " is truncated inside the header of record " + (n + 1));
                }
                long length = 2L * rh.getInt(4);
                if (length < 4 || at + 8 + length > size) {
                    throw new FormatException(name + " is truncated: record " + (n + 1) + " runs past the end of the file");
                }
                at += 8 + length;
                n++;
            }
            this.count = n;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The file's shape type code (1 Point, 3 PolyLine, 5 Polygon, 8 MultiPoint, +10 Z, +20 M). */
    int shapeType() {
        return shapeType;
    }

    int count() {
        return count;
    }

    /**
     * The next record's geometry, null for a Null shape.
     *
     * @throws ShapeException when the shape cannot be a valid geometry of its kind
     */
    Geometry next() throws IOException, ShapeException {
        header.clear();
        channel.read(header, position);
        // The lengths were checked against the file when it was opened; one record is still held in memory.
        long declared = 2L * header.getInt(4);
        if (declared > MAX_RECORD_BYTES) {
            position += 8 + declared;
            throw new ShapeException("the shape record has " + declared + " bytes; at most " + MAX_RECORD_BYTES + " are read");
        }
        int length = (int) declared;
        if (content.capacity() < length) content = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        content.clear().limit(length);
        channel.read(content, position + 8);
        content.flip();
        position += 8 + length;
        return shape(content);
    }

    private Geometry shape(ByteBuffer b) throws ShapeException {
        int type = b.getInt(0);
        int base = type == 31 ? 31 : type % 10 == 1 ? POINT : type % 10;
        // The Z variants (11 PointZ ... 18 MultiPointZ) give each point a height after the x and y of all points.
        boolean withZ = type >= 11 && type <= 18;
        switch (base) {
            case NULL:
                return null;
            case POINT: {
                need(b, 20);
                Coordinate c = new Coordinate(b.getDouble(4), b.getDouble(12));
                if (withZ && b.limit() >= 28) c.setZ(b.getDouble(20));
                return factory.createPoint(c);
            }
            case MULTIPOINT: {
                need(b, 40);
                int points = b.getInt(36);
                if (points < 0) throw new ShapeException("negative point count");
                need(b, 40 + 16L * points);
                Coordinate[] cs = new Coordinate[points];
                for (int i = 0; i < points; i++) cs[i] = new Coordinate(b.getDouble(40 + 16 * i), b.getDouble(48 + 16 * i));
                if (withZ) heights(b, 40 + 16 * points, cs);
                Point[] out = new Point[points];
                for (int i = 0; i < points; i++) out[i] = factory.createPoint(cs[i]);
                return factory.createMultiPoint(out);
            }
            case POLYLINE:
            case POLYGON: {
                List<Coordinate[]> parts = parts(b, withZ);
                return base == POLYLINE ? lines(parts) : polygons(parts);
            }
            case 31:
                throw new ShapeException("MultiPatch shapes are not supported");
            default:
                throw new ShapeException("unknown shape type " + type);
        }
    }

    private static void need(ByteBuffer b, long bytes) throws ShapeException {
        if (b.limit() < bytes) throw new ShapeException("the shape record is shorter than its content says");
    }

    private static List<Coordinate[]> parts(ByteBuffer b, boolean withZ) throws ShapeException {
        need(b, 44);
        int parts = b.getInt(36);
        int points = b.getInt(40);
        if (parts < 0 || points < 0) throw new ShapeException("negative part or point count");
        // In long: counts near 2^31 must not wrap round into a small size that passes the check.
        need(b, 44 + 4L * parts + 16L * points);
        int pointsAt = 44 + 4 * parts;
        List<Coordinate[]> out = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
            int from = b.getInt(44 + 4 * p);
            int to = p + 1 < parts ? b.getInt(48 + 4 * p) : points;
            if (from < 0 || to > points || from > to) throw new ShapeException("part " + (p + 1) + " has bad point indexes");
            Coordinate[] c = new Coordinate[to - from];
            for (int i = from; i < to; i++) {
                c[i - from] = new Coordinate(b.getDouble(pointsAt + 16 * i), b.getDouble(pointsAt + 8 + 16 * i));
            }
            out.add(c);
        }
        if (withZ && out.stream().mapToInt(part -> part.length).sum() == points) {
            Coordinate[] all = new Coordinate[points];
            int i = 0;
            for (Coordinate[] part : out) {
                for (Coordinate c : part) all[i++] = c;
            }
            heights(b, pointsAt + 16 * points, all);
        }
        return out;
    }

    /** Sets the heights of a Z shape's points from its Z range and array at {@code at}, when the record holds them. */
    private static void heights(ByteBuffer b, int at, Coordinate[] points) {
        long zArray = at + 16L;
        if (b.limit() < zArray + 8L * points.length) return;
        for (int i = 0; i < points.length; i++) points[i].setZ(b.getDouble((int) zArray + 8 * i));
    }

    private Geometry lines(List<Coordinate[]> parts) throws ShapeException {
        LineString[] lines = new LineString[parts.size()];
        for (int i = 0; i < lines.length; i++) {
            if (parts.get(i).length < 2) throw new ShapeException("line part " + (i + 1) + " has fewer than 2 points");
            lines[i] = factory.createLineString(parts.get(i));
        }
        if (lines.length == 0) throw new ShapeException("a PolyLine without parts");
        return lines.length == 1 ? lines[0] : factory.createMultiLineString(lines);
    }

    private Geometry polygons(List<Coordinate[]> parts) throws ShapeException {
        List<LinearRing> shells = new ArrayList<>();
        List<LinearRing> holes = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Coordinate[] ring = parts.get(i);
            if (ring.length < 4) throw new ShapeException("ring " + (i + 1) + " has " + ring.length + " points; a ring needs at least 4");
            if (!ring[0].equals2D(ring[ring.length - 1])) throw new ShapeException("ring " + (i + 1) + " is not closed");
            LinearRing r = factory.createLinearRing(ring);
            if (Orientation.isCCW(ring)) holes.add(r);
            else shells.add(r);
        }
        if (shells.isEmpty() && holes.isEmpty()) throw new ShapeException("a Polygon without rings");
        List<List<LinearRing>> holesOf = new ArrayList<>();
        for (int i = 0; i < shells.size(); i++) holesOf.add(new ArrayList<>());
        for (LinearRing hole : holes) {
            int owner = smallestContaining(shells, hole);
            if (owner < 0) {
                shells.add(hole);
                holesOf.add(new ArrayList<>());
            } else {
                holesOf.get(owner).add(hole);
            }
        }
        Polygon[] polygons = new Polygon[shells.size()];
        for (int i = 0; i < polygons.length; i++) {
            polygons[i] = factory.createPolygon(shells.get(i), holesOf.get(i).toArray(LinearRing[]::new));
        }
        return polygons.length == 1 ? polygons[0] : factory.createMultiPolygon(polygons);
    }

    /** The index of the smallest shell that contains the hole, or -1. */
    private static int smallestContaining(List<LinearRing> shells, LinearRing hole) {
        int best = -1;
        double bestArea = Double.MAX_VALUE;
        for (int i = 0; i < shells.size(); i++) {
            LinearRing shell = shells.get(i);
            if (!shell.getEnvelopeInternal().covers(hole.getEnvelopeInternal())) continue;
            if (!inside(shell.getCoordinates(), hole.getCoordinates())) continue;
            double area = org.locationtech.jts.algorithm.Area.ofRing(shell.getCoordinateSequence());
            if (area < bestArea) {
                best = i;
                bestArea = area;
            }
        }
        return best;
    }

    /** Whether a ring lies inside a shell, judged by its first vertex not on the shell's boundary. */
    private static boolean inside(Coordinate[] shell, Coordinate[] ring) {
        for (Coordinate c : ring) {
            int where = PointLocation.locateInRing(c, shell);
            if (where != Location.BOUNDARY) return where == Location.INTERIOR;
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
