package org.sinkatlas.layers.store.sql;

import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.PropertyDef;

/**
 * The SQL of one layer, made once per layer definition (as Martin prepares its per-layer queries): reading
 * features, and the versioned writes. Columns are {@code fid, geom, <properties in order>, sa_version,
 * sa_created, sa_updated}.
 */
public record LayerSql(String table, String select, String insert, String update, String delete, String current) {

    static LayerSql of(LayerInfo layer, SqlDialect d) {
        String table = d.table(layer);
        StringBuilder out = new StringBuilder("SELECT fid, ").append(d.geometryOut("geom"));
        StringBuilder cols = new StringBuilder("fid, geom");
        StringBuilder marks = new StringBuilder("?, ").append(d.geometryIn());
        StringBuilder set = new StringBuilder("geom = ").append(d.geometryIn());
        for (PropertyDef p : layer.properties()) {
            String col = d.quote(p.name());
            out.append(", ").append(d.valueOut(p.type(), col));
            cols.append(", ").append(col);
            marks.append(", ").append(d.valueIn(p.type()));
            set.append(", ").append(col).append(" = ").append(d.valueIn(p.type()));
        }
        out.append(", sa_version, sa_created, sa_updated FROM ").append(table);
        return new LayerSql(table, out.toString(),
                "INSERT INTO " + table + " (" + cols + ", sa_version, sa_created, sa_updated) VALUES (" + marks + ", ?, ?, ?)",
                "UPDATE " + table + " SET " + set + ", sa_version = ?, sa_updated = ? WHERE fid = ?",
                "DELETE FROM " + table + " WHERE fid = ?",
                d.currentRow(layer));
    }
}
