package org.sinkatlas.layers.store.postgis;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.locationtech.jts.geom.Envelope;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.PropertyDef;
import org.sinkatlas.layers.store.ChangeLog;
import org.sinkatlas.layers.store.FeatureQuery;
import org.sinkatlas.layers.store.LayerExistsException;
import org.sinkatlas.layers.store.NotFoundException;
import org.sinkatlas.layers.store.StoreChange;
import org.sinkatlas.layers.store.StoreException;
import org.sinkatlas.layers.store.StoreJson;
import org.sinkatlas.layers.store.StoreUnavailableException;
import org.sinkatlas.layers.store.VectorTileQuery;
import org.sinkatlas.layers.store.sql.JdbcCursor;
import org.sinkatlas.layers.store.sql.LayerSql;
import org.sinkatlas.layers.store.sql.SqlCodec;
import org.sinkatlas.layers.store.sql.SqlStore;
import org.sinkatlas.layers.store.sql.SqlWhere;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production store: PostgreSQL with PostGIS, in one schema of a database. The fixed tables
 * ({@code sa_layers}, {@code sa_history}) are made by Flyway migrations at start; each layer is a table
 * with a GiST-indexed {@code geometry(<kind>, 4326)} column and one column per property. Connections come
 * from a HikariCP pool; reads stream through a server-side cursor (fetch size); every write runs in one
 * transaction that also bumps the layer's {@code generation}, which every server instance compares
 * against what it cached (extents, counts), so several stateless instances can share one database.
 *
 * <p>Inserts are sent in JDBC batches with ids taken in blocks from the layer's sequence, so that a bulk
 * load costs a few round trips per thousand features; the batch is flushed before any other statement of
 * the transaction and before it commits.
 */
public final class PostgisStore extends SqlStore {

    private static final Logger LOG = LoggerFactory.getLogger(PostgisStore.class);
    private static final int FETCH_SIZE = 1000;
    private static final long LAYER_LIST_TTL_NANOS = 2_000_000_000L;

    private final PostgisSettings settings;
    private final HikariDataSource pool;
    /** The tile query of a layer's attributes, made once: it depends on the layer's definition, so a drop forgets it. */
    private final Map<TileSqlKey, String> tileSql = new ConcurrentHashMap<>();

    private record TileSqlKey(String layerId, List<String> properties, boolean simplify) {}

    private volatile List<LayerInfo> layers = List.of();
    private volatile long layersReadAt;

    private PostgisStore(PostgisSettings settings, HikariDataSource pool) {
        super(new PostgisDialect('"' + settings.schema().replace("\"", "\"\"") + '"'));
        this.settings = settings;
        this.pool = pool;
    }

