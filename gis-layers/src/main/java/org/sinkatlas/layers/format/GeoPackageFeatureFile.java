package org.sinkatlas.layers.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.db.TableColumnKey;
import mil.nga.geopackage.extension.rtree.RTreeIndexExtension;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTable;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.geopackage.validate.GeoPackageValidate;
import mil.nga.sf.GeometryType;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.sinkatlas.layers.crs.CrsDefinition;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.gpkg.GeoPackageVersion;

/**
 * Any GeoPackage feature table read and written through the NGA GeoPackage library, whatever its columns:
 * for offline work on officers' files (the store has its own engine). Geometries come out in CRS84 when
 * the table is in a CRS the service knows; tables are written in EPSG:4326 (lon/lat) with an R-tree index.
 */
public final class GeoPackageFeatureFile {

    private GeoPackageFeatureFile() {}

    /** The feature tables of a GeoPackage. */
    public static List<String> tables(Path file) {
        GeoPackage gpkg = GeoPackageManager.open(file.toFile(), false);
        try {
            return new ArrayList<>(gpkg.getFeatureTables());
        } finally {
            gpkg.close();
        }
    }

    /**
     * Opens a table of a GeoPackage for reading: the only feature table, or {@code options.part()}. Geometries
     * come out in the table's CRS, which must be one the service accepts (by EPSG code or by its WKT).
     *
     * @throws FormatException when the file is not a GeoPackage, the table is missing or its CRS is not accepted
     */
    public static Reader read(Path file, SourceOptions options, CrsService crs) {
        String name = file.getFileName().toString();
        GeoPackage gpkg;
        try {
            gpkg = GeoPackageManager.open(file.toFile(), false);
        } catch (RuntimeException e) {
            throw new FormatException(name + " is not a readable GeoPackage: " + rootMessage(e), e);
        }
        try {
            if (!GeoPackageValidate.hasMinimumTables(gpkg)) {
                throw new FormatException(name + " is an SQLite database but not a GeoPackage: it lacks the"
                        + " gpkg_spatial_ref_sys and gpkg_contents tables every GeoPackage has");
            }
            List<String> tables = gpkg.getFeatureTables();
            String table = options.part();
            if (table == null) {
                if (tables.size() != 1) {
                    throw new FormatException(name + " has " + (tables.isEmpty() ? "no feature tables"
                            : "the feature tables " + tables + "; say which one to read"));
                }
                table = tables.get(0);
            } else if (!tables.contains(table)) {
                throw new FormatException(name + " has no feature table '" + table + "'; it has " + tables);
            }
            try {
                return new Reader(gpkg, name, table, options, crs);
            } catch (FormatException e) {
                throw e;
            } catch (RuntimeException e) {
                // gpkg_contents may list a table the file lacks, or one whose columns do not match its description.
                throw new FormatException(name + ": the feature table '" + table + "' listed in gpkg_contents cannot be"
                        + " read: " + rootMessage(e), e);
            }
        } catch (RuntimeException e) {
            gpkg.close();
            throw e;
        }
    }

