package org.sinkatlas.layers.format.shapefile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes shapes into a .shp and its .shx index (ESRI Shapefile Technical Description): Point, MultiPoint,
 * PolyLine or Polygon, one type a file. Polygon shells are written clockwise and holes counter-clockwise, as
 * the format defines them. The headers (file length, bounding box) are written last. Not thread-safe.
 */
final class ShpWriter implements AutoCloseable {

    private final FileChannel shp;
    private final FileChannel shx;
    private final int shapeType;
    private final Envelope bounds = new Envelope();
    private long shpLength = 100;
    private int records;

    ShpWriter(Path shpFile, Path shxFile, int shapeType) throws IOException {
        this.shapeType = shapeType;
        this.shp = FileChannel.open(shpFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        this.shx = FileChannel.open(shxFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        shp.position(100);
        shx.position(100);
    }

    int shapeType() {
        return shapeType;
    }

    /** Adds a record; the geometry must fit the file's type (null writes a Null shape). */
    void write(Geometry g) throws IOException {
        ByteBuffer content = g == null ? nullShape() : content(g);
        content.flip();
        int length = content.remaining();
        ByteBuffer index = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);
        index.putInt((int) (shpLength / 2)).putInt(length / 2).flip();
        shx.write(index);
        ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);
        header.putInt(++records).putInt(length / 2).flip();
        shp.write(header);
        shp.write(content);
        shpLength += 8 + length;
        if (g != null) bounds.expandToInclude(g.getEnvelopeInternal());
    }

    private static ByteBuffer nullShape() {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(ShpReader.NULL);
    }

    private ByteBuffer content(Geometry g) {
        switch (shapeType) {
            case ShpReader.POINT: {
                Point p = (Point) g;
                return ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN).putInt(shapeType).putDouble(p.getX())
                        .putDouble(p.getY());
            }
            case ShpReader.MULTIPOINT: {
                int n = g.getNumGeometries();
                ByteBuffer b = ByteBuffer.allocate(40 + 16 * n).order(ByteOrder.LITTLE_ENDIAN).putInt(shapeType);
                box(b, g.getEnvelopeInternal()).putInt(n);
                for (int i = 0; i < n; i++) {
                    Coordinate c = g.getGeometryN(i).getCoordinate();
                    b.putDouble(c.x).putDouble(c.y);
                }
                return b;
            }
            case ShpReader.POLYLINE:
            case ShpReader.POLYGON: {
                java.util.List<CoordinateSequence> parts = new java.util.ArrayList<>();
                java.util.List<Boolean> reverse = new java.util.ArrayList<>();
                for (int i = 0; i < g.getNumGeometries(); i++) {
                    Geometry part = g.getGeometryN(i);
                    if (part instanceof LineString l) {
                        parts.add(l.getCoordinateSequence());
                        reverse.add(false);
                    } else if (part instanceof Polygon p) {
                        CoordinateSequence shell = p.getExteriorRing().getCoordinateSequence();
                        parts.add(shell);
                        reverse.add(Orientation.isCCW(shell));
                        for (int h = 0; h < p.getNumInteriorRing(); h++) {
                            CoordinateSequence hole = p.getInteriorRingN(h).getCoordinateSequence();
                            parts.add(hole);
                            reverse.add(!Orientation.isCCW(hole));
                        }
                    }
                }
                int points = 0;
                for (CoordinateSequence s : parts) points += s.size();
                ByteBuffer b = ByteBuffer.allocate(44 + 4 * parts.size() + 16 * points).order(ByteOrder.LITTLE_ENDIAN)
                        .putInt(shapeType);
                box(b, g.getEnvelopeInternal()).putInt(parts.size()).putInt(points);
                int start = 0;
                for (CoordinateSequence s : parts) {
                    b.putInt(start);
                    start += s.size();
                }
                for (int i = 0; i < parts.size(); i++) {
                    CoordinateSequence s = parts.get(i);
                    int n = s.size();
                    for (int k = 0; k < n; k++) {
                        int at = reverse.get(i) ? n - 1 - k : k;
                        b.putDouble(s.getX(at)).putDouble(s.getY(at));
                    }
                }
                return b;
            }
            default:
                throw new IllegalStateException("shape type " + shapeType);
        }
    }

    private static ByteBuffer box(ByteBuffer b, Envelope e) {
        return b.putDouble(e.getMinX()).putDouble(e.getMinY()).putDouble(e.getMaxX()).putDouble(e.getMaxY());
    }

    /** Writes both headers and closes the files. */
    @Override
    public void close() throws IOException {
        try {
            shp.write(header(shpLength), 0);
            shx.write(header(100 + 8L * records), 0);
        } finally {
            shp.close();
            shx.close();
        }
    }

    private ByteBuffer header(long fileLength) {
        ByteBuffer h = ByteBuffer.allocate(100);
        h.order(ByteOrder.BIG_ENDIAN).putInt(0, 9994).putInt(24, (int) (fileLength / 2));
        h.order(ByteOrder.LITTLE_ENDIAN).putInt(28, 1000).putInt(32, shapeType);
        Envelope e = bounds.isNull() ? new Envelope(0, 0, 0, 0) : bounds;
        h.putDouble(36, e.getMinX()).putDouble(44, e.getMinY()).putDouble(52, e.getMaxX()).putDouble(60, e.getMaxY());
        return h;
    }
}
