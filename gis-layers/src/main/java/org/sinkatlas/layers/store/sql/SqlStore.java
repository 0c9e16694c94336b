package org.sinkatlas.layers.store.sql;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.sinkatlas.layers.filter.ComparisonOp;
import org.sinkatlas.layers.filter.Filter;
import org.sinkatlas.layers.model.Feature;
import org.sinkatlas.layers.model.FeatureDraft;
import org.sinkatlas.layers.model.FeatureVersion;
import org.sinkatlas.layers.model.LayerExtent;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.PropertyDef;
import org.sinkatlas.layers.model.PropertyType;
import org.sinkatlas.layers.store.ChangeLog;
import org.sinkatlas.layers.store.FeatureChecks;
import org.sinkatlas.layers.store.FeatureQuery;
import org.sinkatlas.layers.store.FeatureRules;
import org.sinkatlas.layers.store.FeatureWriter;
import org.sinkatlas.layers.store.LayerStore;
import org.sinkatlas.layers.store.NotFoundException;
import org.sinkatlas.layers.store.ServiceRecord;
import org.sinkatlas.layers.store.StoreChange;
import org.sinkatlas.layers.store.StoreCursor;
import org.sinkatlas.layers.store.StoreJson;
import org.sinkatlas.layers.store.VersionConflictException;
import org.sinkatlas.layers.store.WriteWork;

/**
 * What both SQL engines share: the read path (counts kept per layer generation, paged and streamed feature
 * reads, history, service records, extents) and the versioned write (checks, the current version read and
 * compared, the row written, a history row, the change noted), with inserts, history rows and annotations
 * sent in JDBC batches. An engine supplies its connections, its SQL spelling ({@link SqlDialect}), its column
 * codec ({@link SqlCodec}), id allocation, layer DDL and its own pushdowns (tiles, area sums).
 *
 * <p>Thread-safe: reads may run on many threads; {@link #write} runs one transaction per call.
 */
public abstract class SqlStore implements LayerStore {

    /** Statements sent per JDBC batch. */
    protected static final int BATCH = 1000;
    private static final int MAX_CACHED_COUNTS = 512;

    protected final SqlDialect dialect;
    protected final SqlFilterCompiler compiler;
    protected final ChangeLog changes = new ChangeLog();
    private final FeatureRules rules = new FeatureRules();
    private final Map<String, LayerCache> caches = new ConcurrentHashMap<>();
    private final Map<LayerInfo, LayerSql> statements = new ConcurrentHashMap<>();
    /** Generations of this process's own writes, for engines whose data only this process writes. */
    private final Map<String, AtomicLong> localGenerations = new ConcurrentHashMap<>();
    private final String historySelect;
    private final String historyInsert;
    private final String recordSelect;

    protected SqlStore(SqlDialect dialect) {
        this.dialect = dialect;
        this.compiler = new SqlFilterCompiler(dialect);
        this.historySelect = "SELECT fid, version, operation, " + dialect.geometryOut("geom") + ", "
                + dialect.valueOut(PropertyType.JSON, "properties") + ", created, at, author FROM sa_history WHERE layer_id = ?";
        this.historyInsert = "INSERT INTO sa_history (layer_id, fid, version, operation, geom, properties, created, at,"
                + " author) VALUES (?, ?, ?, ?, " + dialect.geometryIn() + ", " + dialect.valueIn(PropertyType.JSON)
                + ", ?, ?, ?)";
        this.recordSelect = "SELECT id, kind, " + dialect.valueOut(PropertyType.JSON, "body") + ", author, at FROM sa_records";
    }

    // ------------------------------------------------------------------------------------------------
    // What an engine supplies

    /** A connection for reading; closing it gives it back. */
    protected abstract Connection readConnection() throws SQLException;

    /** A statement that streams a read on a read connection (an engine may set a fetch size or a transaction). */
    protected PreparedStatement prepareRead(Connection c, String sql) throws SQLException {
        return c.prepareStatement(sql);
    }

    /** A JDBC failure as the store's exception, saying what was being done. */
    protected abstract RuntimeException failure(String what, SQLException e);

    /** A codec for one cursor or transaction. */
    protected abstract SqlCodec codec();

