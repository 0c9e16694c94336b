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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.sinkatlas.layers.gpkg.GeoPackageVersion;
import org.sinkatlas.layers.gpkg.GpkgColumns;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.PropertyDef;
import org.sinkatlas.layers.store.ChangeLog;
import org.sinkatlas.layers.store.LayerExistsException;
import org.sinkatlas.layers.store.StoreChange;
import org.sinkatlas.layers.store.StoreException;
import org.sinkatlas.layers.store.StoreJson;
import org.sinkatlas.layers.store.StoreUnavailableException;
import org.sinkatlas.layers.store.sql.SqlCodec;
import org.sinkatlas.layers.store.sql.SqlStore;
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
public final class GeoPackageStore extends SqlStore {

    private static final Logger LOG = LoggerFactory.getLogger(GeoPackageStore.class);
    private static final String GEOM = GeoPackageDialect.GEOMETRY_COLUMN;
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final Path file;
    private final GeoPackage geoPackage;
    private final Connection writeConnection;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final HikariDataSource readers;
    private final List<LayerInfo> layers = new CopyOnWriteArrayList<>();

    private GeoPackageStore(Path file, GeoPackage geoPackage) throws SQLException {
        super(new GeoPackageDialect());
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
    public void createLayer(LayerInfo layer) {
        writeLock.lock();
        try {
            if (layer(layer.id()).isPresent()) {
                throw new LayerExistsException("layer '" + layer.id() + "' exists already");
            }
            requireFreeIdentifier(layer);
            // Every table in a Sink Atlas GeoPackage is ours: one without a layer is left from a failed drop.
            if (geoPackage.isTable(layer.tableName())) geoPackage.deleteTable(layer.tableName());
            GeometryColumns gc = new GeometryColumns();
            gc.setId(new TableColumnKey(layer.tableName(), GEOM));
            gc.setGeometryType(GeometryType.fromName(layer.geometryKind().sfName()));
            gc.setZ((byte) 0);
            gc.setM((byte) 0);
            gc.setSrsId(GpkgCodec.SRS_ID);
            List<FeatureColumn> columns = new ArrayList<>();
            for (PropertyDef p : layer.properties()) {
                columns.add(FeatureColumn.createColumn(p.name(), GpkgColumns.type(p)));
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
            for (PropertyDef p : added) dao.addColumn(FeatureColumn.createColumn(p.name(), GpkgColumns.type(p)));
            try (PreparedStatement ps = writeConnection.prepareStatement("UPDATE sa_layers SET definition = ? WHERE id = ?")) {
                ps.setString(1, StoreJson.layerToJson(changed));
                ps.setString(2, layerId);
                ps.executeUpdate();
            }
            layers.replaceAll(l -> l.id().equals(layerId) ? changed : l);
            forget(layerId);
        } catch (SQLException e) {
            throw new StoreException("could not add properties to layer " + layerId + ": " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
        changes.publish(StoreChange.wholeLayer(layerId));
    }

    @Override
    public void updateLayer(LayerInfo layer) {
        requireSameShape(requireLayer(layer.id()), layer);
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
                throw new LayerExistsException("the title '" + layer.title().both() + "' is already used by layer '"
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

    // ------------------------------------------------------------------------------------------------
    // Reads: the shared read path on the pool of read-only connections

    @Override
    protected Connection readConnection() throws SQLException {
        return readers.getConnection();
    }

    @Override
    protected SqlCodec codec() {
        return new GpkgCodec();
    }

    /** From the R-tree: no geometry is read. */
    @Override
    protected Envelope extentBox(Connection c, LayerInfo layer) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT min(minx), min(miny), max(maxx),"
                + " max(maxy) FROM " + dialect.quote(GeoPackageDialect.rtreeTable(layer)))) {
            if (rs.next() && rs.getObject(1) != null) {
                return new Envelope(rs.getDouble(1), rs.getDouble(3), rs.getDouble(2), rs.getDouble(4));
            }
            return null;
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Writes: the shared versioned write, one transaction at a time on the library's connection

    @Override
    protected Connection beginWrite() {
        writeLock.lock();
        return writeConnection;
    }

    @Override
    protected void endWrite(Connection c) {
        writeLock.unlock();
    }

    @Override
    protected Writer newWriter(Connection c, String author, ChangeLog.Pending changed) {
        return new GpkgWriter(c, author, changed);
    }

    /** Ids follow the table's AUTOINCREMENT sequence, which only grows: a deleted feature's id is never used again. */
    private final class GpkgWriter extends Writer {
        private final Map<String, long[]> lastIds = new HashMap<>();

        GpkgWriter(Connection c, String author, ChangeLog.Pending changed) {
            super(c, author, changed);
        }

        @Override
        protected long nextId(LayerInfo layer) throws SQLException {
            long[] last = lastIds.get(layer.id());
            if (last == null) {
                last = new long[] {sequence(layer)};
                lastIds.put(layer.id(), last);
            }
            return ++last[0];
        }

        private long sequence(LayerInfo layer) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("SELECT seq FROM sqlite_sequence WHERE name = ?")) {
                ps.setString(1, layer.tableName());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0;
                }
            }
        }

        /** The sequence moves past deleted features' ids too, which inserting the current ones would not do. */
        @Override
        protected void afterRestore(LayerInfo layer, long highest) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?")) {
                ps.setLong(1, highest);
                ps.setString(2, layer.tableName());
                if (ps.executeUpdate() > 0) return;
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)")) {
                insert.setString(1, layer.tableName());
                insert.setLong(2, highest);
                insert.executeUpdate();
            }
            lastIds.remove(layer.id());
        }
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
            forget(layerId);
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
    public void close() {
        readers.close();
        geoPackage.close();
    }

    /** The file being busy, locked or unreadable is the store being unavailable; anything else is a fault. */
    @Override
    protected RuntimeException failure(String what, SQLException e) {
        int code = e instanceof org.sqlite.SQLiteException x ? x.getResultCode().code & 0xff : -1;
        // Busy, locked, I/O, cannot open, or no read connection free in time (the pool's timeout under load).
        if (code == 5 || code == 6 || code == 10 || code == 14 || e instanceof java.sql.SQLTransientConnectionException) {
            return new StoreUnavailableException("GeoPackage " + file + " is unavailable while " + what + ": "
                    + e.getMessage(), e);
        }
        return new StoreException(what + " failed: " + e.getMessage(), e);
    }
}
