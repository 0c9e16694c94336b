package org.sinkatlas.layers.format;

import java.util.Iterator;
import java.util.List;
import org.sinkatlas.layers.crs.CrsDefinition;

/**
 * A file of features read one at a time (GeoJSON, GeoPackage table, shapefile, CSV), for imports. Geometries
 * come out as the file holds them, in {@link #crs()} with (east, north) coordinates, the order every GIS file
 * format uses; the importer transforms them. A feature that cannot be read (bad WKT on one line, a broken
 * shape) comes out with its {@link SourceFeature#problem() problem} so that every fault can be reported; a
 * fault of the whole file (truncated, malformed) is a {@link FormatException}, at opening when it can be
 * seen then, else from {@code hasNext}/{@code next}. Not thread-safe; close it to release the file.
 */
public interface FeatureSource extends Iterator<SourceFeature>, AutoCloseable {

    /** The file's name, for messages. */
    String name();

    /** The CRS of the coordinates handed out. */
    CrsDefinition crs();

    /** How many features the file holds (for progress), or -1 when it cannot tell before reading. */
    long count();

    /** The attribute columns the file declares before its features (CSV header, DBF fields, table columns); empty when it has none. */
    List<String> columns();

    /** What the reader assumed or noticed (the text encoding, the CRS, skipped records), for the import report. */
    List<String> notes();

    @Override
    void close();
}