    /** The box of a layer's geometries, or null when it has none. */
    protected abstract Envelope extentBox(Connection c, LayerInfo layer) throws SQLException;

    /**
     * The layer's generation: what cached counts and extents are valid for. By default this process's count of
     * its own writes, for an engine only this process writes; one shared between processes overrides it.
     */
    protected long generation(Connection c, String layerId) throws SQLException {
        return localGenerations.computeIfAbsent(layerId, k -> new AtomicLong()).get();
    }

    /** The connection a write transaction runs on (the engine may also take a lock it holds until {@link #endWrite}). */
    protected abstract Connection beginWrite() throws SQLException;

    /** Gives back the connection of a write, committed or rolled back. */
    protected abstract void endWrite(Connection c);

    /** The writer of one transaction, with the engine's id allocation and closing steps. */
    protected abstract Writer newWriter(Connection c, String author, ChangeLog.Pending changed);

    /** The page of a query: {@code LIMIT}/{@code OFFSET} appended to the SQL, their values to {@code params}. */
    protected String paged(LayerSql sql, SqlWhere where, FeatureQuery query, List<Object> params) {
        StringBuilder s = new StringBuilder(sql.select()).append(" WHERE ").append(where.sql()).append(" ORDER BY fid");
        if (query.limit() != FeatureQuery.UNLIMITED || query.offset() > 0) {
            s.append(" LIMIT ? OFFSET ?");
            params.add(query.limit() == FeatureQuery.UNLIMITED ? -1L : query.limit());
            params.add(query.offset());
        }
        return s.toString();
    }

    // ------------------------------------------------------------------------------------------------
    // Layers

    @Override
    public Optional<LayerInfo> layer(String layerId) {
        for (LayerInfo l : layers()) {
            if (l.id().equals(layerId)) return Optional.of(l);
        }
        return Optional.empty();
    }

    protected LayerInfo requireLayer(String layerId) {
        return layer(layerId).orElseThrow(() -> NotFoundException.layer(layerId));
    }

    /** The layer's SQL, made once for its definition. */
    protected LayerSql sql(LayerInfo layer) {
        return statements.computeIfAbsent(layer, l -> LayerSql.of(l, dialect));
    }

    /** Forgets what was kept of a layer that was dropped or whose definition changed. */
    protected void forget(String layerId) {
        caches.remove(layerId);
        statements.keySet().removeIf(l -> l.id().equals(layerId));
    }

    /** @throws IllegalArgumentException when an update would change a layer's geometry kind or properties */
    protected static void requireSameShape(LayerInfo current, LayerInfo layer) {
        if (current.geometryKind() != layer.geometryKind() || !current.properties().equals(layer.properties())) {
            throw new IllegalArgumentException("the geometry kind and properties of a layer cannot be changed");
        }
    }

    @Override
    public FeatureRules rules() {
        return rules;
    }

    @Override
    public void addChangeListener(Consumer<StoreChange> listener) {
        changes.addListener(listener);
    }

    // ------------------------------------------------------------------------------------------------
    // Reads

