package org.sinkatlas.layers.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sinkatlas.layers.crs.CrsDefinition;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.format.CsvFeatureSource;
import org.sinkatlas.layers.format.CsvFileWriter;
import org.sinkatlas.layers.format.FeatureFileWriter;
import org.sinkatlas.layers.format.FeatureSource;
import org.sinkatlas.layers.format.GeoJsonFeatureSource;
import org.sinkatlas.layers.format.GeoJsonFileWriter;
import org.sinkatlas.layers.format.GeoPackageFeatureFile;
import org.sinkatlas.layers.format.GeoPackageFileWriter;
import org.sinkatlas.layers.format.SourceOptions;
import org.sinkatlas.layers.format.shapefile.ShapefileSource;
import org.sinkatlas.layers.format.shapefile.ShapefileZipWriter;
import org.sinkatlas.layers.model.LayerInfo;

/** The file formats of imports and exports, and where each one's reader and writer are. */
public enum FeatureFormat {
    GEOJSON("geojson", "GeoJSON", ".geojson", "application/geo+json", List.of("geojson", "json")),
    GEOPACKAGE("gpkg", "GeoPackage", ".gpkg", "application/geopackage+sqlite3", List.of("gpkg", "geopackage")),
    SHAPEFILE("shp", "Shapefile (zip)", ".zip", "application/zip", List.of("shp", "shapefile", "zip")),
    CSV("csv", "CSV", ".csv", "text/csv; charset=utf-8", List.of("csv"));

    private final String key;
    private final String title;
    private final String extension;
    private final String mediaType;
    private final List<String> names;

    FeatureFormat(String key, String title, String extension, String mediaType, List<String> names) {
        this.key = key;
        this.title = title;
        this.extension = extension;
        this.mediaType = mediaType;
        this.names = names;
    }

    /** The short name used in options and URLs: {@code geojson}, {@code gpkg}, {@code shp}, {@code csv}. */
    public String key() {
        return key;
    }

    public String title() {
        return title;
    }

    /** The extension of an exported file, e.g. {@code .zip} for a shapefile. */
    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** A format by its name ({@code gpkg}, {@code geopackage}, {@code shp}, {@code zip} ...), without case. */
    public static Optional<FeatureFormat> byName(String name) {
        if (name == null) return Optional.empty();
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (FeatureFormat f : values()) {
            if (f.names.contains(n)) return Optional.of(f);
        }
        return Optional.empty();
    }

    /** The format a file name's extension says: .geojson/.json, .gpkg, .zip/.shp, .csv. */
    public static Optional<FeatureFormat> byFileName(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : byName(n.substring(dot + 1));
    }

    /** Opens a file of this format for import. @throws FormatException when it cannot be read as a whole */
    public FeatureSource open(Path file, SourceOptions options, CrsService crs) {
        switch (this) {
            case GEOJSON: return GeoJsonFeatureSource.open(file, options, crs);
            case GEOPACKAGE: return GeoPackageFeatureFile.read(file, options, crs);
            case SHAPEFILE: return ShapefileSource.open(file, options, crs);
            default: return CsvFeatureSource.open(file, options);
        }
    }

    /** A writer of a layer's features in this format into {@code out}, coordinates in {@code crs}. */
    public FeatureFileWriter writer(LayerInfo layer, CrsDefinition crs, CrsService crsService, OutputStream out)
            throws IOException {
        switch (this) {
            case GEOJSON: return new GeoJsonFileWriter(layer, crs, crsService, out);
            case GEOPACKAGE: return new GeoPackageFileWriter(layer, crs, crsService, out);
            case SHAPEFILE: return new ShapefileZipWriter(layer, crs, crsService, out);
            default: return new CsvFileWriter(layer, crs, crsService, out);
        }
    }
}
