package org.sinkatlas.layers.format.shapefile;

import org.sinkatlas.layers.crs.CrsDefinition;

/** The .prj text (ESRI WKT, as ArcGIS and GDAL write it) of each CRS the service serves. */
final class Prj {

    private static final String WGS84 = "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,"
            + "298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";
    private static final String CGCS2000 = "GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\",DATUM[\"D_China_2000\","
            + "SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";

    private Prj() {}

    static String esriWkt(CrsDefinition crs) {
        switch (crs.epsg()) {
            case 4490:
                return CGCS2000;
            case 4549:
                return "PROJCS[\"CGCS2000_3_Degree_GK_CM_120E\"," + CGCS2000 + ",PROJECTION[\"Gauss_Kruger\"],"
                        + "PARAMETER[\"False_Easting\",500000.0],PARAMETER[\"False_Northing\",0.0],"
                        + "PARAMETER[\"Central_Meridian\",120.0],PARAMETER[\"Scale_Factor\",1.0],"
                        + "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";
            case 3857:
                return "PROJCS[\"WGS_1984_Web_Mercator_Auxiliary_Sphere\"," + WGS84 + ",PROJECTION[\"Mercator_Auxiliary_Sphere\"],"
                        + "PARAMETER[\"False_Easting\",0.0],PARAMETER[\"False_Northing\",0.0],"
                        + "PARAMETER[\"Central_Meridian\",0.0],PARAMETER[\"Standard_Parallel_1\",0.0],"
                        + "PARAMETER[\"Auxiliary_Sphere_Type\",0.0],UNIT[\"Meter\",1.0]]";
            default:
                return WGS84;
        }
    }
}
