package org.sinkatlas.layers.gpkg;

import mil.nga.geopackage.db.GeoPackageDataType;
import org.sinkatlas.layers.model.PropertyDef;

/**
 * GeoPackage column types of layer properties, the same in the store's tables and in exported files (below
 * both, so that neither reaches into the other).
 */
public final class GpkgColumns {

    private GpkgColumns() {}

    /** The column type of a property (JSON as TEXT). */
    public static GeoPackageDataType type(PropertyDef p) {
        switch (p.type()) {
            case INTEGER: return GeoPackageDataType.INTEGER;
            case REAL: return GeoPackageDataType.DOUBLE;
            case BOOLEAN: return GeoPackageDataType.BOOLEAN;
            case DATE: return GeoPackageDataType.DATE;
            case DATETIME: return GeoPackageDataType.DATETIME;
            default: return GeoPackageDataType.TEXT;
        }
    }
}
