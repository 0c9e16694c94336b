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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.WKBWriter;
import org.sinkatlas.layers.filter.ComparisonOp;
import org.sinkatlas.layers.filter.Filter;
import org.sinkatlas.layers.model.Feature;
import org.sinkatlas.layers.model.FeatureDraft;
import org.sinkatlas.layers.model.FeatureVersion;
import org.sinkatlas.layers.model.LayerExtent;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.PropertyDef;
import org.sinkatlas.layers.store.FeatureChecks;
import org.sinkatlas.layers.store.FeatureRules;
import org.sinkatlas.layers.store.FeatureQuery;
import org.sinkatlas.layers.store.FeatureWriter;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.NotFoundException;
import org.sinkatlas.layers.store.ChangeLog;
import org.sinkatlas.layers.store.ServiceRecord;
import org.sinkatlas.layers.store.StoreChange;
import org.sinkatlas.layers.store.VectorTileQuery;
import org.sinkatlas.layers.store.StoreCursor;
import org.sinkatlas.layers.store.StoreException;
import org.sinkatlas.layers.store.StoreJson;
import org.sinkatlas.layers.store.StoreUnavailableException;
import org.sinkatlas.layers.store.VersionConflictException;
import org.sinkatlas.layers.store.WriteWork;
import org.sinkatlas.layers.store.sql.JdbcCursor;
import org.sinkatlas.layers.store.sql.SqlFilterCompiler;
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
public final class PostgisStore implements LayerStore {

    private static final Logger LOG = LoggerFactory.getLogger(PostgisStore.class);
    private static final int FETCH_SIZE = 1000;
    private static final int BATCH = 1000;
    private static final long LAYER_LIST_TTL_NANOS = 2_000_000_000L;
    private static final int MAX_CACHED_COUNTS = 512;

    private final PostgisSettings settings;
    private final HikariDataSource pool;
    private final String schema;
    private final PostgisDialect dialect = new PostgisDialect();
    private final SqlFilterCompiler compiler = new SqlFilterCompiler(dialect);
    private final Map<String, LayerCache> caches = new ConcurrentHashMap<>();
    private final ChangeLog changes = new ChangeLog();
    private final FeatureRules rules = new FeatureRules();
    /** The tile query of a layer's attributes, made once: it depends on the layer's definition, so a drop forgets it. */
    private final Map<TileSqlKey, String> tileSql = new ConcurrentHashMap<>();

    private record TileSqlKey(String layerId, List<String> properties, boolean simplify) {}
    /** A feature's box in the storage CRS, as four columns. */
    private static final String BOX = "ST_XMin(geom), ST_XMax(geom), ST_YMin(geom), ST_YMax(geom)";
    private volatile List<LayerInfo> layers = List.of();
    private volatile long layersReadAt;

