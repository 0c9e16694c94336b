package org.sinkatlas.layers.format;

import java.nio.charset.Charset;
import org.sinkatlas.layers.crs.CrsDefinition;

/**
 * What the caller says about a file to import, where the file cannot say it itself.
 *
 * @param crs      the CRS of the coordinates, for files that do not declare one (CSV, GeoJSON without a
 *                 {@code crs} member, a shapefile without .prj); a file that declares another CRS is refused
 * @param encoding the text encoding of a CSV or DBF, overriding the file's .cpg or its detection; or null
 * @param part     which table of a GeoPackage, or which shapefile of a zip holding several; or null for the only one
 */
public record SourceOptions(CrsDefinition crs, Charset encoding, String part) {

    public static final SourceOptions NONE = new SourceOptions(null, null, null);
}
