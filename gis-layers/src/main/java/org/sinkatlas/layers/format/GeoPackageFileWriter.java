package org.sinkatlas.layers.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.sf.GeometryType;
import org.sinkatlas.layers.crs.CrsDefinition;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.crs.GeometryTransform;
import org.sinkatlas.layers.gpkg.GpkgColumns;
import org.sinkatlas.layers.model.Feature;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.PropertyDef;
import org.sinkatlas.layers.store.StoreJson;

/**
 * A layer as a GeoPackage file of one feature table (named like the layer's table), with typed columns, the
 * feature ids as {@code fid}, in a chosen CRS. SQLite needs a file, so it is written to a temporary one and
 * copied into the output at the end.
 */
public final class GeoPackageFileWriter implements FeatureFileWriter {

    private final Path dir;
    private final Path file;
    private final LayerInfo layer;
    private final GeometryTransform transform;
    private final OutputStream out;
    private final GeoPackageFeatureFile.Writer writer;
    private boolean finished;

    public GeoPackageFileWriter(LayerInfo layer, CrsDefinition crs, CrsService crsService, OutputStream out) throws IOException {
        this.layer = layer;
        this.out = out;
        this.transform = crsService.fromStorage(crs);
        this.dir = TemporaryFolders.create("export");
        this.file = dir.resolve(layer.tableName() + ".gpkg");
        Map<String, GeoPackageDataType> columns = new LinkedHashMap<>();
        for (PropertyDef p : layer.properties()) columns.put(p.name(), GpkgColumns.type(p));
        GeometryType type = GeometryType.fromName(layer.geometryKind().sfName().toUpperCase(Locale.ROOT));
        try {
            this.writer = GeoPackageFeatureFile.create(file, layer.tableName(), type, crs, columns);
        } catch (RuntimeException e) {
            TemporaryFolders.delete(dir);
            throw e;
        }
    }

    @Override
    public void write(Feature f) throws IOException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (PropertyDef p : layer.properties()) {
            Object v = StoreJson.jsonValue(f.property(p.name()));
            values.put(p.name(), v);
        }
        writer.add(f.id(), transform.apply(f.geometry()), values);
    }

    @Override
    public List<String> finish() throws IOException {
        writer.close();
        finished = true;
        Files.copy(file, out);
        out.flush();
        return List.of();
    }

    @Override
    public void close() {
        if (!finished) writer.abandon();
        // The folder with the file and any journal SQLite left beside it.
        TemporaryFolders.delete(dir);
    }
}