    /**
     * Connects, makes sure PostGIS and the schema exist, migrates the schema and loads the layers.
     *
     * @throws StoreUnavailableException with the reason when the database cannot be reached or prepared
     */
    public static PostgisStore open(PostgisSettings settings) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(settings.jdbcUrl());
        hc.setUsername(settings.user());
        if (settings.password() != null) hc.setPassword(settings.password());
        hc.setPoolName("postgis");
        hc.setMaximumPoolSize(Math.max(10, Runtime.getRuntime().availableProcessors() * 4));
        hc.setMinimumIdle(2);
        // Fail fast: a request should get a 503 within seconds when the database is away, not hang.
        hc.setConnectionTimeout(3_000);
        hc.setValidationTimeout(2_000);
        hc.setInitializationFailTimeout(1);
        hc.setConnectionInitSql("SET search_path TO \"" + settings.schema() + "\", public");
        hc.addDataSourceProperty("ApplicationName", "sink-atlas");
        hc.addDataSourceProperty("reWriteBatchedInserts", "true");
        hc.addDataSourceProperty("connectTimeout", "5");
        hc.addDataSourceProperty("socketTimeout", "300");
        hc.addDataSourceProperty("tcpKeepAlive", "true");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hc);
        } catch (HikariPool.PoolInitializationException e) {
            throw new StoreUnavailableException("cannot connect to " + settings.describe() + ": " + rootMessage(e), e);
        }
        try {
            PostgisStore store = new PostgisStore(settings, pool);
            store.prepareDatabase();
            store.reloadLayers();
            return store;
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private void prepareDatabase() {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            boolean postgis;
            try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_extension WHERE extname = 'postgis'")) {
                postgis = rs.next();
            }
            if (!postgis) {
                try {
                    st.execute("CREATE EXTENSION postgis SCHEMA public");
                } catch (SQLException e) {
                    throw new StoreUnavailableException("PostGIS is not installed in " + settings.describe()
                            + " and this user may not install it (" + e.getMessage()
                            + "); ask an administrator to run CREATE EXTENSION postgis", e);
                }
            }
            st.execute("CREATE SCHEMA IF NOT EXISTS " + dialect.quote(settings.schema()));
        } catch (SQLException e) {
            throw failure("preparing the database", e);
        }
        try {
            Flyway.configure().dataSource(pool).schemas(settings.schema()).defaultSchema(settings.schema())
                    .table("sa_schema_history").locations("classpath:db/postgis").load().migrate();
        } catch (FlywayException e) {
            throw new StoreUnavailableException("the schema of " + settings.describe() + " could not be migrated: "
                    + rootMessage(e), e);
        }
    }

    @Override
    public String engine() {
        return "postgis";
    }

    public PostgisSettings settings() {
        return settings;
    }

    @Override
    public void ping() {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT 1")) {
            rs.next();
        } catch (SQLException e) {
            throw new StoreUnavailableException("PostgreSQL " + settings.describe() + " does not answer: "
                    + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Layers

    @Override
    public List<LayerInfo> layers() {
        // Re-read now and then, so that layers made by another server instance appear.
        if (System.nanoTime() - layersReadAt > LAYER_LIST_TTL_NANOS) reloadLayers();
        return layers;
    }

    private void reloadLayers() {
        List<LayerInfo> read = new ArrayList<>();
        try (Connection c = pool.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT definition::text FROM sa_layers ORDER BY position")) {
            while (rs.next()) read.add(StoreJson.layerFromJson(rs.getString(1)));
        } catch (SQLException e) {
            throw failure("reading layers", e);
        }
        layers = List.copyOf(read);
        layersReadAt = System.nanoTime();
    }

    private String table(LayerInfo layer) {
        return dialect.table(layer);
    }

    @Override
    public void createLayer(LayerInfo layer) {
        inTransaction("creating layer " + layer.id(), c -> {
            try (PreparedStatement check = c.prepareStatement("SELECT 1 FROM sa_layers WHERE id = ?")) {
                check.setString(1, layer.id());
                try (ResultSet rs = check.executeQuery()) {
                    if (rs.next()) throw new LayerExistsException("layer '" + layer.id() + "' exists already");
                }
            }
            StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(table(layer))
                    .append(" (fid bigserial PRIMARY KEY, geom geometry(").append(layer.geometryKind().geoJsonName())
                    .append(", 4326) NOT NULL");
            for (PropertyDef p : layer.properties()) {
                ddl.append(", ").append(dialect.quote(p.name())).append(' ').append(PostgisDialect.columnType(p.type()));
            }
            ddl.append(", sa_version bigint NOT NULL DEFAULT 1, sa_created timestamptz NOT NULL,"
                    + " sa_updated timestamptz NOT NULL)");
            try (Statement st = c.createStatement()) {
                st.execute(ddl.toString());
                st.execute("CREATE INDEX " + dialect.quote(layer.tableName() + "_geom_gist") + " ON " + table(layer)
                        + " USING gist (geom)");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sa_layers (id, position, definition)"
                    + " SELECT ?, COALESCE(max(position) + 1, 0), CAST(? AS jsonb) FROM sa_layers")) {
                ps.setString(1, layer.id());
                ps.setString(2, StoreJson.layerToJson(layer));
                ps.executeUpdate();
            }
            return null;
        });
        reloadLayers();
    }

    @Override
    public void addProperties(String layerId, List<PropertyDef> properties) {
        LayerInfo current = requireLayer(layerId);
        List<PropertyDef> added = org.sinkatlas.layers.store.LayerProperties.newProperties(current, properties);
        if (added.isEmpty()) return;
        LayerInfo changed = org.sinkatlas.layers.store.LayerProperties.withProperties(current, added);
        inTransaction("adding properties to layer " + layerId, c -> {
            try (Statement st = c.createStatement()) {
                for (PropertyDef p : added) {
                    st.execute("ALTER TABLE " + table(current) + " ADD COLUMN " + dialect.quote(p.name()) + " "
                            + PostgisDialect.columnType(p.type()));
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE sa_layers SET definition = CAST(? AS jsonb), generation = generation + 1 WHERE id = ?")) {
                ps.setString(1, StoreJson.layerToJson(changed));
                ps.setString(2, layerId);
                ps.executeUpdate();
            }
            return null;
        });
        forget(layerId);
        reloadLayers();
        changes.publish(StoreChange.wholeLayer(layerId));
    }

    @Override
    public void updateLayer(LayerInfo layer) {
        requireSameShape(requireLayer(layer.id()), layer);
        inTransaction("updating layer " + layer.id(), c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE sa_layers SET definition = CAST(? AS jsonb), generation = generation + 1 WHERE id = ?")) {
                ps.setString(1, StoreJson.layerToJson(layer));
                ps.setString(2, layer.id());
                ps.executeUpdate();
            }
            return null;
        });
        reloadLayers();
        changes.publish(StoreChange.wholeLayer(layer.id()));
    }

    @Override
    public void dropLayer(String layerId) {
        LayerInfo layer = requireLayer(layerId);
        inTransaction("dropping layer " + layerId, c -> {
            try (Statement st = c.createStatement()) {
                st.execute("DROP TABLE " + table(layer));
            }
            for (String sql : List.of("DELETE FROM sa_history WHERE layer_id = ?", "DELETE FROM sa_layers WHERE id = ?")) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, layerId);
                    ps.executeUpdate();
                }
            }
            return null;
        });
        forget(layerId);
        tileSql.keySet().removeIf(k -> k.layerId().equals(layerId));
        reloadLayers();
        changes.publish(StoreChange.wholeLayer(layerId));
    }

    // ------------------------------------------------------------------------------------------------
    // Reads: the shared read path, with PostgreSQL's generations, cursors and paging

    /** The layer's generation in the database: bumped by every committed write, by any server instance. */
    @Override
    protected long generation(Connection c, String layerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT generation FROM sa_layers WHERE id = ?")) {
            ps.setString(1, layerId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw NotFoundException.layer(layerId);
                return rs.getLong(1);
            }
        }
    }

    @Override
    protected Connection readConnection() throws SQLException {
        return pool.getConnection();
    }

    /** A transaction with a fetch size makes the driver stream through a server-side cursor. */
    @Override
    protected PreparedStatement prepareRead(Connection c, String sql) throws SQLException {
        c.setAutoCommit(false);
        c.setReadOnly(true);
        PreparedStatement ps = c.prepareStatement(sql);
        ps.setFetchSize(FETCH_SIZE);
        return ps;
    }

    @Override
    protected SqlCodec codec() {
        return new PostgisCodec();
    }

    @Override
    protected Envelope extentBox(Connection c, LayerInfo layer) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e),"
                + " ST_YMax(e) FROM (SELECT ST_Extent(geom) AS e FROM " + table(layer) + ") s")) {
            if (rs.next() && rs.getObject(1) != null) {
                return new Envelope(rs.getDouble(1), rs.getDouble(3), rs.getDouble(2), rs.getDouble(4));
            }
            return null;
        }
    }

    /**
     * The rows skipped by OFFSET would be projected too (WKB and all): they are skipped over the ids alone, which
     * the primary key answers, and the page's rows only are read.
     */
    @Override
    protected String paged(LayerSql sql, SqlWhere where, FeatureQuery query, List<Object> params) {
        StringBuilder page = new StringBuilder(" ORDER BY fid");
        if (query.limit() != FeatureQuery.UNLIMITED) {
            page.append(" LIMIT ?");
            params.add(query.limit());
        }
        if (query.offset() == 0) return sql.select() + " WHERE " + where.sql() + page;
        page.append(" OFFSET ?");
        params.add(query.offset());
        return sql.select() + " JOIN (SELECT fid FROM " + sql.table() + " WHERE " + where.sql() + page
                + ") page USING (fid) ORDER BY fid";
    }

    /**
     * Made in the database with ST_AsMVT, as Martin does: the tile's envelope is transformed to the table's
     * CRS so that the GiST index picks the rows, only the tile's properties are read, and features are
     * simplified in EPSG:3857 and clipped to the tile and its buffer by ST_AsMVTGeom.
     */
    @Override
    public Optional<byte[]> vectorTile(String layerId, VectorTileQuery q) {
        LayerInfo layer = requireLayer(layerId);
        String sql = tileSql.computeIfAbsent(new TileSqlKey(layer.id(), List.copyOf(q.properties()), q.simplifyMetres() > 0),
                k -> tileSql(layer, k.properties(), k.simplify()));
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, q.layerName());
            ps.setInt(i++, q.extent());
            if (q.simplifyMetres() > 0) ps.setDouble(i++, q.simplifyMetres());
            ps.setInt(i++, q.z());
            ps.setInt(i++, q.x());
            ps.setInt(i++, q.y());
            ps.setInt(i++, q.extent());
            ps.setInt(i++, q.buffer());
            ps.setDouble(i++, q.lonLatBounds().getMinX());
            ps.setDouble(i++, q.lonLatBounds().getMinY());
            ps.setDouble(i++, q.lonLatBounds().getMaxX());
            ps.setDouble(i++, q.lonLatBounds().getMaxY());
            ps.setDouble(i++, q.unitsPerDegreeX());
            ps.setDouble(i++, q.minSizeUnits());
            ps.setDouble(i++, q.unitsPerDegreeY());
            ps.setDouble(i++, q.minSizeUnits());
            ps.setInt(i, q.maxFeatures());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                byte[] tile = rs.getBytes(1);
                return Optional.of(tile == null ? new byte[0] : tile);
            }
        } catch (SQLException e) {
            throw failure("making tile " + q.z() + "/" + q.x() + "/" + q.y() + " of " + layerId, e);
        }
    }

    /**
     * The tile SQL of a layer, made once (the driver then keeps one server-side prepared statement for it per
     * connection): features whose box meets the tile and is big enough, simplified in EPSG:3857 and clipped by
     * ST_AsMVTGeom, the lowest ids first up to the limit, counted after empty clips are dropped.
     */
    private String tileSql(LayerInfo layer, List<String> properties, boolean simplify) {
        StringBuilder columns = new StringBuilder("fid");
        for (String name : properties) {
            PropertyDef p = layer.property(name).orElseThrow(() -> new IllegalArgumentException(
                    "layer " + layer.id() + " has no property '" + name + "' for its tiles"));
            String col = dialect.quote(p.name());
            // Dates as ISO text and times as RFC 3339, as the embedded engine writes them.
            if (p.type() == org.sinkatlas.layers.model.PropertyType.DATE) col = "to_char(" + col + ", 'YYYY-MM-DD') AS " + col;
            else if (p.type() == org.sinkatlas.layers.model.PropertyType.DATETIME) {
                col = "to_char(" + col + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') AS " + col;
            } else if (p.type() == org.sinkatlas.layers.model.PropertyType.JSON) col = col + "::text AS " + col;
            columns.append(", ").append(col);
        }
        String geom = simplify ? "ST_Simplify(ST_Transform(geom, 3857), ?, true)" : "ST_Transform(geom, 3857)";
        // OFFSET 0 keeps the planner from pushing "geom IS NOT NULL" into the scan, where it would transform,
        // simplify and clip every row a second time (EXPLAIN VERBOSE showed it; a third of the tile's time).
        return "SELECT ST_AsMVT(m.*, ?, ?, 'geom', 'fid') FROM (SELECT * FROM (SELECT " + columns + ", ST_AsMVTGeom("
                + geom + ", ST_TileEnvelope(?, ?, ?), ?, ?, true) AS geom FROM " + table(layer)
                + " WHERE geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)"
                + " AND ((ST_XMax(geom) = ST_XMin(geom) AND ST_YMax(geom) = ST_YMin(geom))"
                + " OR (ST_XMax(geom) - ST_XMin(geom)) * ? >= ? OR (ST_YMax(geom) - ST_YMin(geom)) * ? >= ?) OFFSET 0) t"
                + " WHERE t.geom IS NOT NULL ORDER BY fid LIMIT ?) m";
    }

    /**
     * Summed in the database: only one row per group and class comes back instead of every feature. Areas
     * are the stored ones, so the numbers equal the embedded engine's; a zone's share of a feature is the
     * ratio of geodesic areas, which agrees with the Java ratio of ellipsoidal areas to about 1e-6.
     */
    @Override
    public List<org.sinkatlas.layers.store.AreaSum> sumAreas(String layerId, org.sinkatlas.layers.store.AreaSumQuery q) {
        LayerInfo layer = requireLayer(layerId);
        SqlWhere where = compiler.compile(layer, q.filter());
        String area = dialect.quote(q.areaProperty());
        String weight = q.weightProperty() == null ? "NULL" : "p." + dialect.quote(q.weightProperty());
        String fractions = q.fractionsProperty() == null ? "NULL::jsonb" : "p." + dialect.quote(q.fractionsProperty());
        String cls = "p." + dialect.quote(q.classProperty());
        String selected = "(SELECT * FROM " + table(layer) + " WHERE " + where.sql() + " AND " + area + " IS NOT NULL) p";
        String group;
        String share;
        String from;
        if (q.zonesLayer() != null) {
            LayerInfo zones = requireLayer(q.zonesLayer());
            group = "z." + dialect.quote(q.zoneKey());
            share = "CASE WHEN ST_CoveredBy(p.geom, z.geom) THEN 1.0 ELSE ST_Area(ST_Intersection(p.geom, z.geom)::geography)"
                    + " / NULLIF(ST_Area(p.geom::geography), 0) END";
            from = selected + " JOIN " + table(zones) + " z ON ST_Intersects(p.geom, z.geom)";
        } else {
            group = q.groupProperty() == null ? "NULL" : "p." + dialect.quote(q.groupProperty());
            share = "1.0";
            from = selected;
        }
        StringBuilder strata = new StringBuilder();
        StringBuilder strataOut = new StringBuilder();
        for (int i = 0; i < q.stratumProperties().size(); i++) {
            strata.append(", p.").append(dialect.quote(q.stratumProperties().get(i))).append("::text AS s").append(i);
            strataOut.append(", s.s").append(i);
        }
        String sql = "SELECT s.g, x.cls, sum(s.a * x.f), sum(s.a * x.f * s.w) FILTER (WHERE s.w IS NOT NULL),"
                + " sum(s.a * x.f) FILTER (WHERE s.w IS NOT NULL), sum(x.f)" + strataOut
                + " FROM (SELECT " + group + " AS g, p." + area + "::float8 * " + share + " AS a, " + weight + "::float8 AS w,"
                + " COALESCE(" + cls + "::text, '') AS c, " + fractions + " AS fr" + strata + " FROM " + from + ") s"
                + " CROSS JOIN LATERAL (SELECT key AS cls, value::float8 AS f"
                + " FROM jsonb_each_text(COALESCE(s.fr, jsonb_build_object(s.c, 1)))) x"
                + " WHERE s.a > 0 GROUP BY s.g, x.cls" + strataOut;
        List<org.sinkatlas.layers.store.AreaSum> out = new ArrayList<>();
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, where.params(), 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> stratum = new ArrayList<>(q.stratumProperties().size());
                    for (int i = 0; i < q.stratumProperties().size(); i++) stratum.add(rs.getString(7 + i));
                    out.add(new org.sinkatlas.layers.store.AreaSum(rs.getObject(1), rs.getString(2), rs.getDouble(3),
                            rs.getDouble(4), rs.getDouble(5), rs.getDouble(6), stratum));
                }
            }
        } catch (SQLException e) {
            throw failure("summing areas of " + layerId, e);
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------
    // Writes: the shared versioned write, on a pooled connection, ids taken in blocks from each layer's sequence

    @Override
    protected Connection beginWrite() throws SQLException {
        return pool.getConnection();
    }

    @Override
    protected void endWrite(Connection c) {
        JdbcCursor.closeQuietly(c);
    }

    @Override
    protected Writer newWriter(Connection c, String author, ChangeLog.Pending changed) {
        return new PgWriter(c, author, changed);
    }

    /** Work on one connection in one transaction (layer definitions). */
    @FunctionalInterface
    private interface TransactionWork<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T inTransaction(String what, TransactionWork<T> work) {
        Connection c;
        try {
            c = pool.getConnection();
        } catch (SQLException e) {
            throw failure(what, e);
        }
        try {
            c.setAutoCommit(false);
            T result = work.run(c);
            c.commit();
            return result;
        } catch (SQLException e) {
            rollback(c);
            throw failure(what, e);
        } catch (RuntimeException | Error e) {
            rollback(c);
            throw e;
        } finally {
            JdbcCursor.closeQuietly(c);
        }
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // The connection is lost; the server rolls the transaction back itself.
        }
    }

    private final class PgWriter extends Writer {
        private final Map<String, ArrayDeque<Long>> freeIds = new HashMap<>();
        private final Map<String, Integer> idBlocks = new HashMap<>();

        PgWriter(Connection c, String author, ChangeLog.Pending changed) {
            super(c, author, changed);
        }

        @Override
        protected long nextId(LayerInfo layer) throws SQLException {
            ArrayDeque<Long> ids = freeIds.computeIfAbsent(layer.id(), k -> new ArrayDeque<>());
            if (ids.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("SELECT nextval(pg_get_serial_sequence(?, 'fid'))"
                        + " FROM generate_series(1, ?)")) {
                    ps.setString(1, table(layer));
                    // Blocks double from one id, so a single insert takes one id and a bulk load few round trips.
                    int block = idBlocks.merge(layer.id(), 1, (a, b) -> Math.min(BATCH, a * 2));
                    ps.setInt(2, block);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) ids.add(rs.getLong(1));
                    }
                }
            }
            return ids.poll();
        }

        /** Past every restored id, deleted features' ids included: an id is never handed out twice. */
        @Override
        protected void afterRestore(LayerInfo layer, long highest) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("SELECT setval(pg_get_serial_sequence(?, 'fid'),"
                    + " GREATEST((SELECT max(fid) FROM " + table(layer) + "), ?, 0) + 1, false)")) {
                ps.setString(1, table(layer));
                ps.setLong(2, highest);
                ps.execute();
            }
        }

        /** Records appended later must get higher ids than the restored ones. */
        @Override
        protected void afterRecordRestore() throws SQLException {
            try (Statement st = c.createStatement()) {
                st.execute("SELECT setval(pg_get_serial_sequence('sa_records', 'id'), (SELECT max(id) FROM sa_records))");
            }
        }

        /** Every instance sees the layers change: their generations move. */
        @Override
        protected void finishLayers(Set<String> layerIds) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sa_layers SET generation = generation + 1 WHERE id = ?")) {
                for (String id : layerIds) {
                    ps.setString(1, id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    // ------------------------------------------------------------------------------------------------

    @Override
    public void close() {
        pool.close();
    }

    /**
     * A JDBC failure as the store's exception: the database being away (connection errors, shutdown, no
     * connection in time) is {@link StoreUnavailableException}; anything else is a {@link StoreException}.
     */
    @Override
    protected StoreException failure(String what, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (e instanceof SQLTransientConnectionException || state.startsWith("08") || state.startsWith("57P")) {
            return new StoreUnavailableException("PostgreSQL " + settings.describe() + " is unavailable while "
                    + what + ": " + e.getMessage(), e);
        }
        LOG.debug("{} failed", what, e);
        return new StoreException(what + " failed: " + e.getMessage(), e);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
