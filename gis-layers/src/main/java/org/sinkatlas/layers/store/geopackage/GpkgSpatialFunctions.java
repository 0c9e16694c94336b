package org.sinkatlas.layers.store.geopackage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.operation.relateng.RelateNG;
import org.locationtech.jts.operation.relateng.RelatePredicate;
import org.locationtech.jts.operation.relateng.TopologyPredicate;
import org.sinkatlas.layers.filter.SpatialOp;
import org.sqlite.Function;

/**
 * SQL functions that SQLite lacks and the GeoPackage store needs, registered on each read connection:
 * {@code sa_intersects(gpkg_blob, wkb)} is the exact intersection test behind spatial filters. It
 * answers from the blob's header envelope when that lies inside a rectangular filter, and caches the
 * prepared filter geometry between rows of one statement. {@code sa_within}, {@code sa_contains},
 * {@code sa_equals}, {@code sa_touches}, {@code sa_crosses} and {@code sa_overlaps} test the other DE-9IM
 * relations with JTS's RelateNG (which also takes geometry collections), {@code f(feature, filter)}.
 * {@code sa_casefold(text)} folds case with Java's full Unicode mapping (SQLite's {@code lower} folds ASCII
 * only).
 */
final class GpkgSpatialFunctions {

    static final String INTERSECTS = "sa_intersects";
    static final String CASE_FOLD = "sa_casefold";

    private static final Map<SpatialOp, String> NAMES = new EnumMap<>(SpatialOp.class);

    static {
        for (SpatialOp op : SpatialOp.values()) NAMES.put(op, "sa_" + op.name().toLowerCase(Locale.ROOT));
    }

    private GpkgSpatialFunctions() {}

    /** The SQL name of the function that tests {@code op}. */
    static String function(SpatialOp op) {
        return NAMES.get(op);
    }

    static void register(Connection connection) throws SQLException {
        Function.create(connection, INTERSECTS, new Intersects());
        for (SpatialOp op : SpatialOp.values()) Function.create(connection, function(op), new Relate(op));
        Function.create(connection, CASE_FOLD, new CaseFold(), 1, Function.FLAG_DETERMINISTIC);
    }

    /**
     * A test of a feature's GeoPackage blob against a filter geometry given as WKB, which stays the same over
     * the rows of a statement: it is read and prepared once, when it changes.
     */
    private abstract static class FilterTest extends Function {
        private final String name;
        final GpkgGeometryCodec codec = new GpkgGeometryCodec();
        private byte[] lastWkb;
        /** The filter's envelope when the filter is a rectangle, else null. */
        Envelope rectangle;

        FilterTest(String name) {
            this.name = name;
        }

        /** Called when the filter geometry changes. */
        abstract void prepare(Geometry filter);

        abstract boolean test(byte[] blob);

        @Override
        protected void xFunc() throws SQLException {
            if (args() != 2) throw new SQLException(name + " takes 2 arguments");
            byte[] blob = value_blob(0);
            byte[] wkb = value_blob(1);
            if (blob == null || wkb == null) {
                result(0);
                return;
            }
            if (!Arrays.equals(wkb, lastWkb)) {
                Geometry filter;
                try {
                    filter = new WKBReader(new GeometryFactory()).read(wkb);
                } catch (ParseException e) {
                    throw new SQLException("bad filter geometry for " + name + ": " + e.getMessage());
                }
                prepare(filter);
                rectangle = filter.isRectangle() ? filter.getEnvelopeInternal() : null;
                lastWkb = wkb;
            }
            result(test(blob) ? 1 : 0);
        }
    }

    private static final class Intersects extends FilterTest {
        private PreparedGeometry prepared;

        Intersects() {
            super(INTERSECTS);
        }

        @Override
        void prepare(Geometry filter) {
            prepared = PreparedGeometryFactory.prepare(filter);
        }

        @Override
        boolean test(byte[] blob) {
            if (rectangle != null) {
                Envelope env = GpkgGeometryCodec.headerEnvelope(blob);
                if (env != null && rectangle.covers(env)) return true;
            }
            Geometry g = codec.decode(blob);
            return g != null && prepared.intersects(g);
        }
    }

    /** {@code op(feature, filter)}, evaluated as the converse relation of the prepared filter geometry. */
    private static final class Relate extends FilterTest {
        private final SpatialOp op;
        private RelateNG prepared;

        Relate(SpatialOp op) {
            super(function(op));
            this.op = op;
        }

        @Override
        void prepare(Geometry filter) {
            prepared = RelateNG.prepare(filter);
        }

        @Override
        boolean test(byte[] blob) {
            if (op == SpatialOp.WITHIN && rectangle != null) {
                // A feature whose box lies strictly inside a rectangle lies in its interior.
                Envelope env = GpkgGeometryCodec.headerEnvelope(blob);
                if (env != null && env.getMinX() > rectangle.getMinX() && env.getMaxX() < rectangle.getMaxX()
                        && env.getMinY() > rectangle.getMinY() && env.getMaxY() < rectangle.getMaxY()) {
                    return true;
                }
            }
            Geometry g = codec.decode(blob);
            return g != null && prepared.evaluate(g, converse());
        }

        /** The predicate {@code p} with {@code p(filter, feature) == op(feature, filter)}. */
        private TopologyPredicate converse() {
            switch (op) {
                case WITHIN: return RelatePredicate.contains();
                case CONTAINS: return RelatePredicate.within();
                case EQUALS: return RelatePredicate.equalsTopo();
                case TOUCHES: return RelatePredicate.touches();
                case CROSSES: return RelatePredicate.crosses();
                default: return RelatePredicate.overlaps();
            }
        }
    }

    private static final class CaseFold extends Function {
        @Override
        protected void xFunc() throws SQLException {
            String s = value_text(0);
            if (s == null) result();
            else result(s.toLowerCase(Locale.ROOT));
        }
    }
}
