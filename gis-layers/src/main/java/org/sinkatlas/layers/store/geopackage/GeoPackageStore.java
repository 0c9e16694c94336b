package org.sinkatlas.layers.store.geopackage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.db.TableColumnKey;
import mil.nga.geopackage.extension.rtree.RTreeIndexExtension;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureTable;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.sf.GeometryType;
import org.locationtech.jts.geom.Envelope;
import org.sinkatlas.layers.filter.ComparisonOp;
import org.sinkatlas.layers.format.GeoPackageFeatureFile;
import org.sinkatlas.layers.format.GeoPackageVersion;
import org.sinkatlas.layers.filter.Filter;
import org.sinkatlas.layers.model.Feature;
import org.sinkatlas.layers.model.FeatureDraft;
import org.sinkatlas.layers.model.FeatureVersion;
import org.sinkatlas.layers.model.LayerExtent;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.PropertyDef;
import org.sinkatlas.layers.store.ChangeLog;
import org.sinkatlas.layers.store.FeatureChecks;
import org.sinkatlas.layers.store.FeatureRules;
import org.sinkatlas.layers.store.StoreChange;
import org.sinkatlas.layers.store.ServiceRecord;
import org.sinkatlas.layers.store.StoreCursor;
import org.sinkatlas.layers.store.sql.JdbcCursor;
import org.sinkatlas.layers.store.FeatureQuery;
import org.sinkatlas.layers.store.FeatureWriter;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.NotFoundException;
import org.sinkatlas.layers.store.StoreException;
import org.sinkatlas.layers.store.StoreJson;
import org.sinkatlas.layers.store.StoreUnavailableException;
import org.sinkatlas.layers.store.VersionConflictException;
import org.sinkatlas.layers.store.WriteWork;
import org.sinkatlas.layers.store.sql.SqlFilterCompiler;
import org.sinkatlas.layers.store.sql.SqlWhere;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The embedded store: one GeoPackage file (SQLite, ACID) that QGIS and GDAL can open too. Each layer is a
 * GeoPackage feature table in EPSG:4326 (lon/lat, i.e. CRS84) with an R-tree spatial index, made with the
 * NGA GeoPackage library; Sink Atlas keeps its layer definitions in {@code sa_layers} and every feature
 * version in {@code sa_history}.
 *
 * <p>Writes go through the library's connection (which carries the SQL functions that the R-tree
 * triggers call), one transaction at a time. Reads use a pool of read-only connections in WAL mode, so
 * they never wait for a write and see only committed data.
 */
public final class GeoPackageStore implements LayerStore {

    private static final Logger LOG = LoggerFactory.getLogger(GeoPackageStore.class);
    private static final int SRS_ID = 4326;
    private static final int MAX_CACHED_COUNTS = 512;
    private static final String GEOM = GeoPackageDialect.GEOMETRY_COLUMN;
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final Path file;
    private final GeoPackage geoPackage;
    private final Connection writeConnection;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final HikariDataSource readers;
    private final List<LayerInfo> layers = new CopyOnWriteArrayList<>();
    private final Map<String, LayerCache> caches = new ConcurrentHashMap<>();
    private final GeoPackageDialect dialect = new GeoPackageDialect();
    private final SqlFilterCompiler compiler = new SqlFilterCompiler(dialect);
    private final GpkgGeometryCodec writeCodec = new GpkgGeometryCodec();
    private final ChangeLog changes = new ChangeLog();
    private final FeatureRules rules = new FeatureRules();

    private GeoPackageStore(Path file, GeoPackage geoPackage) throws SQLException {
        this.file = file;
        this.geoPackage = geoPackage;
        this.writeConnection = geoPackage.getConnection().getConnection();
        try (Statement st = writeConnection.createStatement()) {
            st.execute("PRAGMA busy_timeout = 10000");
            boolean ours = hasTable(st, "sa_layers");
            if (!ours && hasRows(st, "SELECT 1 FROM gpkg_contents LIMIT 1")) {
                throw new StoreUnavailableException(file + " is a GeoPackage that Sink Atlas did not create (it has"
                        + " layers but no sa_layers table); it was left untouched. Start with a new store file and"
                        + " import its layers");
            }
            st.execute("PRAGMA journal_mode = WAL");
            GeoPackageVersion.declare13(st);
            st.execute("CREATE TABLE IF NOT EXISTS sa_layers (id TEXT PRIMARY KEY, position INTEGER NOT NULL,"
                    + " definition TEXT NOT NULL)");
            st.execute("CREATE TABLE IF NOT EXISTS sa_history (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                    + " layer_id TEXT NOT NULL, fid INTEGER NOT NULL, version INTEGER NOT NULL, operation TEXT NOT NULL,"
                    + " geom BLOB, properties TEXT, created DATETIME, at DATETIME NOT NULL, author TEXT,"
                    + " UNIQUE (layer_id, fid, version))");
            st.execute("CREATE TABLE IF NOT EXISTS sa_records (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL,"
                    + " body TEXT NOT NULL, author TEXT, at DATETIME NOT NULL)");
            st.execute("CREATE INDEX IF NOT EXISTS sa_records_kind ON sa_records (kind, id)");
            // Registered as attribute tables so that GeoPackage readers know them for what they are; a store made
            // before a table existed gets it registered now.
            st.execute("INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description) VALUES"
                    + " ('sa_layers', 'attributes', 'Sink Atlas layers', 'Sink Atlas layer definitions'),"
                    + " ('sa_history', 'attributes', 'Sink Atlas history', 'Every version of every feature'),"
                    + " ('sa_records', 'attributes', 'Sink Atlas records', 'Keys, reports and audit entries')");
            try (ResultSet rs = st.executeQuery("SELECT definition FROM sa_layers ORDER BY position")) {
                while (rs.next()) layers.add(StoreJson.layerFromJson(rs.getString(1)));
            }
        }
        this.readers = readPool(file);
        for (LayerInfo layer : layers) {
            // The library registers the R-tree trigger functions on its connection per feature table.
            geoPackage.getFeatureDao(layer.tableName());
        }
    }