    private PostgisStore(PostgisSettings settings, HikariDataSource pool) {
        this.settings = settings;
        this.pool = pool;
        this.schema = dialect.quote(settings.schema());
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
            st.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
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
                ResultSet rs = st.executeQuery("SELECT definition::text FROM " + schema + ".sa_layers ORDER BY position")) {
            while (rs.next()) read.add(StoreJson.layerFromJson(rs.getString(1)));
        } catch (SQLException e) {
            throw failure("reading layers", e);
        }
        layers = List.copyOf(read);
        layersReadAt = System.nanoTime();
    }

    @Override
    public Optional<LayerInfo> layer(String layerId) {
        for (LayerInfo l : layers()) {
            if (l.id().equals(layerId)) return Optional.of(l);
        }
        return Optional.empty();
    }

    private LayerInfo requireLayer(String layerId) {
        return layer(layerId).orElseThrow(() -> NotFoundException.layer(layerId));
    }

    private String table(LayerInfo layer) {
        return schema + "." + dialect.quote(layer.tableName());
    }

    @Override
    public void createLayer(LayerInfo layer) {
        inTransaction("creating layer " + layer.id(), c -> {
            try (PreparedStatement check = c.prepareStatement("SELECT 1 FROM sa_layers WHERE id = ?")) {
                check.setString(1, layer.id());
                try (ResultSet rs = check.executeQuery()) {
                    if (rs.next()) throw new IllegalArgumentException("layer '" + layer.id() + "' already exists");
                }
            }
            StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(table(layer))
                    .append(" (fid bigserial PRIMARY KEY, geom geometry(").append(postgisType(layer)).append(", 4326) NOT NULL");
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

    private static String postgisType(LayerInfo layer) {
        switch (layer.geometryKind()) {
            case POINT: return "Point";
            case LINESTRING: return "LineString";
            case POLYGON: return "Polygon";
            case MULTIPOINT: return "MultiPoint";
            case MULTILINESTRING: return "MultiLineString";
            case MULTIPOLYGON: return "MultiPolygon";
            default: return "Geometry";
        }
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
        reloadLayers();
        changes.publish(StoreChange.wholeLayer(layerId));
    }

    @Override
    public void updateLayer(LayerInfo layer) {
        LayerInfo current = requireLayer(layer.id());
        if (current.geometryKind() != layer.geometryKind() || !current.properties().equals(layer.properties())) {
            throw new IllegalArgumentException("the geometry kind and properties of a layer cannot be changed");
        }
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
        caches.remove(layerId);
        tileSql.keySet().removeIf(k -> k.layerId().equals(layerId));
        reloadLayers();
        changes.publish(StoreChange.wholeLayer(layerId));
    }

    // ------------------------------------------------------------------------------------------------
    // Reads

    /** The layer's generation now (bumped by every committed write). */
    private long generation(Connection c, String layerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT generation FROM sa_layers WHERE id = ?")) {
            ps.setString(1, layerId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw NotFoundException.layer(layerId);
                return rs.getLong(1);
            }
        }
    }

    /** What this instance knows about a layer at one generation. */
    private static final class LayerCache {
        final long generation;
        volatile LayerExtent extent;
        final Map<List<Object>, Long> counts = new ConcurrentHashMap<>();

        LayerCache(long generation) {
            this.generation = generation;
        }
    }

    private LayerCache cache(Connection c, String layerId) throws SQLException {
        long g = generation(c, layerId);
        LayerCache cache = caches.get(layerId);
        if (cache == null || cache.generation != g) {
            cache = new LayerCache(g);
            caches.put(layerId, cache);
        }
        return cache;
    }

    @Override
    public FeatureRules rules() {
        return rules;
    }

    @Override
    public LayerExtent extent(String layerId) {
        LayerInfo layer = requireLayer(layerId);
        try (Connection c = pool.getConnection()) {
            LayerCache cache = cache(c, layerId);
            if (cache.extent != null) return cache.extent;
            Envelope bbox = null;
            Instant begin = null;
            Instant end = null;
            try (Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM"
                        + " (SELECT ST_Extent(geom) AS e FROM " + table(layer) + ") s")) {
                    if (rs.next() && rs.getObject(1) != null) {
                        bbox = new Envelope(rs.getDouble(1), rs.getDouble(3), rs.getDouble(2), rs.getDouble(4));
                    }
                }
                if (layer.temporalProperty() != null) {
                    String col = dialect.quote(layer.temporalProperty());
                    try (ResultSet rs = st.executeQuery("SELECT min(" + col + "), max(" + col + ") FROM " + table(layer))) {
                        if (rs.next()) {
                            begin = PostgisRows.instant(rs, 1);
                            end = PostgisRows.instant(rs, 2);
                        }
                    }
                }
            }
            cache.extent = new LayerExtent(bbox, begin, end);
            return cache.extent;
        } catch (SQLException e) {
            throw failure("reading the extent of " + layerId, e);
        }
    }

    @Override
    public long count(String layerId, Filter filter) {
        LayerInfo layer = requireLayer(layerId);
        SqlWhere where = compiler.compile(layer, filter);
        List<Object> key = new ArrayList<>();
        key.add(where.sql());
        for (Object p : where.params()) key.add(p instanceof byte[] b ? java.nio.ByteBuffer.wrap(b) : p);
        try (Connection c = pool.getConnection()) {
            LayerCache cache = cache(c, layerId);
            Long known = cache.counts.get(key);
            if (known != null) return known;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + table(layer) + " WHERE " + where.sql())) {
                bind(ps, where.params(), 1);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long n = rs.getLong(1);
                    if (cache.counts.size() < MAX_CACHED_COUNTS) cache.counts.put(key, n);
                    return n;
                }
            }
        } catch (SQLException e) {
            throw failure("counting " + layerId, e);
        }
    }

    @Override
    public StoreCursor<Feature> query(String layerId, FeatureQuery query) {
        LayerInfo layer = requireLayer(layerId);
        SqlWhere where = compiler.compile(layer, query.filter());
        List<Object> params = new ArrayList<>(where.params());
        StringBuilder page = new StringBuilder(" ORDER BY fid");
        if (query.limit() != FeatureQuery.UNLIMITED) {
            page.append(" LIMIT ?");
            params.add(query.limit());
        }
        String sql;
        if (query.offset() > 0) {
            page.append(" OFFSET ?");
            params.add(query.offset());
            // The rows skipped by OFFSET are projected too (WKB and all): skip them over the ids alone, which
            // the primary key answers, and read the page's rows only.
            sql = selectColumns(layer) + " JOIN (SELECT fid FROM " + table(layer) + " WHERE " + where.sql() + page
                    + ") page USING (fid) ORDER BY fid";
        } else {
            sql = selectColumns(layer) + " WHERE " + where.sql() + page;
        }
        return openCursor(sql, params, rs -> PostgisRows.feature(layer, rs));
    }

    private String selectColumns(LayerInfo layer) {
        StringBuilder sb = new StringBuilder("SELECT fid, ST_AsBinary(geom)");
        for (PropertyDef p : layer.properties()) {
            sb.append(", ").append(dialect.quote(p.name()));
            if (p.type() == org.sinkatlas.layers.model.PropertyType.JSON) sb.append("::text");
        }
        return sb.append(", sa_version, sa_created, sa_updated FROM ").append(table(layer)).toString();
    }

    /** A streaming read: a transaction with a fetch size makes the driver use a server-side cursor. */
    private <T> StoreCursor<T> openCursor(String sql, List<Object> params, JdbcCursor.RowReader<T> reader) {
        Connection c = null;
        try {
            c = pool.getConnection();
            c.setAutoCommit(false);
            c.setReadOnly(true);
            PreparedStatement ps = c.prepareStatement(sql);
            ps.setFetchSize(FETCH_SIZE);
            bind(ps, params, 1);
            return new JdbcCursor<>(c, ps, ps.executeQuery(), reader, e -> failure("reading", e));
        } catch (SQLException e) {
            closeRolledBack(c);
            throw failure("reading", e);
        }
    }

    private static void closeRolledBack(Connection c) {
        if (c == null) return;
        try {
            if (!c.getAutoCommit()) c.rollback();
        } catch (SQLException ignored) {
            // Closing anyway; the pool tests the connection.
        }
        JdbcCursor.closeQuietly(c);
    }

    @Override
    public Optional<Feature> feature(String layerId, long featureId) {
        try (StoreCursor<Feature> cursor = query(layerId, FeatureQuery.of(new Filter.Compare("id", ComparisonOp.EQ,
                featureId)))) {
            return cursor.hasNext() ? Optional.of(cursor.next()) : Optional.empty();
        }
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
        return "SELECT ST_AsMVT(m.*, ?, ?, 'geom', 'fid') FROM (SELECT * FROM (SELECT " + columns + ", ST_AsMVTGeom("
                + geom + ", ST_TileEnvelope(?, ?, ?), ?, ?, true) AS geom FROM " + table(layer)
                + " WHERE geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)"
                + " AND ((ST_XMax(geom) = ST_XMin(geom) AND ST_YMax(geom) = ST_YMin(geom))"
                + " OR (ST_XMax(geom) - ST_XMin(geom)) * ? >= ? OR (ST_YMax(geom) - ST_YMin(geom)) * ? >= ?)) t"
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

    @Override
    public List<FeatureVersion> history(String layerId, long featureId) {
        List<FeatureVersion> out = new ArrayList<>();
        try (StoreCursor<FeatureVersion> rows = openHistory(requireLayer(layerId), featureId)) {
            rows.forEachRemaining(out::add);
        }
        return out;
    }

    @Override
    public StoreCursor<FeatureVersion> historyOf(String layerId) {
        return openHistory(requireLayer(layerId), null);
    }

    private StoreCursor<FeatureVersion> openHistory(LayerInfo layer, Long featureId) {
        String sql = "SELECT fid, version, operation, ST_AsBinary(geom), properties::text, created, at, author"
                + " FROM sa_history WHERE layer_id = ?" + (featureId == null ? "" : " AND fid = ?")
                + " ORDER BY fid, version";
        List<Object> params = featureId == null ? List.of(layer.id()) : List.of(layer.id(), featureId);
        return openCursor(sql, params, rs -> PostgisRows.history(layer, rs));
    }

    @Override
    public List<ServiceRecord> records(String kind) {
        String sql = "SELECT id, kind, body::text, author, at FROM sa_records" + (kind == null ? "" : " WHERE kind = ?")
                + " ORDER BY id";
        List<ServiceRecord> out = new ArrayList<>();
        try (StoreCursor<ServiceRecord> rows = openCursor(sql, kind == null ? List.of() : List.of(kind),
                rs -> new ServiceRecord(rs.getLong(1), rs.getString(2), StoreJson.objectFromJson(rs.getString(3)),
                        rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant()))) {
            rows.forEachRemaining(out::add);
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------
    // Writes

    @Override
    public <T> T write(String author, WriteWork<T> work) {
        ChangeLog.Pending pending = changes.begin();
        T written = inTransaction("writing", c -> {
            PgWriter writer = new PgWriter(c, author, pending);
            T result = work.run(writer);
            writer.finish();
            return result;
        });
        pending.commit();
        return written;
    }

    /** Work on one connection in one transaction. */
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

    /** The writes of one transaction. */
    private final class PgWriter implements FeatureWriter {
        private final Connection c;
        private final String author;
        private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        private final Set<String> touched = new LinkedHashSet<>();
        private final Set<LayerInfo> restored = new LinkedHashSet<>();
        private final Map<String, ArrayDeque<Long>> freeIds = new HashMap<>();
        private final Map<String, Integer> idBlocks = new HashMap<>();
        private final Map<String, PreparedStatement> pendingInserts = new HashMap<>();
        private PreparedStatement pendingHistory;
        private int pending;
        private final Map<String, PreparedStatement> pendingAnnotations = new HashMap<>();
        private int annotations;
        private final WKBWriter wkb = new WKBWriter(2);
        private final ChangeLog.Pending changed;

        PgWriter(Connection c, String author, ChangeLog.Pending changed) {
            this.c = c;
            this.author = author;
            this.changed = changed;
        }

        @Override
        public Feature insert(String layerId, FeatureDraft draft) {
            LayerInfo layer = requireLayer(layerId);
            FeatureDraft checked = rules.prepare(layer, draft);
            try {
                long id = nextId(layer);
                Feature f = new Feature(id, checked.geometry(), typed(checked), 1, now, now);
                queueInsert(layer, f);
                queueHistory(layer.id(), f, FeatureVersion.Operation.INSERT, now, author);
                touched.add(layerId);
                changed.touch(layerId, f.geometry().getEnvelopeInternal());
                return f;
            } catch (SQLException e) {
                throw failure("inserting into " + layerId, e);
            }
        }

        @Override
        public Feature replace(String layerId, long featureId, FeatureDraft draft, long expectedVersion) {
            LayerInfo layer = requireLayer(layerId);
            FeatureDraft checked = rules.prepare(layer, draft);
            try {
                flush();
                Object[] current = lockCurrent(layer, featureId);
                long version = (long) current[0];
                if (expectedVersion != ANY_VERSION && expectedVersion != version) {
                    throw new VersionConflictException(layerId, featureId, expectedVersion, version);
                }
                StringBuilder set = new StringBuilder("geom = ST_GeomFromWKB(?, 4326)");
                for (PropertyDef p : layer.properties()) {
                    set.append(", ").append(dialect.quote(p.name())).append(" = ").append(PostgisDialect.placeholder(p.type()));
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + table(layer) + " SET " + set
                        + ", sa_version = ?, sa_updated = ? WHERE fid = ?")) {
                    int i = bindDraft(ps, layer, checked.geometry(), checked.properties(), 1);
                    ps.setLong(i++, version + 1);
                    ps.setObject(i++, utc(now));
                    ps.setLong(i, featureId);
                    ps.executeUpdate();
                }
                Feature f = new Feature(featureId, checked.geometry(), typed(checked), version + 1, (Instant) current[1], now);
                queueHistory(layerId, f, FeatureVersion.Operation.UPDATE, now, author);
                touched.add(layerId);
                changed.touch(layerId, (Envelope) current[2]);
                changed.touch(layerId, f.geometry().getEnvelopeInternal());
                return f;
            } catch (SQLException e) {
                throw failure("updating " + layerId + "/" + featureId, e);
            }
        }

        @Override
        public void delete(String layerId, long featureId, long expectedVersion) {
            LayerInfo layer = requireLayer(layerId);
            try {
                flush();
                Object[] current = lockCurrent(layer, featureId);
                long version = (long) current[0];
                if (expectedVersion != ANY_VERSION && expectedVersion != version) {
                    throw new VersionConflictException(layerId, featureId, expectedVersion, version);
                }
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table(layer) + " WHERE fid = ?")) {
                    ps.setLong(1, featureId);
                    ps.executeUpdate();
                }
                queueTombstone(layerId, featureId, version + 1);
                touched.add(layerId);
                changed.touch(layerId, (Envelope) current[2]);
            } catch (SQLException e) {
                throw failure("deleting " + layerId + "/" + featureId, e);
            }
        }

        @Override
        public void annotate(String layerId, long featureId, Map<String, ?> derived) {
            LayerInfo layer = requireLayer(layerId);
            Map<String, Object> typed = FeatureChecks.coerceDerived(layer, derived);
            if (typed.isEmpty()) return;
            try {
                flushInserts();
                if (!changed.isWholeLayer(layerId)) changed.touch(layerId, storedBox(layer, featureId));
                PreparedStatement ps = pendingAnnotations.get(layerId + typed.keySet());
                if (ps == null) {
                    StringBuilder set = new StringBuilder();
                    for (String name : typed.keySet()) {
                        set.append(set.length() == 0 ? "" : ", ").append(dialect.quote(name)).append(" = ")
                                .append(PostgisDialect.placeholder(layer.property(name).orElseThrow().type()));
                    }
                    ps = c.prepareStatement("UPDATE " + table(layer) + " SET " + set + " WHERE fid = ?");
                    pendingAnnotations.put(layerId + typed.keySet(), ps);
                }
                int i = 1;
                for (Map.Entry<String, Object> e : typed.entrySet()) {
                    ps.setObject(i++, dialect.bindValue(layer.property(e.getKey()).orElseThrow().type(), e.getValue()));
                }
                ps.setLong(i, featureId);
                ps.addBatch();
                annotations++;
                if (annotations >= BATCH) flushAnnotations();
                touched.add(layerId);
            } catch (SQLException e) {
                throw failure("annotating " + layerId + "/" + featureId, e);
            }
        }

        /** Sends queued annotations; a missing feature fails the transaction. */
        private void flushAnnotations() throws SQLException {
            if (annotations == 0) return;
            for (PreparedStatement ps : pendingAnnotations.values()) {
                for (int updated : ps.executeBatch()) {
                    if (updated == 0) throw new NotFoundException("a feature to annotate does not exist");
                }
            }
            annotations = 0;
        }

        @Override
        public void restore(LayerInfo layerInfo, Feature feature, List<FeatureVersion> history) {
            LayerInfo layer = requireLayer(layerInfo.id());
            try {
                if (feature != null) {
                    FeatureDraft checked = FeatureChecks.prepare(layer, new FeatureDraft(feature.geometry(),
                            feature.properties()));
                    queueInsert(layer, new Feature(feature.id(), checked.geometry(), typed(checked), feature.version(),
                            feature.created(), feature.updated()));
                }
                for (FeatureVersion v : history) {
                    if (v.state() == null) queueTombstone(layer.id(), v.featureId(), v.version(), v.at(), v.author());
                    else queueHistory(layer.id(), v.state(), v.operation(), v.at(), v.author());
                }
                restored.add(layer);
                touched.add(layer.id());
                changed.touchWholeLayer(layer.id());
            } catch (SQLException e) {
                throw failure("restoring into " + layer.id(), e);
            }
        }

        /** Sends what is queued, moves restored layers' id sequences past their ids, bumps generations. */
        void finish() throws SQLException {
            flush();
            // Past every restored id, deleted features' ids included: an id is never handed out twice.
            for (LayerInfo layer : restored) {
                try (PreparedStatement ps = c.prepareStatement("SELECT setval(pg_get_serial_sequence(?, 'fid'),"
                        + " GREATEST((SELECT max(fid) FROM " + table(layer) + "),"
                        + " (SELECT max(fid) FROM sa_history WHERE layer_id = ?), 0) + 1, false)")) {
                    ps.setString(1, table(layer));
                    ps.setString(2, layer.id());
                    ps.execute();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE sa_layers SET generation = generation + 1 WHERE id = ?")) {
                for (String id : touched) {
                    ps.setString(1, id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }

        private long nextId(LayerInfo layer) throws SQLException {
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

        private void queueInsert(LayerInfo layer, Feature f) throws SQLException {
            PreparedStatement ps = pendingInserts.get(layer.id());
            if (ps == null) {
                StringBuilder cols = new StringBuilder("fid, geom");
                StringBuilder marks = new StringBuilder("?, ST_GeomFromWKB(?, 4326)");
                for (PropertyDef p : layer.properties()) {
                    cols.append(", ").append(dialect.quote(p.name()));
                    marks.append(", ").append(PostgisDialect.placeholder(p.type()));
                }
                ps = c.prepareStatement("INSERT INTO " + table(layer) + " (" + cols + ", sa_version, sa_created,"
                        + " sa_updated) VALUES (" + marks + ", ?, ?, ?)");
                pendingInserts.put(layer.id(), ps);
            }
            ps.setLong(1, f.id());
            int i = bindDraft(ps, layer, f.geometry(), f.properties(), 2);
            ps.setLong(i++, f.version());
            ps.setObject(i++, utc(f.created()));
            ps.setObject(i, utc(f.updated()));
            ps.addBatch();
            countPending();
        }

        private void queueHistory(String layerId, Feature state, FeatureVersion.Operation op, Instant at, String who)
                throws SQLException {
            PreparedStatement ps = historyStatement();
            ps.setString(1, layerId);
            ps.setLong(2, state.id());
            ps.setLong(3, state.version());
            ps.setString(4, op.name());
            ps.setBytes(5, wkb.write(state.geometry()));
            ps.setString(6, StoreJson.propertiesToJson(state.properties()));
            ps.setObject(7, utc(state.created()));
            ps.setObject(8, utc(at));
            ps.setString(9, who);
            ps.addBatch();
            countPending();
        }

        private void queueTombstone(String layerId, long fid, long version) throws SQLException {
            queueTombstone(layerId, fid, version, now, author);
        }

        private void queueTombstone(String layerId, long fid, long version, Instant at, String who) throws SQLException {
            PreparedStatement ps = historyStatement();
            ps.setString(1, layerId);
            ps.setLong(2, fid);
            ps.setLong(3, version);
            ps.setString(4, FeatureVersion.Operation.DELETE.name());
            ps.setBytes(5, null);
            ps.setString(6, null);
            ps.setObject(7, null);
            ps.setObject(8, utc(at));
            ps.setString(9, who);
            ps.addBatch();
            countPending();
        }

        private PreparedStatement historyStatement() throws SQLException {
            if (pendingHistory == null) {
                pendingHistory = c.prepareStatement("INSERT INTO sa_history (layer_id, fid, version, operation, geom,"
                        + " properties, created, at, author) VALUES (?, ?, ?, ?, ST_GeomFromWKB(?, 4326),"
                        + " CAST(? AS jsonb), ?, ?, ?)");
            }
            return pendingHistory;
        }

        private void countPending() throws SQLException {
            if (++pending >= BATCH) flush();
        }

        /** Sends everything queued, in the order it was asked for: inserts and history, then annotations. */
        private void flush() throws SQLException {
            flushInserts();
            flushAnnotations();
        }

        /** Sends queued inserts (features first, then history rows) in batches. */
        private void flushInserts() throws SQLException {
            if (pending == 0) return;
            for (PreparedStatement ps : pendingInserts.values()) ps.executeBatch();
            if (pendingHistory != null) pendingHistory.executeBatch();
            pending = 0;
        }

        /** Locks a feature's row for this transaction: {version, created, box}. */
        private Object[] lockCurrent(LayerInfo layer, long featureId) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("SELECT sa_version, sa_created, " + BOX + " FROM "
                    + table(layer) + " WHERE fid = ? FOR UPDATE")) {
                ps.setLong(1, featureId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) throw NotFoundException.feature(layer.id(), featureId);
                    return new Object[] {rs.getLong(1), PostgisRows.instant(rs, 2), box(rs, 3)};
                }
            }
        }

        private Envelope storedBox(LayerInfo layer, long featureId) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + BOX + " FROM " + table(layer) + " WHERE fid = ?")) {
                ps.setLong(1, featureId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? box(rs, 1) : null;
                }
            }
        }

        private static Envelope box(ResultSet rs, int first) throws SQLException {
            double minX = rs.getDouble(first);
            if (rs.wasNull()) return null;
            return new Envelope(minX, rs.getDouble(first + 1), rs.getDouble(first + 2), rs.getDouble(first + 3));
        }

        private int bindDraft(PreparedStatement ps, LayerInfo layer, org.locationtech.jts.geom.Geometry g,
                Map<String, ?> props, int first) throws SQLException {
            int i = first;
            ps.setBytes(i++, wkb.write(g));
            for (PropertyDef p : layer.properties()) ps.setObject(i++, dialect.bindValue(p.type(), props.get(p.name())));
            return i;
        }

        @Override
        public ServiceRecord appendRecord(String kind, Map<String, ?> body) {
            ServiceRecord.requireKind(kind);
            String json = StoreJson.write(body);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO sa_records (kind, body, author, at) VALUES (?, ?::jsonb, ?, ?) RETURNING id")) {
                ps.setString(1, kind);
                ps.setString(2, json);
                ps.setString(3, author);
                ps.setObject(4, utc(now));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new ServiceRecord(rs.getLong(1), kind, StoreJson.objectFromJson(json), author, now);
                }
            } catch (SQLException e) {
                throw failure("appending a " + kind + " record", e);
            }
        }

        @Override
        public void restoreRecord(ServiceRecord r) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO sa_records (id, kind, body, author, at) VALUES (?, ?, ?::jsonb, ?, ?)");
                    Statement st = c.createStatement()) {
                ps.setLong(1, r.id());
                ps.setString(2, r.kind());
                ps.setString(3, StoreJson.write(r.body()));
                ps.setString(4, r.author());
                ps.setObject(5, utc(r.at()));
                ps.executeUpdate();
                // Records appended later must get higher ids than the restored ones.
                st.execute("SELECT setval(pg_get_serial_sequence('sa_records', 'id'), (SELECT max(id) FROM sa_records))");
            } catch (SQLException e) {
                throw failure("restoring record " + r.id(), e);
            }
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> typed(FeatureDraft d) {
            return (Map<String, Object>) d.properties();
        }
    }

    private static OffsetDateTime utc(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    // ------------------------------------------------------------------------------------------------

    @Override
    public void addChangeListener(java.util.function.Consumer<StoreChange> listener) {
        changes.addListener(listener);
    }

    @Override
    public void close() {
        pool.close();
    }

    private static void bind(PreparedStatement ps, List<Object> params, int first) throws SQLException {
        for (int i = 0; i < params.size(); i++) ps.setObject(first + i, params.get(i));
    }

    /**
     * A JDBC failure as the store's exception: the database being away (connection errors, shutdown, no
     * connection in time) is {@link StoreUnavailableException}; anything else is a {@link StoreException}.
     */
    private StoreException failure(String what, SQLException e) {
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
