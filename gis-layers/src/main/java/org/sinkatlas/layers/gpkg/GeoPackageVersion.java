package org.sinkatlas.layers.gpkg;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The GeoPackage version Sink Atlas files declare: 1.3. They use nothing of 1.4, and GDAL before 3.7 (so
 * QGIS 3.28 LTR) warns on every file that says 1.4, which is what the NGA library writes by default.
 */
public final class GeoPackageVersion {

    private GeoPackageVersion() {}

    public static void declare13(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            declare13(st);
        }
    }

    /** On a statement the caller already has open (SQLite will not commit while another one is running). */
    public static void declare13(Statement st) throws SQLException {
        st.execute("PRAGMA user_version = 10300");
    }
}