    /**
     * Opens the GeoPackage at {@code file}, creating it (and its folder) when it does not exist. An
     * existing file that is not a GeoPackage, is damaged, or is locked by another program is reported,
     * never replaced.
     *
     * @throws StoreUnavailableException with the reason
     */
    public static GeoPackageStore open(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!absolute.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gpkg")) {
            throw new StoreUnavailableException("a GeoPackage store file name must end in .gpkg: " + absolute);
        }
        boolean existed = Files.exists(absolute);
        try {
            if (existed) {
                checkIsSqlite(absolute);
            } else {
                if (absolute.getParent() != null) Files.createDirectories(absolute.getParent());
                GeoPackageManager.create(absolute.toFile());
                LOG.info("created GeoPackage store {}", absolute);
            }
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot use " + absolute + ": " + e.getMessage(), e);
        }
        GeoPackage gpkg;
        try {
            gpkg = GeoPackageManager.open(absolute.toFile(), true);
        } catch (RuntimeException e) {
            throw new StoreUnavailableException(absolute + " is not a readable GeoPackage (" + rootMessage(e)
                    + "); it was left untouched", e);
        }
        try {
            if (existed) checkIntegrityAndLock(gpkg.getConnection().getConnection(), absolute);
            return new GeoPackageStore(absolute, gpkg);
        } catch (SQLException | RuntimeException e) {
            gpkg.close();
            if (e instanceof StoreUnavailableException s) throw s;
            throw new StoreUnavailableException("cannot open " + absolute + ": " + rootMessage(e), e);
        }
    }

    private static boolean hasTable(Statement st, String table) throws SQLException {
        return hasRows(st, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'");
    }

    private static boolean hasRows(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            return rs.next();
        }
    }

    private static void checkIsSqlite(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new StoreUnavailableException(file + " is not a file");
        if (!Files.isReadable(file) || !Files.isWritable(file)) {
            throw new StoreUnavailableException(file + " cannot be read and written by this user");
        }
        byte[] head = new byte[SQLITE_MAGIC.length];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n < head.length || !Arrays.equals(head, SQLITE_MAGIC)) {
            throw new StoreUnavailableException(file + " is not a GeoPackage (no SQLite header); it is damaged or"
                    + " another kind of file, and was left untouched");
        }
    }

    private static void checkIntegrityAndLock(Connection c, Path file) throws SQLException {
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA quick_check(1)")) {
                String result = rs.next() ? rs.getString(1) : "no answer";
                if (!"ok".equalsIgnoreCase(result)) {
                    throw new StoreUnavailableException(file + " is damaged (SQLite quick_check: " + result
                            + "); restore it from a backup. It was left untouched");
                }
            }
            st.execute("PRAGMA busy_timeout = 2000");
            try {
                st.execute("BEGIN IMMEDIATE");
                st.execute("ROLLBACK");
            } catch (SQLException e) {
                throw new StoreUnavailableException(file + " is locked by another program (" + e.getMessage()
                        + "); close it there or wait, then start again", e);
            }
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("SQLITE_NOTADB")) {
                throw new StoreUnavailableException(file + " is damaged or not a GeoPackage; it was left untouched", e);
            }
            throw e;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static HikariDataSource readPool(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        // Memory-mapped reads share the operating system's page cache between connections instead of
        // copying every page through each connection's small private cache.
        config.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, Long.toString(1L << 30));
        config.setCacheSize(-16_384);
        SQLiteDataSource source = new SQLiteDataSource(config) {
            @Override
            public org.sqlite.SQLiteConnection getConnection(String user, String pass) throws SQLException {
                org.sqlite.SQLiteConnection c = super.getConnection(user, pass);
                GpkgSpatialFunctions.register(c);
                return c;
            }
        };
        source.setUrl("jdbc:sqlite:" + file);
        HikariConfig hc = new HikariConfig();
        hc.setDataSource(source);
        hc.setPoolName("gpkg-read");
        hc.setReadOnly(true);
        hc.setMaximumPoolSize(Math.max(4, Runtime.getRuntime().availableProcessors() * 2));
        hc.setMinimumIdle(1);
        hc.setConnectionTimeout(10_000);
        return new HikariDataSource(hc);
    }

    @Override
    public String engine() {
        return "geopackage";
    }

    /** The GeoPackage file. */
    public Path file() {
        return file;
    }

    @Override
    public void ping() {
        try (Connection c = readers.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM gpkg_contents")) {
            rs.next();
        } catch (SQLException e) {
            throw new StoreUnavailableException("GeoPackage " + file + " does not answer: " + e.getMessage(), e);
        }
    }

    @Override
    public List<LayerInfo> layers() {
        return List.copyOf(layers);
    }

    @Override
    public Optional<LayerInfo> layer(String layerId) {
        for (LayerInfo l : layers) {
            if (l.id().equals(layerId)) return Optional.of(l);
        }
        return Optional.empty();
    }

    private LayerInfo requireLayer(String layerId) {
        return layer(layerId).orElseThrow(() -> NotFoundException.layer(layerId));
    }

    @Override
    public void createLayer(LayerInfo layer) {
        writeLock.lock();
        try {
            if (layer(layer.id()).isPresent()) {
                throw new IllegalArgumentException("layer '" + layer.id() + "' already exists");
            }
            requireFreeIdentifier(layer);
            // Every table in a Sink Atlas GeoPackage is ours: one without a layer is left from a failed drop.
            if (geoPackage.isTable(layer.tableName())) geoPackage.deleteTable(layer.tableName());
            GeometryColumns gc = new GeometryColumns();
            gc.setId(new TableColumnKey(layer.tableName(), GEOM));
            gc.setGeometryType(GeometryType.fromName(layer.geometryKind().sfName()));
            gc.setZ((byte) 0);
            gc.setM((byte) 0);
            gc.setSrsId(SRS_ID);
            List<FeatureColumn> columns = new ArrayList<>();
            for (PropertyDef p : layer.properties()) {
                columns.add(FeatureColumn.createColumn(p.name(), GeoPackageFeatureFile.columnType(p)));
            }
            columns.add(FeatureColumn.createColumn("sa_version", GeoPackageDataType.INTEGER, true, 1L));
            columns.add(FeatureColumn.createColumn("sa_created", GeoPackageDataType.DATETIME));
            columns.add(FeatureColumn.createColumn("sa_updated", GeoPackageDataType.DATETIME));
            FeatureTable table = geoPackage.createFeatureTable(
                    FeatureTableMetadata.create(gc, "fid", true, columns, null));
            new RTreeIndexExtension(geoPackage).create(table);
            geoPackage.getFeatureDao(layer.tableName());
            try (PreparedStatement ps = writeConnection.prepareStatement(
                    "INSERT INTO sa_layers (id, position, definition) VALUES (?, ?, ?)")) {
                ps.setString(1, layer.id());
                ps.setInt(2, layers.size());
                ps.setString(3, StoreJson.layerToJson(layer));
                ps.executeUpdate();
            }
            describeContents(layer);
            layers.add(layer);
        } catch (SQLException e) {
            throw new StoreException("could not create layer " + layer.id() + ": " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void addProperties(String layerId, List<PropertyDef> properties) {
        LayerInfo current = requireLayer(layerId);
        List<PropertyDef> added = org.sinkatlas.layers.store.LayerProperties.newProperties(current, properties);
        if (added.isEmpty()) return;
        LayerInfo changed = org.sinkatlas.layers.store.LayerProperties.withProperties(current, added);
        writeLock.lock();
        try {
            // The library alters the table and its own record of the columns.
            FeatureDao dao = geoPackage.getFeatureDao(current.tableName());
            for (PropertyDef p : added) dao.addColumn(FeatureColumn.createColumn(p.name(), GeoPackageFeatureFile.columnType(p)));
            try (PreparedStatement ps = writeConnection.prepareStatement("UPDATE sa_layers SET definition = ? WHERE id = ?")) {
                ps.setString(1, StoreJson.layerToJson(changed));
                ps.setString(2, layerId);
                ps.executeUpdate();
            }
            layers.replaceAll(l -> l.id().equals(layerId) ? changed : l);
        } catch (SQLException e) {
            throw new StoreException("could not add properties to layer " + layerId + ": " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
        changes.publish(StoreChange.wholeLayer(layerId));
    }

    @Override
    public void updateLayer(LayerInfo layer) {
        LayerInfo current = requireLayer(layer.id());
        if (current.geometryKind() != layer.geometryKind() || !current.properties().equals(layer.properties())) {
            throw new IllegalArgumentException("the geometry kind and properties of a layer cannot be changed");
        }
        requireFreeIdentifier(layer);
        writeLock.lock();
        try (PreparedStatement ps = writeConnection.prepareStatement("UPDATE sa_layers SET definition = ? WHERE id = ?")) {
            ps.setString(1, StoreJson.layerToJson(layer));
            ps.setString(2, layer.id());
            ps.executeUpdate();
            describeContents(layer);
            layers.replaceAll(l -> l.id().equals(layer.id()) ? layer : l);
        } catch (SQLException e) {
            throw new StoreException("could not update layer " + layer.id() + ": " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
        changes.publish(StoreChange.wholeLayer(layer.id()));
    }

    /** gpkg_contents.identifier, which holds the title, is unique: check it before anything is changed. */
    private void requireFreeIdentifier(LayerInfo layer) {
        for (LayerInfo other : layers) {
            if (!other.id().equals(layer.id()) && other.title().both().equals(layer.title().both())) {
                throw new IllegalArgumentException("the title '" + layer.title().both() + "' is already used by layer '"
                        + other.id() + "'");
            }
        }
    }

    /** Fills the GeoPackage's own title and description, which QGIS and GDAL show. */
    private void describeContents(LayerInfo layer) throws SQLException {
        try (PreparedStatement ps = writeConnection.prepareStatement(
                "UPDATE gpkg_contents SET identifier = ?, description = ? WHERE table_name = ?")) {
            ps.setString(1, layer.title().both());
            ps.setString(2, layer.description().both());
            ps.setString(3, layer.tableName());
            ps.executeUpdate();
        }
    }

    @Override
    public FeatureRules rules() {
        return rules;
    }

    @Override
    public LayerExtent extent(String layerId) {
        LayerInfo layer = requireLayer(layerId);
        LayerCache cache = cache(layerId);
        if (cache.extent != null) return cache.extent;
        try (Connection c = readers.getConnection(); Statement st = c.createStatement()) {
            Envelope bbox = null;
            try (ResultSet rs = st.executeQuery("SELECT min(minx), min(miny), max(maxx), max(maxy) FROM "
                    + dialect.quote(GeoPackageDialect.rtreeTable(layer)))) {
                if (rs.next() && rs.getObject(1) != null) {
                    bbox = new Envelope(rs.getDouble(1), rs.getDouble(3), rs.getDouble(2), rs.getDouble(4));
                }
            }
            Instant begin = null;
            Instant end = null;
            if (layer.temporalProperty() != null) {
                String col = dialect.quote(layer.temporalProperty());
                try (ResultSet rs = st.executeQuery("SELECT min(" + col + "), max(" + col + ") FROM "
                        + dialect.quote(layer.tableName()))) {
                    if (rs.next()) {
                        begin = StoreJson.parseInstant(rs.getString(1));
                        end = StoreJson.parseInstant(rs.getString(2));
                    }
                }
            }
            cache.extent = new LayerExtent(bbox, begin, end);
            return cache.extent;
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private LayerCache cache(String layerId) {
        return caches.computeIfAbsent(layerId, k -> new LayerCache());
    }

    /**
     * What reads of one layer may reuse until it is next written: its extent and counts. The store
     * assumes it is the only writer of its file (edits go through the service).
     */
    private static final class LayerCache {
        volatile LayerExtent extent;
        final Map<List<Object>, Long> counts = new ConcurrentHashMap<>();
    }

    @Override
    public long count(String layerId, Filter filter) {
        LayerInfo layer = requireLayer(layerId);
        SqlWhere where = compiler.compile(layer, filter);
        // SQLite counts by walking the whole table; clients paging through a layer ask the same count
        // again for every page, so counts are kept until the layer is next written.
        Map<List<Object>, Long> cached = cache(layerId).counts;
        List<Object> key = countKey(where);
        Long known = cached.get(key);
        if (known != null) return known;
        String sql = "SELECT count(*) FROM " + dialect.quote(layer.tableName()) + " WHERE " + where.sql();
        try (Connection c = readers.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, where.params(), 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long n = rs.getLong(1);
                if (cached.size() < MAX_CACHED_COUNTS) cached.put(key, n);
                return n;
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** The SQL and its values as a map key (blobs compared by content). */
    private static List<Object> countKey(SqlWhere where) {
        List<Object> key = new ArrayList<>(where.params().size() + 1);
        key.add(where.sql());
        for (Object p : where.params()) key.add(p instanceof byte[] b ? java.nio.ByteBuffer.wrap(b) : p);
        return key;
    }

    @Override
    public StoreCursor<Feature> query(String layerId, FeatureQuery query) {
        LayerInfo layer = requireLayer(layerId);
        SqlWhere where = compiler.compile(layer, query.filter());
        StringBuilder sql = new StringBuilder(selectColumns(layer)).append(" WHERE ").append(where.sql())
                .append(" ORDER BY fid");
        List<Object> params = new ArrayList<>(where.params());
        if (query.limit() != FeatureQuery.UNLIMITED || query.offset() > 0) {
            sql.append(" LIMIT ? OFFSET ?");
            params.add(query.limit() == FeatureQuery.UNLIMITED ? -1L : query.limit());
            params.add(query.offset());
        }
        return openCursor(sql.toString(), params, rs -> GpkgRows.feature(layer, rs, codec()));
    }

    /** A cursor over a read-only query; the connection goes back to the pool when it closes. */
    private <T> StoreCursor<T> openCursor(String sql, List<Object> params, JdbcCursor.RowReader<T> reader) {
        Connection c = null;
        try {
            c = readers.getConnection();
            PreparedStatement ps = c.prepareStatement(sql);
            bind(ps, params, 1);
            return new JdbcCursor<>(c, ps, ps.executeQuery(), reader, this::unavailable);
        } catch (SQLException e) {
            JdbcCursor.closeQuietly(c);
            throw unavailable(e);
        }
    }

    /** A codec for one cursor (codecs keep reusable buffers and are not thread-safe). */
    private static GpkgGeometryCodec codec() {
        return new GpkgGeometryCodec();
    }

    @Override
    public Optional<Feature> feature(String layerId, long featureId) {
        try (StoreCursor<Feature> cursor = query(layerId, FeatureQuery.of(new Filter.Compare("id", ComparisonOp.EQ, featureId)))) {
            return cursor.hasNext() ? Optional.of(cursor.next()) : Optional.empty();
        }
    }

    private static String selectColumns(LayerInfo layer) {
        StringBuilder sb = new StringBuilder("SELECT fid, ").append(GEOM);
        for (PropertyDef p : layer.properties()) sb.append(", \"").append(p.name()).append('"');
        sb.append(", sa_version, sa_created, sa_updated FROM \"").append(layer.tableName()).append('"');
        return sb.toString();
    }

    @Override
    public <T> T write(String author, WriteWork<T> work) {
        GpkgWriter writer;
        T result;
        writeLock.lock();
        try {
            writeConnection.setAutoCommit(false);
            writer = new GpkgWriter(author);
            try {
                result = work.run(writer);
                writeConnection.commit();
            } catch (RuntimeException | Error e) {
                writeConnection.rollback();
                throw e;
            } finally {
                // After the commit: a reader that took a cache before this point fills an orphaned one.
                writer.touched.forEach(caches::remove);
                writeConnection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("write failed and was rolled back: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
        // Listeners hear of the change once its counts are forgotten and the lock is free: what they read is
        // the new state, and a listener that writes does not wait on itself.
        writer.pending.commit();
        return result;
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
        String sql = "SELECT fid, version, operation, geom, properties, created, at, author FROM sa_history"
                + " WHERE layer_id = ?" + (featureId == null ? "" : " AND fid = ?") + " ORDER BY fid, version";
        List<Object> params = featureId == null ? List.of(layer.id()) : List.of(layer.id(), featureId);
        GpkgGeometryCodec codec = codec();
        return openCursor(sql, params, rs -> {
            long fid = rs.getLong(1);
            long version = rs.getLong(2);
            FeatureVersion.Operation op = FeatureVersion.Operation.valueOf(rs.getString(3));
            Instant at = StoreJson.parseInstant(rs.getString(7));
            Feature state = op == FeatureVersion.Operation.DELETE ? null
                    : new Feature(fid, codec.decode(rs.getBytes(4)), StoreJson.propertiesFromJson(layer, rs.getString(5)),
                            version, StoreJson.parseInstant(rs.getString(6)), at);
            return new FeatureVersion(layer.id(), fid, version, op, state, at, rs.getString(8));
        });
    }

    @Override
    public List<ServiceRecord> records(String kind) {
        String sql = "SELECT id, kind, body, author, at FROM sa_records" + (kind == null ? "" : " WHERE kind = ?")
                + " ORDER BY id";
        List<ServiceRecord> out = new ArrayList<>();
        try (StoreCursor<ServiceRecord> rows = openCursor(sql, kind == null ? List.of() : List.of(kind),
                rs -> new ServiceRecord(rs.getLong(1), rs.getString(2), StoreJson.objectFromJson(rs.getString(3)),
                        rs.getString(4), StoreJson.parseInstant(rs.getString(5))))) {
            rows.forEachRemaining(out::add);
        }
        return out;
    }

    @Override
    public void dropLayer(String layerId) {
        LayerInfo layer = requireLayer(layerId);
        writeLock.lock();
        try {
            writeConnection.setAutoCommit(false);
            try (PreparedStatement history = writeConnection.prepareStatement("DELETE FROM sa_history WHERE layer_id = ?");
                    PreparedStatement definition = writeConnection.prepareStatement("DELETE FROM sa_layers WHERE id = ?")) {
                history.setString(1, layerId);
                history.executeUpdate();
                definition.setString(1, layerId);
                definition.executeUpdate();
                writeConnection.commit();
            } catch (SQLException | RuntimeException e) {
                writeConnection.rollback();
                throw e;
            } finally {
                writeConnection.setAutoCommit(true);
            }
            layers.removeIf(l -> l.id().equals(layerId));
            caches.remove(layerId);
            // The library removes the table with its contents, geometry column and R-tree index on connections
            // of its own, so outside the transaction above; a table left behind by a failure here is
            // removed by the next createLayer of that id.
            geoPackage.deleteTable(layer.tableName());
        } catch (SQLException e) {
            throw new StoreException("could not drop layer " + layerId + ": " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
        changes.publish(StoreChange.wholeLayer(layerId));
    }

    @Override
    public void addChangeListener(java.util.function.Consumer<StoreChange> listener) {
        changes.addListener(listener);
    }

    @Override
    public void close() {
        readers.close();
        geoPackage.close();
    }

    private StoreUnavailableException unavailable(SQLException e) {
        return new StoreUnavailableException("GeoPackage " + file + ": " + e.getMessage(), e);
    }

    private static void bind(PreparedStatement ps, List<Object> params, int first) throws SQLException {
        for (int i = 0; i < params.size(); i++) ps.setObject(first + i, params.get(i));
    }

    /** The writes of one transaction, on the library's connection, under the write lock. */
    private final class GpkgWriter implements FeatureWriter {
        private final String author;
        private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        final java.util.Set<String> touched = new java.util.HashSet<>();
        final ChangeLog.Pending pending = changes.begin();

        GpkgWriter(String author) {
            this.author = author;
        }

        @Override
        public Feature insert(String layerId, FeatureDraft draft) {
            LayerInfo layer = requireLayer(layerId);
            FeatureDraft checked = rules.prepare(layer, draft);
            touched.add(layerId);
            StringBuilder cols = new StringBuilder(GEOM);
            StringBuilder marks = new StringBuilder("?");
            for (PropertyDef p : layer.properties()) {
                cols.append(", \"").append(p.name()).append('"');
                marks.append(", ?");
            }
            String sql = "INSERT INTO \"" + layer.tableName() + "\" (" + cols + ", sa_version, sa_created, sa_updated)"
                    + " VALUES (" + marks + ", 1, ?, ?)";
            try (PreparedStatement ps = writeConnection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                int i = bindDraft(ps, layer, checked);
                ps.setString(i++, StoreJson.formatInstant(now));
                ps.setString(i, StoreJson.formatInstant(now));
                ps.executeUpdate();
                long id;
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
                Feature f = new Feature(id, checked.geometry(), typedCopy(checked), 1, now, now);
                addHistory(layer, f, FeatureVersion.Operation.INSERT);
                pending.touch(layerId, f.geometry().getEnvelopeInternal());
                return f;
            } catch (SQLException e) {
                throw new StoreException("insert into " + layerId + " failed: " + e.getMessage(), e);
            }
        }

        @Override
        public Feature replace(String layerId, long featureId, FeatureDraft draft, long expectedVersion) {
            LayerInfo layer = requireLayer(layerId);
            FeatureDraft checked = rules.prepare(layer, draft);
            long[] current = currentVersion(layer, featureId);
            long version = current[0];
            if (expectedVersion != ANY_VERSION && expectedVersion != version) {
                throw new VersionConflictException(layerId, featureId, expectedVersion, version);
            }
            touched.add(layerId);
            pending.touch(layerId, storedBox(layer, featureId));
            pending.touch(layerId, checked.geometry().getEnvelopeInternal());
            StringBuilder set = new StringBuilder(GEOM + " = ?");
            for (PropertyDef p : layer.properties()) set.append(", \"").append(p.name()).append("\" = ?");
            String sql = "UPDATE \"" + layer.tableName() + "\" SET " + set + ", sa_version = ?, sa_updated = ?"
                    + " WHERE fid = ?";
            try (PreparedStatement ps = writeConnection.prepareStatement(sql)) {
                int i = bindDraft(ps, layer, checked);
                ps.setLong(i++, version + 1);
                ps.setString(i++, StoreJson.formatInstant(now));
                ps.setLong(i, featureId);
                ps.executeUpdate();
                Instant created = Instant.ofEpochMilli(current[1]);
                Feature f = new Feature(featureId, checked.geometry(), typedCopy(checked), version + 1, created, now);
                addHistory(layer, f, FeatureVersion.Operation.UPDATE);
                return f;
            } catch (SQLException e) {
                throw new StoreException("update of " + layerId + "/" + featureId + " failed: " + e.getMessage(), e);
            }
        }

        @Override
        public void delete(String layerId, long featureId, long expectedVersion) {
            LayerInfo layer = requireLayer(layerId);
            long[] current = currentVersion(layer, featureId);
            long version = current[0];
            if (expectedVersion != ANY_VERSION && expectedVersion != version) {
                throw new VersionConflictException(layerId, featureId, expectedVersion, version);
            }
            touched.add(layerId);
            pending.touch(layerId, storedBox(layer, featureId));
            try (PreparedStatement ps = writeConnection.prepareStatement(
                    "DELETE FROM \"" + layer.tableName() + "\" WHERE fid = ?")) {
                ps.setLong(1, featureId);
                ps.executeUpdate();
                insertHistory(layerId, featureId, version + 1, FeatureVersion.Operation.DELETE, null, null, null, now,
                        author);
            } catch (SQLException e) {
                throw new StoreException("delete of " + layerId + "/" + featureId + " failed: " + e.getMessage(), e);
            }
        }

        @Override
        public void annotate(String layerId, long featureId, Map<String, ?> derived) {
            LayerInfo layer = requireLayer(layerId);
            Map<String, Object> typed = FeatureChecks.coerceDerived(layer, derived);
            if (typed.isEmpty()) return;
            touched.add(layerId);
            if (!pending.isWholeLayer(layerId)) pending.touch(layerId, storedBox(layer, featureId));
            StringBuilder set = new StringBuilder();
            for (String name : typed.keySet()) set.append(set.length() == 0 ? "" : ", ").append('"').append(name).append("\" = ?");
            try (PreparedStatement ps = writeConnection.prepareStatement(
                    "UPDATE \"" + layer.tableName() + "\" SET " + set + " WHERE fid = ?")) {
                int i = 1;
                for (Map.Entry<String, Object> e : typed.entrySet()) {
                    ps.setObject(i++, dialect.bindValue(layer.property(e.getKey()).orElseThrow().type(), e.getValue()));
                }
                ps.setLong(i, featureId);
                if (ps.executeUpdate() == 0) throw NotFoundException.feature(layerId, featureId);
            } catch (SQLException e) {
                throw new StoreException("annotating " + layerId + "/" + featureId + " failed: " + e.getMessage(), e);
            }
        }

        @Override
        public void restore(LayerInfo layerInfo, Feature feature, List<FeatureVersion> history) {
            LayerInfo layer = requireLayer(layerInfo.id());
            touched.add(layer.id());
            pending.touchWholeLayer(layer.id());
            try {
                if (feature != null) {
                    FeatureDraft checked = FeatureChecks.prepare(layer,
                            new FeatureDraft(feature.geometry(), feature.properties()));
                    StringBuilder cols = new StringBuilder("fid, " + GEOM);
                    StringBuilder marks = new StringBuilder("?, ?");
                    for (PropertyDef p : layer.properties()) {
                        cols.append(", \"").append(p.name()).append('"');
                        marks.append(", ?");
                    }
                    String sql = "INSERT INTO \"" + layer.tableName() + "\" (" + cols
                            + ", sa_version, sa_created, sa_updated) VALUES (" + marks + ", ?, ?, ?)";
                    try (PreparedStatement ps = writeConnection.prepareStatement(sql)) {
                        ps.setLong(1, feature.id());
                        int i = bindDraft(ps, layer, checked, 2);
                        ps.setLong(i++, feature.version());
                        ps.setString(i++, StoreJson.formatInstant(feature.created()));
                        ps.setString(i, StoreJson.formatInstant(feature.updated()));
                        ps.executeUpdate();
                    }
                }
                // AUTOINCREMENT never hands out an id below the sequence: move it past deleted features' ids too.
                long highest = history.stream().mapToLong(FeatureVersion::featureId).max().orElse(0);
                if (feature != null) highest = Math.max(highest, feature.id());
                try (PreparedStatement ps = writeConnection.prepareStatement(
                        "UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?")) {
                    ps.setLong(1, highest);
                    ps.setString(2, layer.tableName());
                    if (ps.executeUpdate() == 0) {
                        try (PreparedStatement insert = writeConnection.prepareStatement(
                                "INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)")) {
                            insert.setString(1, layer.tableName());
                            insert.setLong(2, highest);
                            insert.executeUpdate();
                        }
                    }
                }
                for (FeatureVersion v : history) {
                    Feature s = v.state();
                    insertHistory(layer.id(), v.featureId(), v.version(), v.operation(),
                            s == null ? null : writeCodec.encode(s.geometry(), SRS_ID),
                            s == null ? null : StoreJson.propertiesToJson(s.properties()),
                            s == null ? null : s.created(), v.at(), v.author());
                }
            } catch (SQLException e) {
                throw new StoreException("restore into " + layer.id() + " failed: " + e.getMessage(), e);
            }
        }

        /** A stored feature's box from the layer's R-tree, or null when it has none (an empty geometry). */
        private Envelope storedBox(LayerInfo layer, long featureId) {
            try (PreparedStatement ps = writeConnection.prepareStatement("SELECT minx, maxx, miny, maxy FROM \""
                    + GeoPackageDialect.rtreeTable(layer) + "\" WHERE id = ?")) {
                ps.setLong(1, featureId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new Envelope(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)) : null;
                }
            } catch (SQLException e) {
                throw new StoreException("read of " + layer.id() + "/" + featureId + " failed: " + e.getMessage(), e);
            }
        }

        /** {version, created epoch millis} of a stored feature. */
        private long[] currentVersion(LayerInfo layer, long featureId) {
            try (PreparedStatement ps = writeConnection.prepareStatement(
                    "SELECT sa_version, sa_created FROM \"" + layer.tableName() + "\" WHERE fid = ?")) {
                ps.setLong(1, featureId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) throw NotFoundException.feature(layer.id(), featureId);
                    Instant created = StoreJson.parseInstant(rs.getString(2));
                    return new long[] {rs.getLong(1), created == null ? 0 : created.toEpochMilli()};
                }
            } catch (SQLException e) {
                throw new StoreException("read of " + layer.id() + "/" + featureId + " failed: " + e.getMessage(), e);
            }
        }

        private int bindDraft(PreparedStatement ps, LayerInfo layer, FeatureDraft d) throws SQLException {
            return bindDraft(ps, layer, d, 1);
        }

        private int bindDraft(PreparedStatement ps, LayerInfo layer, FeatureDraft d, int first) throws SQLException {
            int i = first;
            ps.setBytes(i++, writeCodec.encode(d.geometry(), SRS_ID));
            for (PropertyDef p : layer.properties()) {
                ps.setObject(i++, dialect.bindValue(p.type(), d.properties().get(p.name())));
            }
            return i;
        }

        private void addHistory(LayerInfo layer, Feature f, FeatureVersion.Operation op) throws SQLException {
            insertHistory(layer.id(), f.id(), f.version(), op, writeCodec.encode(f.geometry(), SRS_ID),
                    StoreJson.propertiesToJson(f.properties()), f.created(), now, author);
        }

        private void insertHistory(String layerId, long fid, long version, FeatureVersion.Operation op, byte[] geom,
                String properties, Instant created, Instant at, String who) throws SQLException {
            try (PreparedStatement ps = writeConnection.prepareStatement("INSERT INTO sa_history"
                    + " (layer_id, fid, version, operation, geom, properties, created, at, author)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, layerId);
                ps.setLong(2, fid);
                ps.setLong(3, version);
                ps.setString(4, op.name());
                ps.setBytes(5, geom);
                ps.setString(6, properties);
                ps.setString(7, created == null ? null : StoreJson.formatInstant(created));
                ps.setString(8, StoreJson.formatInstant(at));
                ps.setString(9, who);
                ps.executeUpdate();
            }
        }

        @Override
        public ServiceRecord appendRecord(String kind, Map<String, ?> body) {
            ServiceRecord.requireKind(kind);
            try (PreparedStatement ps = writeConnection.prepareStatement(
                    "INSERT INTO sa_records (kind, body, author, at) VALUES (?, ?, ?, ?)")) {
                String json = StoreJson.write(body);
                ps.setString(1, kind);
                ps.setString(2, json);
                ps.setString(3, author);
                ps.setString(4, StoreJson.formatInstant(now));
                ps.executeUpdate();
                try (Statement st = writeConnection.createStatement(); ResultSet rs = st.executeQuery("SELECT last_insert_rowid()")) {
                    rs.next();
                    return new ServiceRecord(rs.getLong(1), kind, StoreJson.objectFromJson(json), author, now);
                }
            } catch (SQLException e) {
                throw new StoreException("cannot append a " + kind + " record: " + e.getMessage(), e);
            }
        }

        @Override
        public void restoreRecord(ServiceRecord r) {
            try (PreparedStatement ps = writeConnection.prepareStatement(
                    "INSERT INTO sa_records (id, kind, body, author, at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setLong(1, r.id());
                ps.setString(2, r.kind());
                ps.setString(3, StoreJson.write(r.body()));
                ps.setString(4, r.author());
                ps.setString(5, StoreJson.formatInstant(r.at()));
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new StoreException("cannot restore record " + r.id() + ": " + e.getMessage(), e);
            }
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> typedCopy(FeatureDraft d) {
            return (Map<String, Object>) d.properties();
        }
    }
}
