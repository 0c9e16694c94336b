package org.sinkatlas.layers.store.geopackage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.sqlite.Function;

/**
 * SQL functions that SQLite lacks and the GeoPackage store needs, registered on each read connection:
 * {@code sa_intersects(gpkg_blob, wkb)} is the exact intersection test behind spatial filters. It
 * answers from the blob's header envelope when that lies inside a rectangular filter, and caches the
 * prepared filter geometry between rows of one statement.
 */
final class GpkgSpatialFunctions {

    static final String INTERSECTS = "sa_intersects";

    private GpkgSpatialFunctions() {}

    static void register(Connection connection) throws SQLException {
        Function.create(connection, INTERSECTS, new Intersects());
    }

    private static final class Intersects extends Function {
        private final GpkgGeometryCodec codec = new GpkgGeometryCodec();
        private byte[] lastWkb;
        private PreparedGeometry prepared;
        private Envelope rectangle;

        @Override
        protected void xFunc() throws SQLException {
            if (args() != 2) throw new SQLException(INTERSECTS + " takes 2 arguments");
            byte[] blob = value_blob(0);
            byte[] wkb = value_blob(1);
            if (blob == null || wkb == null) {
                result(0);
                return;
            }
            if (!Arrays.equals(wkb, lastWkb)) {
                try {
                    Geometry filter = new WKBReader(new GeometryFactory()).read(wkb);
                    prepared = PreparedGeometryFactory.prepare(filter);
                    rectangle = filter.isRectangle() ? filter.getEnvelopeInternal() : null;
                    lastWkb = wkb;
                } catch (ParseException e) {
                    throw new SQLException("bad filter geometry: " + e.getMessage());
                }
            }
            if (rectangle != null) {
                Envelope env = GpkgGeometryCodec.headerEnvelope(blob);
                if (env != null && rectangle.covers(env)) {
                    result(1);
                    return;
                }
            }
            Geometry g = codec.decode(blob);
            result(g != null && prepared.intersects(g) ? 1 : 0);
        }
    }
}
