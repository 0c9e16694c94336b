package org.sinkatlas.server.cli;

import org.sinkatlas.layers.crs.CrsDefinition;
import org.sinkatlas.layers.crs.CrsService;
import picocli.CommandLine.Option;

/** {@code --crs} for input files that may not say their CRS, the same on every command that reads them (a picocli mixin). */
final class FileCrsOption {

    @Option(names = "--crs", description = "CRS of the file's coordinates when the file does not say (CSV, GeoJSON without"
            + " crs, shapefile without .prj), e.g. EPSG:4549; default CRS84. Coordinates are always east, north (x, y).")
    String name;

    /**
     * The CRS given, or null when none was: the file's own then applies.
     *
     * @throws org.sinkatlas.layers.crs.UnknownCrsException for a name the service does not know
     */
    CrsDefinition resolve(CrsService crs) {
        return name == null ? null : crs.require(name);
    }
}
