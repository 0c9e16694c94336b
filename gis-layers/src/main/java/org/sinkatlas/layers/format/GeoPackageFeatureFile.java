package org.sinkatlas.layers.format;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import mil.nga.sf.GeometryType;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.sinkatlas.layers.crs.CrsDefinition;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.format.GeoJsonFeatureReader.ReadFeature;

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

    /** Streams the features of a table; close it to close the file. */
    public static Reader read(Path file, String table, CrsService crs) {
        return new Reader(file, table, crs);
    }

    /** Features of one table, one at a time, geometries in CRS84. */
    public static final class Reader implements java.util.Iterator<ReadFeature>, AutoCloseable {
        private final GeoPackage gpkg;
        private final FeatureResultSet rows;
        private final String[] columns;
        private final String geometryColumn;
        private final CrsDefinition tableCrs;
        private final CrsService crs;
        private final WKBReader wkb = new WKBReader(new GeometryFactory());
        private final long count;
        private final Map<String, Class<?>> columnTypes = new LinkedHashMap<>();
        private Boolean ready;

        Reader(Path file, String table, CrsService crs) {
            this.crs = crs;
            this.gpkg = GeoPackageManager.open(file.toFile(), false);
            try {
                FeatureDao dao = gpkg.getFeatureDao(table);
                SpatialReferenceSystem srs = dao.getSrs();
                String ref = srs.getOrganization() + ":" + srs.getOrganizationCoordsysId();
                this.tableCrs = srs.getOrganizationCoordsysId() == 4326 ? CrsService.CRS84 : crs.require(ref);
                this.columns = dao.getColumnNames();
                this.geometryColumn = dao.getGeometryColumnName();
                this.count = dao.count();
                for (FeatureColumn c : dao.getColumns()) {
                    if (c.isGeometry() || c.isPrimaryKey()) continue;
                    columnTypes.put(c.getName(), javaType(c.getDataType()));
                }
                this.rows = dao.queryForAll();
            } catch (RuntimeException e) {
                gpkg.close();
                throw e;
            }
        }

        /** How many features the table has. */
        public long count() {
            return count;
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
        public ReadFeature next() {
            if (!hasNext()) throw new NoSuchElementException();
            ready = null;
            FeatureRow row = rows.getRow();
            Map<String, Object> props = new LinkedHashMap<>();
            for (String c : columns) {
                if (c.equals(geometryColumn) || c.equals(row.getPkColumn().getName())) continue;
                props.put(c, row.getValue(c));
            }
            GeoPackageGeometryData data = row.getGeometry();
            Geometry g = null;
            if (data != null && !data.isEmpty()) {
                try {
                    g = crs.toStorage(tableCrs).apply(wkb.read(data.getWkb()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (ParseException e) {
                    throw new IllegalStateException("unreadable geometry in row " + row.getId() + ": " + e.getMessage(), e);
                }
            }
            return new ReadFeature(row.getId(), g, props);
        }

        @Override
        public void close() {
            rows.close();
            gpkg.close();
        }
    }

    /** Writes a new GeoPackage file with one feature table of the given columns (types from their first values). */
    public static Writer create(Path file, String table, GeometryType geometryType, Map<String, Class<?>> columns)
            throws IOException {
        if (Files.exists(file)) throw new IOException(file + " exists; give a new file name");
        GeoPackageManager.create(file.toFile());
        GeoPackage gpkg = GeoPackageManager.open(file.toFile(), true);
        try {
            GeoPackageVersion.declare13(gpkg.getConnection().getConnection());
        } catch (java.sql.SQLException e) {
            gpkg.close();
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        GeometryColumns gc = new GeometryColumns();
        gc.setId(new TableColumnKey(table, "geom"));
        gc.setGeometryType(geometryType);
        gc.setZ((byte) 0);
        gc.setM((byte) 0);
        gc.setSrsId(4326);
        List<FeatureColumn> cols = new ArrayList<>();
        columns.forEach((name, type) -> cols.add(FeatureColumn.createColumn(name, dataType(type))));
        FeatureTable ft = gpkg.createFeatureTable(FeatureTableMetadata.create(gc, "fid", true, cols, null));
        new RTreeIndexExtension(gpkg).create(ft);
        return new Writer(gpkg, gpkg.getFeatureDao(table));
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

        Writer(GeoPackage gpkg, FeatureDao dao) {
            this.gpkg = gpkg;
            this.dao = dao;
            gpkg.beginTransaction();
        }

        /** A row: geometry in CRS84, values by column name (Maps are written as JSON text). */
        public void add(Geometry g, Map<String, ?> values) throws IOException {
            FeatureRow row = dao.newRow();
            row.setGeometry(GeoPackageGeometryData.createFromWkbAndBuildEnvelope(4326, wkb.write(g)));
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
    }
}