    /** Streams the features of a table (geometries in its CRS); close it to close the file. */
    public static Reader read(Path file, String table, CrsService crs) {
        return read(file, new SourceOptions(null, null, table), crs);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /** Features of one table, one at a time, geometries in the table's CRS. */
    public static final class Reader implements FeatureSource {
        private final GeoPackage gpkg;
        private final String fileName;
        private final FeatureResultSet rows;
        private final String[] columns;
        private final String geometryColumn;
        private final CrsDefinition tableCrs;
        private final WKBReader wkb = new WKBReader(new GeometryFactory());
        private final long count;
        private final Map<String, Class<?>> columnTypes = new LinkedHashMap<>();
        private final Map<String, GeoPackageDataType> dataTypes = new LinkedHashMap<>();
        private final List<String> notes = new ArrayList<>();
        private long index;
        private Boolean ready;

        Reader(GeoPackage gpkg, String fileName, String table, SourceOptions options, CrsService crs) {
            this.gpkg = gpkg;
            this.fileName = fileName;
            FeatureDao dao = gpkg.getFeatureDao(table);
            this.tableCrs = tableCrs(table, dao.getSrs(), options, crs);
            this.columns = dao.getColumnNames();
            this.geometryColumn = dao.getGeometryColumnName();
            this.count = dao.count();
            for (FeatureColumn c : dao.getColumns()) {
                if (c.isGeometry() || c.isPrimaryKey()) continue;
                columnTypes.put(c.getName(), javaType(c.getDataType()));
                dataTypes.put(c.getName(), c.getDataType());
            }
            this.rows = dao.queryForAll();
        }

        private CrsDefinition tableCrs(String table, SpatialReferenceSystem srs, SourceOptions options, CrsService crs) {
            String where = fileName + " (table " + table + ")";
            CrsDefinition declared;
            long id = srs.getOrganizationCoordsysId();
            if ("EPSG".equalsIgnoreCase(srs.getOrganization()) && id == 4326) {
                declared = CrsService.CRS84;
            } else if ("EPSG".equalsIgnoreCase(srs.getOrganization()) && crs.find("EPSG:" + id).isPresent()) {
                declared = crs.require("EPSG:" + id);
            } else if (srs.getDefinition() != null && !srs.getDefinition().isBlank()
                    && !srs.getDefinition().equalsIgnoreCase("undefined")) {
                try {
                    declared = crs.fromWkt(srs.getDefinition());
                } catch (org.sinkatlas.layers.crs.UnknownCrsException e) {
                    if (options.crs() == null) throw new FormatException(where + ": " + e.getMessage());
                    notes.add("the table's CRS " + srs.getOrganization() + ":" + id + " is not recognised; coordinates"
                            + " taken as " + options.crs().code() + " as asked");
                    return options.crs();
                }
            } else {
                if (options.crs() == null) {
                    throw new FormatException(where + " has an undefined CRS; say which CRS its coordinates are in");
                }
                return options.crs();
            }
            if (options.crs() != null && options.crs().epsg() != declared.epsg()) {
                throw new FormatException(where + " is in " + declared.code() + " but " + options.crs().code()
                        + " was given; leave out the CRS to use the table's own");
            }
            return declared;
        }

        @Override
        public String name() {
            return fileName;
        }

        @Override
        public CrsDefinition crs() {
            return tableCrs;
        }

        /** How many features the table has. */
        @Override
        public long count() {
            return count;
        }

        @Override
        public List<String> columns() {
            return new ArrayList<>(columnTypes.keySet());
        }

        @Override
        public List<String> notes() {
            return notes;
        }

        /** The Java type of each attribute column, in table order. */
        public Map<String, Class<?>> columnTypes() {
            return columnTypes;
        }

        @Override
        public boolean hasNext() {
            if (ready == null) ready = rows.moveToNext();
            return ready;
        }

        @Override
        public SourceFeature next() {
            if (!hasNext()) throw new NoSuchElementException();
            ready = null;
            index++;
            FeatureRow row = rows.getRow();
            String place = "fid " + row.getId();
            Map<String, Object> props = new LinkedHashMap<>();
            for (String c : columns) {
                if (c.equals(geometryColumn) || c.equals(row.getPkColumn().getName())) continue;
                props.put(c, plainValue(row.getValue(c), dataTypes.get(c)));
            }
            GeoPackageGeometryData data = row.getGeometry();
            Geometry g = null;
            if (data != null && !data.isEmpty()) {
                try {
                    g = wkb.read(data.getWkb());
                } catch (IOException | ParseException | RuntimeException e) {
                    return SourceFeature.unreadable(index, Long.toString(row.getId()), place,
                            "unreadable geometry: " + e.getMessage());
                }
            }
            return new SourceFeature(index, Long.toString(row.getId()), place, g, props, null);
        }

        @Override
        public void close() {
            rows.close();
            gpkg.close();
        }
    }

    /** A column value as a property value: dates as LocalDate or Instant (the library hands out java.util.Date). */
    private static Object plainValue(Object v, GeoPackageDataType type) {
        if (v instanceof java.util.Date d) {
            java.time.Instant instant = d.toInstant();
            return type == GeoPackageDataType.DATE ? instant.atZone(java.time.ZoneOffset.UTC).toLocalDate() : instant;
        }
        if (v instanceof Integer i) return i.longValue();
        if (v instanceof Short s) return s.longValue();
        if (v instanceof Byte b) return b.longValue();
        if (v instanceof Float f) return f.doubleValue();
        return v;
    }

    /** Writes a new GeoPackage file with one feature table of the given columns (types from their first values), in EPSG:4326. */
    public static Writer create(Path file, String table, GeometryType geometryType, Map<String, Class<?>> columns)
            throws IOException {
        Map<String, GeoPackageDataType> types = new LinkedHashMap<>();
        columns.forEach((name, type) -> types.put(name, dataType(type)));
        return create(file, table, geometryType, CrsService.CRS84, types);
    }

    /**
     * Writes a new GeoPackage file with one feature table of typed columns, its geometries in {@code crs} (as
     * (east, north), GeoPackage's order), with an R-tree index.
     */
    public static Writer create(Path file, String table, GeometryType geometryType, CrsDefinition crs,
            Map<String, GeoPackageDataType> columns) throws IOException {
        if (Files.exists(file)) throw new IOException(file + " exists; give a new file name");
        GeoPackageManager.create(file.toFile());
        GeoPackage gpkg = GeoPackageManager.open(file.toFile(), true);
        long srsId;
        try {
            GeoPackageVersion.declare13(gpkg.getConnection().getConnection());
            srsId = srs(gpkg, crs);
        } catch (java.sql.SQLException e) {
            gpkg.close();
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        GeometryColumns gc = new GeometryColumns();
        gc.setId(new TableColumnKey(table, "geom"));
        gc.setGeometryType(geometryType);
        gc.setZ((byte) 0);
        gc.setM((byte) 0);
        gc.setSrsId(srsId);
        List<FeatureColumn> cols = new ArrayList<>();
        columns.forEach((name, type) -> cols.add(FeatureColumn.createColumn(name, type)));
        FeatureTable ft = gpkg.createFeatureTable(FeatureTableMetadata.create(gc, "fid", true, cols, null));
        new RTreeIndexExtension(gpkg).create(ft);
        return new Writer(gpkg, gpkg.getFeatureDao(table), srsId);
    }

    /** The id of the CRS's row in gpkg_spatial_ref_sys, added with its EPSG definition when missing. */
    private static long srs(GeoPackage gpkg, CrsDefinition crs) throws java.sql.SQLException {
        if (crs.epsg() == 4326) return 4326;
        var dao = gpkg.getSpatialReferenceSystemDao();
        SpatialReferenceSystem srs = dao.queryForId((long) crs.epsg());
        if (srs == null) {
            srs = new SpatialReferenceSystem();
            srs.setSrsId(crs.epsg());
            srs.setSrsName(crs.name().en());
            srs.setOrganization("EPSG");
            srs.setOrganizationCoordsysId(crs.epsg());
            srs.setDefinition(CrsService.ogcWkt(crs));
            srs.setDescription(crs.name().en());
            dao.create(srs);
        }
        return srs.getSrsId();
    }

    private static Class<?> javaType(GeoPackageDataType t) {
        if (t == null) return String.class;
        switch (t) {
            case BOOLEAN: return Boolean.class;
            case TINYINT:
            case SMALLINT:
            case MEDIUMINT:
            case INT:
            case INTEGER: return Long.class;
            case FLOAT:
            case DOUBLE:
            case REAL: return Double.class;
            default: return String.class;
        }
    }

    private static GeoPackageDataType dataType(Class<?> type) {
        if (type == Long.class || type == Integer.class) return GeoPackageDataType.INTEGER;
        if (Number.class.isAssignableFrom(type)) return GeoPackageDataType.DOUBLE;
        if (type == Boolean.class) return GeoPackageDataType.BOOLEAN;
        return GeoPackageDataType.TEXT;
    }

    /** Adds rows to a new table in one transaction; close commits it and closes the file. */
    public static final class Writer implements AutoCloseable {
        private final GeoPackage gpkg;
        private final FeatureDao dao;
        private final WKBWriter wkb = new WKBWriter(2);
        private final long srsId;

        Writer(GeoPackage gpkg, FeatureDao dao, long srsId) {
            this.gpkg = gpkg;
            this.dao = dao;
            this.srsId = srsId;
            // Rows may carry their own fid (an exported feature keeps its id).
            dao.setPkModifiable(true);
            gpkg.beginTransaction();
        }

        /** A row: geometry in the table's CRS, values by column name (Maps are written as JSON text). */
        public void add(Geometry g, Map<String, ?> values) throws IOException {
            add(null, g, values);
        }

        /** A row with its feature id as fid (or a new one when null). */
        public void add(Long fid, Geometry g, Map<String, ?> values) throws IOException {
            FeatureRow row = dao.newRow();
            if (fid != null) row.setId(fid);
            row.setGeometry(GeoPackageGeometryData.createFromWkbAndBuildEnvelope(srsId, wkb.write(g)));
            for (Map.Entry<String, ?> e : values.entrySet()) {
                Object v = e.getValue();
                if (v instanceof Map<?, ?> m) v = org.sinkatlas.layers.store.StoreJson.write(m);
                else if (v instanceof Integer i) v = i.longValue();
                else if (v instanceof Float fl) v = fl.doubleValue();
                else if (v != null && !(v instanceof Number) && !(v instanceof Boolean)) v = v.toString();
                row.setValue(e.getKey(), v);
            }
            dao.create(row);
        }

        @Override
        public void close() {
            try {
                gpkg.endTransaction(true);
            } finally {
                gpkg.close();
            }
        }

        /** Gives up: rolls back and closes the file (the caller deletes it). */
        public void abandon() {
            try {
                gpkg.endTransaction(false);
            } finally {
                gpkg.close();
            }
        }
    }
}
