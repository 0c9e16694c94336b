package org.sinkatlas.layers.store.sql;

import java.util.ArrayList;
import java.util.List;
import org.sinkatlas.layers.filter.ComparisonOp;
import org.sinkatlas.layers.filter.Filter;
import org.sinkatlas.layers.filter.TimeInterval;
import org.sinkatlas.layers.model.LayerInfo;
import org.sinkatlas.layers.model.PropertyDef;
import org.sinkatlas.layers.model.PropertyType;

/**
 * Turns a {@link Filter} tree into a SQL condition with bound parameters, for any {@link SqlDialect}.
 * Property names are checked against the layer and quoted; values are only ever bound.
 */
public final class SqlFilterCompiler {

    private final SqlDialect dialect;

    public SqlFilterCompiler(SqlDialect dialect) {
        this.dialect = dialect;
    }

    public SqlWhere compile(LayerInfo layer, Filter filter) {
        List<Object> params = new ArrayList<>();
        String sql = write(layer, filter, params);
        return new SqlWhere(sql, params);
    }

    private String write(LayerInfo layer, Filter f, List<Object> params) {
        if (f instanceof Filter.All) return "1=1";
        if (f instanceof Filter.And a) return join(layer, a.parts(), " AND ", params);
        if (f instanceof Filter.Or o) return join(layer, o.parts(), " OR ", params);
        if (f instanceof Filter.Not n) return "NOT (" + write(layer, n.inner(), params) + ")";
        if (f instanceof Filter.Compare c) {
            Column col = column(layer, c.property());
            params.add(col.bind(c.value()));
            return col.sql + " " + c.op().sql() + " ?";
        }
        if (f instanceof Filter.Like l) {
            Column col = column(layer, l.property());
            params.add(dialect.likePattern(l.pattern(), l.caseInsensitive()));
            return dialect.like(col.sql, l.caseInsensitive());
        }
        if (f instanceof Filter.In in) {
            Column col = column(layer, in.property());
            if (in.values().isEmpty()) return "1=0";
            StringBuilder sb = new StringBuilder(col.sql).append(" IN (");
            for (int i = 0; i < in.values().size(); i++) {
                sb.append(i == 0 ? "?" : ", ?");
                params.add(col.bind(in.values().get(i)));
            }
            return sb.append(')').toString();
        }
        if (f instanceof Filter.Between b) {
            Column col = column(layer, b.property());
            params.add(col.bind(b.low()));
            params.add(col.bind(b.high()));
            return col.sql + " BETWEEN ? AND ?";
        }
        if (f instanceof Filter.IsNull n) {
            return column(layer, n.property()).sql + " IS NULL";
        }
        if (f instanceof Filter.Intersects i) {
            return dialect.intersects(layer, i.geometry(), params);
        }
        if (f instanceof Filter.During d) {
            return during(layer, d.property(), d.interval(), params);
        }
        throw new IllegalArgumentException("unsupported filter " + f.getClass().getSimpleName());
    }

    private String join(LayerInfo layer, List<Filter> parts, String op, List<Object> params) {
        if (parts.isEmpty()) return op.equals(" AND ") ? "1=1" : "1=0";
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) sb.append(op);
            sb.append(write(layer, parts.get(i), params));
        }
        return sb.append(')').toString();
    }

    private String during(LayerInfo layer, String property, TimeInterval interval, List<Object> params) {
        Column col = column(layer, property);
        if (col.type != PropertyType.DATE && col.type != PropertyType.DATETIME) {
            throw new IllegalArgumentException("property '" + property + "' is not a date or date-time");
        }
        boolean date = col.type == PropertyType.DATE;
        List<String> parts = new ArrayList<>();
        if (interval.start() != null) {
            parts.add(col.sql + " " + ComparisonOp.GE.sql() + " ?");
            params.add(col.bind(date ? interval.startDate() : interval.start()));
        }
        if (interval.end() != null) {
            parts.add(col.sql + " " + ComparisonOp.LE.sql() + " ?");
            params.add(col.bind(date ? interval.endDate() : interval.end()));
        }
        return parts.isEmpty() ? col.sql + " IS NOT NULL" : "(" + String.join(" AND ", parts) + ")";
    }

    private Column column(LayerInfo layer, String property) {
        if (property.equals("id")) return new Column(dialect.idColumn(), PropertyType.INTEGER);
        PropertyDef def = layer.property(property).orElseThrow(() -> new IllegalArgumentException(
                "layer " + layer.id() + " has no property '" + property + "'"));
        return new Column(dialect.quote(def.name()), def.type());
    }

    private final class Column {
        final String sql;
        final PropertyType type;

        Column(String sql, PropertyType type) {
            this.sql = sql;
            this.type = type;
        }

        Object bind(Object value) {
            return dialect.bindValue(type, type.coerce(value));
        }
    }
}
