package org.sinkatlas.layers.format.shapefile;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.sinkatlas.layers.crs.CrsDefinition;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.crs.GeometryTransform;
import org.sinkatlas.layers.format.FeatureFileWriter;
import org.sinkatlas.layers.format.TemporaryFolders;
import org.sinkatlas.layers.model.Feature;
import org.sinkatlas.layers.model.GeometryKind;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.PropertyDef;
import org.sinkatlas.layers.store.StoreJson;

/**
 * A layer as a zipped shapefile: {@code <layer>.shp/.shx/.dbf/.prj/.cpg}, in a chosen CRS, attributes in UTF-8.
 * DBF field types follow the property types (text C, integer N(18,0), real N(24,15), boolean L, date D; times
 * and JSON as ISO and JSON text), the first field is the feature's {@code id}, and names longer than 10
 * characters are cut as {@link DbfFieldNames} says. The parts are written to a temporary folder and zipped
 * into the output at the end.
 */
public final class ShapefileZipWriter implements FeatureFileWriter {

    private final Path dir;
    private final String base;
    private final LayerInfo layer;
    private final CrsDefinition crs;
    private final GeometryTransform transform;
    private final OutputStream out;
    private final Map<String, String> fieldNames;
    private final DbfWriter dbf;
    private ShpWriter shp;
    private long written;
    private boolean finished;

    public ShapefileZipWriter(LayerInfo layer, CrsDefinition crs, CrsService crsService, OutputStream out) throws IOException {
        this.layer = layer;
        this.crs = crs;
        this.transform = crsService.fromStorage(crs);
        this.out = out;
        this.base = layer.tableName();
        this.dir = TemporaryFolders.create("export");
        this.fieldNames = DbfFieldNames.shorten(layer.propertyNames(), Set.of("id"));
        List<DbfWriter.Field> fields = new ArrayList<>();
        fields.add(new DbfWriter.Field("id", 'N', 18, 0));
        for (PropertyDef p : layer.properties()) fields.add(field(fieldNames.get(p.name()), p));
        DbfWriter table = null;
        try {
            table = new DbfWriter(dir.resolve(base + ".dbf"), fields);
            int type = shapeType(layer.geometryKind(), null);
            if (type != 0) this.shp = new ShpWriter(dir.resolve(base + ".shp"), dir.resolve(base + ".shx"), type);
        } catch (IOException | RuntimeException e) {
            // Not made, so never closed: release what was opened here.
            if (table != null) table.abandon();
            TemporaryFolders.delete(dir);
            throw e;
        }
        this.dbf = table;
    }

    private static DbfWriter.Field field(String name, PropertyDef p) {
        switch (p.type()) {
            case INTEGER: return new DbfWriter.Field(name, 'N', 18, 0);
            case REAL: return new DbfWriter.Field(name, 'N', 24, 15);
            case BOOLEAN: return new DbfWriter.Field(name, 'L', 1, 0);
            case DATE: return new DbfWriter.Field(name, 'D', 8, 0);
            default: return new DbfWriter.Field(name, 'C', DbfWriter.MAX_TEXT, 0);
        }
    }

    /** The shape type of a layer kind, or of a first geometry for layers of any kind; 0 when not yet known. */
    private static int shapeType(GeometryKind kind, Geometry first) {
        switch (kind) {
            case POINT: return ShpReader.POINT;
            case MULTIPOINT: return ShpReader.MULTIPOINT;
            case LINESTRING:
            case MULTILINESTRING: return ShpReader.POLYLINE;
            case POLYGON:
            case MULTIPOLYGON: return ShpReader.POLYGON;
            default:
                if (first instanceof Point) return ShpReader.POINT;
                if (first instanceof MultiPoint) return ShpReader.MULTIPOINT;
                if (first instanceof LineString || first instanceof MultiLineString) return ShpReader.POLYLINE;
                if (first instanceof Polygon || first instanceof MultiPolygon) return ShpReader.POLYGON;
                return 0;
        }
    }

    @Override
    public void write(Feature f) throws IOException {
        Geometry g = f.geometry() == null ? null : transform.apply(f.geometry());
        if (shp == null && g != null) {
            int type = shapeType(GeometryKind.GEOMETRY, g);
            if (type == 0) throw new IOException("a shapefile cannot hold a " + g.getGeometryType() + " (feature " + f.id() + ")");
            shp = new ShpWriter(dir.resolve(base + ".shp"), dir.resolve(base + ".shx"), type);
        }
        if (g != null && shapeType(GeometryKind.GEOMETRY, g) != shp.shapeType()) {
            throw new IOException("a shapefile holds one geometry type; feature " + f.id() + " is a " + g.getGeometryType()
                    + " among " + typeName(shp.shapeType()) + "s: export this layer to GeoPackage or GeoJSON instead");
        }
        if (shp == null) shp = new ShpWriter(dir.resolve(base + ".shp"), dir.resolve(base + ".shx"), ShpReader.POLYGON);
        shp.write(g);
        Object[] values = new Object[layer.properties().size() + 1];
        values[0] = f.id();
        int i = 1;
        for (PropertyDef p : layer.properties()) {
            Object v = f.property(p.name());
            switch (p.type()) {
                case DATETIME:
                case JSON:
                    v = v == null ? null : v instanceof Map<?, ?> m ? StoreJson.write(m) : StoreJson.jsonValue(v).toString();
                    break;
                default:
                    break;
            }
            values[i++] = v;
        }
        dbf.write(values);
        written++;
    }

    private static String typeName(int type) {
        switch (type) {
            case ShpReader.POINT: return "Point";
            case ShpReader.MULTIPOINT: return "MultiPoint";
            case ShpReader.POLYLINE: return "PolyLine";
            default: return "Polygon";
        }
    }

    @Override
    public List<String> finish() throws IOException {
        if (shp == null) shp = new ShpWriter(dir.resolve(base + ".shp"), dir.resolve(base + ".shx"), ShpReader.POLYGON);
        shp.close();
        dbf.close();
        finished = true;
        Files.writeString(dir.resolve(base + ".prj"), Prj.esriWkt(crs), StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve(base + ".cpg"), "UTF-8", StandardCharsets.US_ASCII);
        ZipOutputStream zip = new ZipOutputStream(out);
        for (String ext : List.of("shp", "shx", "dbf", "prj", "cpg")) {
            zip.putNextEntry(new ZipEntry(base + "." + ext));
            Files.copy(dir.resolve(base + "." + ext), zip);
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
        List<String> notes = new ArrayList<>();
        fieldNames.forEach((property, field) -> {
            if (!property.equals(field)) notes.add("property " + property + " is the DBF field " + field);
        });
        if (dbf.cutTexts() > 0) notes.add(dbf.cutTexts() + " texts longer than 254 bytes were cut (a DBF limit)");
        return notes;
    }

    @Override
    public void close() {
        if (!finished) {
            // A failed export: release the files before their folder is deleted.
            dbf.abandon();
            try {
                if (shp != null) shp.close();
            } catch (IOException ignored) {
                // A half-written file about to be deleted.
            }
        }
        TemporaryFolders.delete(dir);
    }
}