    /** What this instance knows about a layer at one generation: its extent and counts. */
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
        return caches.compute(layerId, (k, old) -> old != null && old.generation == g ? old : new LayerCache(g));
    }

    @Override
    public LayerExtent extent(String layerId) {
        LayerInfo layer = requireLayer(layerId);
        try (Connection c = readConnection()) {
            LayerCache cache = cache(c, layerId);
            if (cache.extent != null) return cache.extent;
            Envelope box = extentBox(c, layer);
            Instant begin = null;
            Instant end = null;
            if (layer.temporalProperty() != null) {
                String col = dialect.quote(layer.temporalProperty());
                try (Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery("SELECT min(" + col + "), max(" + col + ") FROM " + sql(layer).table())) {
                    if (rs.next()) {
                        SqlCodec codec = codec();
                        begin = codec.instant(rs, 1);
                        end = codec.instant(rs, 2);
                    }
                }
            }
            cache.extent = new LayerExtent(box, begin, end);
            return cache.extent;
        } catch (SQLException e) {
            throw failure("reading the extent of " + layerId, e);
        }
    }

    /** Counts are kept until the layer changes: clients paging through a layer ask the same count for every page. */
    @Override
    public long count(String layerId, Filter filter) {
        LayerInfo layer = requireLayer(layerId);
        SqlWhere where = compiler.compile(layer, filter);
        List<Object> key = new ArrayList<>(where.params().size() + 1);
        key.add(where.sql());
        for (Object p : where.params()) key.add(p instanceof byte[] b ? ByteBuffer.wrap(b) : p);
        try (Connection c = readConnection()) {
            LayerCache cache = cache(c, layerId);
            Long known = cache.counts.get(key);
            if (known != null) return known;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + sql(layer).table() + " WHERE "
                    + where.sql())) {
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
        // A read of some properties selects only their columns. Its SQL is not kept: callers choose the
        // properties, and every choice kept would be memory they could fill.
        LayerInfo read = query.properties() == null ? layer : layer.withOnly(query.properties());
        String sql = paged(read == layer ? sql(layer) : LayerSql.of(read, dialect), where, query, params);
        SqlCodec codec = codec();
        return openCursor(sql, params, rs -> readFeature(read, rs, codec));
    }

    @Override
    public Optional<Feature> feature(String layerId, long featureId) {
        try (StoreCursor<Feature> cursor = query(layerId, FeatureQuery.of(new Filter.Compare("id", ComparisonOp.EQ,
                featureId)))) {
            return cursor.hasNext() ? Optional.of(cursor.next()) : Optional.empty();
        }
    }

    /** A row of {@link LayerSql#select}. */
    private static Feature readFeature(LayerInfo layer, ResultSet rs, SqlCodec codec) throws SQLException {
        long id = rs.getLong(1);
        Geometry geometry = codec.geometry(rs.getBytes(2));
        Map<String, Object> props = new LinkedHashMap<>();
        int i = 3;
        for (PropertyDef p : layer.properties()) props.put(p.name(), codec.value(p.type(), rs, i++));
        long version = rs.getLong(i++);
        Instant created = codec.instant(rs, i++);
        return new Feature(id, geometry, props, version, created, codec.instant(rs, i));
    }

    /** A streaming read; the connection goes back when the cursor closes (or its end is read). */
    protected <T> StoreCursor<T> openCursor(String sql, List<Object> params, JdbcCursor.RowReader<T> reader) {
        Connection c = null;
        try {
            c = readConnection();
            PreparedStatement ps = prepareRead(c, sql);
            bind(ps, params, 1);
            return new JdbcCursor<>(c, ps, ps.executeQuery(), reader, e -> failure("reading", e));
        } catch (SQLException e) {
            if (c != null) {
                try {
                    if (!c.getAutoCommit()) c.rollback();
                } catch (SQLException ignored) {
                    // Closing anyway; the pool tests the connection.
                }
            }
            JdbcCursor.closeQuietly(c);
            throw failure("reading", e);
        }
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
        String sql = historySelect + (featureId == null ? "" : " AND fid = ?") + " ORDER BY fid, version";
        List<Object> params = featureId == null ? List.of(layer.id()) : List.of(layer.id(), featureId);
        SqlCodec codec = codec();
        return openCursor(sql, params, rs -> {
            long fid = rs.getLong(1);
            long version = rs.getLong(2);
            FeatureVersion.Operation op = FeatureVersion.Operation.valueOf(rs.getString(3));
            Instant at = codec.instant(rs, 7);
            Feature state = op == FeatureVersion.Operation.DELETE ? null
                    : new Feature(fid, codec.geometry(rs.getBytes(4)), StoreJson.propertiesFromJson(layer, rs.getString(5)),
                            version, codec.instant(rs, 6), at);
            return new FeatureVersion(layer.id(), fid, version, op, state, at, rs.getString(8));
        });
    }

    @Override
    public List<ServiceRecord> records(String kind) {
        String sql = recordSelect + (kind == null ? "" : " WHERE kind = ?") + " ORDER BY id";
        SqlCodec codec = codec();
        List<ServiceRecord> out = new ArrayList<>();
        try (StoreCursor<ServiceRecord> rows = openCursor(sql, kind == null ? List.of() : List.of(kind),
                rs -> new ServiceRecord(rs.getLong(1), rs.getString(2), StoreJson.objectFromJson(rs.getString(3)),
                        rs.getString(4), codec.instant(rs, 5)))) {
            rows.forEachRemaining(out::add);
        }
        return out;
    }

    protected static void bind(PreparedStatement ps, List<Object> params, int first) throws SQLException {
        for (int i = 0; i < params.size(); i++) ps.setObject(first + i, params.get(i));
    }

    // ------------------------------------------------------------------------------------------------
    // Writes

    /**
     * Runs the work in one transaction; its changes are told to listeners after it commits, once the layers'
     * cached counts are stale and the engine's write lock is free.
     */
    @Override
    public <T> T write(String author, WriteWork<T> work) {
        ChangeLog.Pending changed = changes.begin();
        Writer writer;
        T result;
        Connection c;
        try {
            c = beginWrite();
        } catch (SQLException e) {
            throw failure("writing", e);
        }
        try {
            c.setAutoCommit(false);
            writer = newWriter(c, author, changed);
            result = work.run(writer);
            writer.finish();
            c.commit();
        } catch (SQLException e) {
            rollback(c);
            throw failure("writing", e);
        } catch (RuntimeException | Error e) {
            rollback(c);
            throw e;
        } finally {
            try {
                c.setAutoCommit(true);
            } catch (SQLException ignored) {
                // The connection is lost; the engine replaces it.
            }
            endWrite(c);
        }
        for (String layerId : writer.touched) localGenerations.computeIfAbsent(layerId, k -> new AtomicLong()).incrementAndGet();
        changed.commit();
        return result;
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // The connection is lost; the database rolls the transaction back itself.
        }
    }

    /** The stored state a write starts from: version, creation time and box (null box for an empty geometry). */
    private record Current(long version, Instant created, Envelope box) {}

    /**
     * The writes of one transaction: the versioned sequence of both engines, inserts, history rows and annotations
     * queued in JDBC batches and sent before any statement that must see them and before the commit. An engine
     * adds how ids are allocated and what a transaction does last.
     */
    protected abstract class Writer implements FeatureWriter {
        protected final Connection c;
        protected final String author;
        protected final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        protected final SqlCodec codec = codec();
        final Set<String> touched = new LinkedHashSet<>();
        private final ChangeLog.Pending changed;
        private final Map<String, PreparedStatement> inserts = new HashMap<>();
        private final Map<String, PreparedStatement> annotations = new HashMap<>();
        private PreparedStatement history;
        private int queued;
        private int annotated;

        protected Writer(Connection c, String author, ChangeLog.Pending changed) {
            this.c = c;
            this.author = author;
            this.changed = changed;
        }

        /** A new id for a feature of the layer, never one handed out before (deleted features' included). */
        protected abstract long nextId(LayerInfo layer) throws SQLException;

        /** After a restore: ids handed out later must be above {@code highest}. */
        protected abstract void afterRestore(LayerInfo layer, long highest) throws SQLException;

        /** After a record was restored with its own id: ids handed out later must be above it. */
        protected void afterRecordRestore() throws SQLException {}

        /** The engine's last steps before the commit, on the layers written. */
        protected void finishLayers(Set<String> layerIds) throws SQLException {}

        @Override
        public Feature insert(String layerId, FeatureDraft draft) {
            LayerInfo layer = requireLayer(layerId);
            FeatureDraft checked = rules.prepare(layer, draft);
            try {
                Feature f = new Feature(nextId(layer), checked.geometry(), typed(checked), 1, now, now);
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
                Current current = current(layer, featureId, expectedVersion);
                try (PreparedStatement ps = c.prepareStatement(sql(layer).update())) {
                    int i = bindRow(ps, layer, checked.geometry(), checked.properties(), 1);
                    ps.setLong(i++, current.version() + 1);
                    ps.setObject(i++, time(now));
                    ps.setLong(i, featureId);
                    ps.executeUpdate();
                }
                Feature f = new Feature(featureId, checked.geometry(), typed(checked), current.version() + 1,
                        current.created(), now);
                queueHistory(layerId, f, FeatureVersion.Operation.UPDATE, now, author);
                touched.add(layerId);
                changed.touch(layerId, current.box());
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
                Current current = current(layer, featureId, expectedVersion);
                try (PreparedStatement ps = c.prepareStatement(sql(layer).delete())) {
                    ps.setLong(1, featureId);
                    ps.executeUpdate();
                }
                queueHistoryRow(layerId, featureId, current.version() + 1, FeatureVersion.Operation.DELETE, null, null, null,
                        now, author);
                touched.add(layerId);
                changed.touch(layerId, current.box());
            } catch (SQLException e) {
                throw failure("deleting " + layerId + "/" + featureId, e);
            }
        }

        /**
         * The feature as stored, after everything queued was sent.
         *
         * @throws VersionConflictException when it is at another version than expected
         */
        private Current current(LayerInfo layer, long featureId, long expectedVersion) throws SQLException {
            flush();
            Current current = stored(layer, featureId);
            if (expectedVersion != ANY_VERSION && expectedVersion != current.version()) {
                throw new VersionConflictException(layer.id(), featureId, expectedVersion, current.version());
            }
            return current;
        }

        /** The feature as stored, after the queued inserts were sent (a queued annotation does not move it). */
        private Current stored(LayerInfo layer, long featureId) throws SQLException {
            sendInserts();
            try (PreparedStatement ps = c.prepareStatement(sql(layer).current())) {
                ps.setLong(1, featureId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) throw NotFoundException.feature(layer.id(), featureId);
                    double minX = rs.getDouble(3);
                    Envelope box = rs.wasNull() ? null : new Envelope(minX, rs.getDouble(4), rs.getDouble(5), rs.getDouble(6));
                    return new Current(rs.getLong(1), codec.instant(rs, 2), box);
                }
            }
        }

        @Override
        public void annotate(String layerId, long featureId, Map<String, ?> derived) {
            LayerInfo layer = requireLayer(layerId);
            Map<String, Object> typed = FeatureChecks.coerceDerived(layer, derived);
            if (typed.isEmpty()) return;
            try {
                // An annotation made in the same transaction as the insert must find its row.
                if (!changed.isWholeLayer(layerId)) changed.touch(layerId, stored(layer, featureId).box());
                else sendInserts();
                String key = layerId + typed.keySet();
                PreparedStatement ps = annotations.get(key);
                if (ps == null) {
                    StringBuilder set = new StringBuilder();
                    for (String name : typed.keySet()) {
                        set.append(set.length() == 0 ? "" : ", ").append(dialect.quote(name)).append(" = ")
                                .append(dialect.valueIn(layer.property(name).orElseThrow().type()));
                    }
                    ps = c.prepareStatement("UPDATE " + sql(layer).table() + " SET " + set + " WHERE fid = ?");
                    annotations.put(key, ps);
                }
                int i = 1;
                for (Map.Entry<String, Object> e : typed.entrySet()) {
                    ps.setObject(i++, dialect.bindValue(layer.property(e.getKey()).orElseThrow().type(), e.getValue()));
                }
                ps.setLong(i, featureId);
                ps.addBatch();
                touched.add(layerId);
                if (++annotated >= BATCH) sendAnnotations();
            } catch (SQLException e) {
                throw failure("annotating " + layerId + "/" + featureId, e);
            }
        }

        @Override
        public void restore(LayerInfo layerInfo, Feature feature, List<FeatureVersion> versions) {
            LayerInfo layer = requireLayer(layerInfo.id());
            try {
                long highest = versions.stream().mapToLong(FeatureVersion::featureId).max().orElse(0);
                if (feature != null) {
                    FeatureDraft checked = FeatureChecks.prepare(layer, new FeatureDraft(feature.geometry(), feature.properties()));
                    queueInsert(layer, new Feature(feature.id(), checked.geometry(), typed(checked), feature.version(),
                            feature.created(), feature.updated()));
                    highest = Math.max(highest, feature.id());
                }
                for (FeatureVersion v : versions) {
                    Feature s = v.state();
                    if (s == null) {
                        queueHistoryRow(layer.id(), v.featureId(), v.version(), v.operation(), null, null, null, v.at(), v.author());
                    } else {
                        queueHistory(layer.id(), s, v.operation(), v.at(), v.author());
                    }
                }
                flush();
                afterRestore(layer, highest);
                touched.add(layer.id());
                changed.touchWholeLayer(layer.id());
            } catch (SQLException e) {
                throw failure("restoring into " + layer.id(), e);
            }
        }

        @Override
        public ServiceRecord appendRecord(String kind, Map<String, ?> body) {
            ServiceRecord.requireKind(kind);
            String json = StoreJson.write(body);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sa_records (kind, body, author, at) VALUES (?, "
                    + dialect.valueIn(PropertyType.JSON) + ", ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, kind);
                ps.setString(2, json);
                ps.setString(3, author);
                ps.setObject(4, time(now));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return new ServiceRecord(keys.getLong(1), kind, StoreJson.objectFromJson(json), author, now);
                }
            } catch (SQLException e) {
                throw failure("appending a " + kind + " record", e);
            }
        }

        @Override
        public void restoreRecord(ServiceRecord r) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sa_records (id, kind, body, author, at) VALUES (?, ?, "
                    + dialect.valueIn(PropertyType.JSON) + ", ?, ?)")) {
                ps.setLong(1, r.id());
                ps.setString(2, r.kind());
                ps.setString(3, StoreJson.write(r.body()));
                ps.setString(4, r.author());
                ps.setObject(5, time(r.at()));
                ps.executeUpdate();
                afterRecordRestore();
            } catch (SQLException e) {
                throw failure("restoring record " + r.id(), e);
            }
        }

        /** Sends what is queued, then the engine's last steps. */
        void finish() throws SQLException {
            flush();
            finishLayers(touched);
        }

        private void queueInsert(LayerInfo layer, Feature f) throws SQLException {
            PreparedStatement ps = inserts.get(layer.id());
            if (ps == null) {
                ps = c.prepareStatement(sql(layer).insert());
                inserts.put(layer.id(), ps);
            }
            ps.setLong(1, f.id());
            int i = bindRow(ps, layer, f.geometry(), f.properties(), 2);
            ps.setLong(i++, f.version());
            ps.setObject(i++, time(f.created()));
            ps.setObject(i, time(f.updated()));
            ps.addBatch();
            queued();
        }

        private void queueHistory(String layerId, Feature state, FeatureVersion.Operation op, Instant at, String who)
                throws SQLException {
            queueHistoryRow(layerId, state.id(), state.version(), op, codec.geometryBytes(state.geometry()),
                    StoreJson.propertiesToJson(state.properties()), state.created(), at, who);
        }

        private void queueHistoryRow(String layerId, long fid, long version, FeatureVersion.Operation op, byte[] geometry,
                String properties, Instant created, Instant at, String who) throws SQLException {
            if (history == null) history = c.prepareStatement(historyInsert);
            history.setString(1, layerId);
            history.setLong(2, fid);
            history.setLong(3, version);
            history.setString(4, op.name());
            history.setBytes(5, geometry);
            history.setString(6, properties);
            history.setObject(7, time(created));
            history.setObject(8, time(at));
            history.setString(9, who);
            history.addBatch();
            queued();
        }

        private void queued() throws SQLException {
            if (++queued >= BATCH) flush();
        }

        /** Sends everything queued, in the order it was asked for: inserts and history, then annotations. */
        protected void flush() throws SQLException {
            sendInserts();
            sendAnnotations();
        }

        private void sendInserts() throws SQLException {
            if (queued == 0) return;
            for (PreparedStatement ps : inserts.values()) ps.executeBatch();
            if (history != null) history.executeBatch();
            queued = 0;
        }

        /** Sends queued annotations; one of a feature that does not exist fails the transaction. */
        private void sendAnnotations() throws SQLException {
            if (annotated == 0) return;
            for (PreparedStatement ps : annotations.values()) {
                for (int updated : ps.executeBatch()) {
                    if (updated == 0) throw new NotFoundException("a feature to annotate does not exist");
                }
            }
            annotated = 0;
        }

        private int bindRow(PreparedStatement ps, LayerInfo layer, Geometry g, Map<String, ?> props, int first)
                throws SQLException {
            int i = first;
            ps.setBytes(i++, codec.geometryBytes(g));
            for (PropertyDef p : layer.properties()) ps.setObject(i++, dialect.bindValue(p.type(), props.get(p.name())));
            return i;
        }

        private Object time(Instant t) {
            return t == null ? null : dialect.bindValue(PropertyType.DATETIME, t);
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> typed(FeatureDraft d) {
            return (Map<String, Object>) d.properties();
        }
    }
}
