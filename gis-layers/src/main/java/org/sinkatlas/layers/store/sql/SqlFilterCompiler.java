package org.sinkatlas.layers.store.sql;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.sinkatlas.layers.filter.ComparisonOp;
import org.sinkatlas.layers.filter.Filter;
import org.sinkatlas.layers.filter.TemporalOp;
import org.sinkatlas.layers.filter.TimeInterval;
import org.sinkatlas.layers.filter.TimeSpan;
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
            if (c.caseInsensitive()) {
                return dialect.caseFold(col.text()) + " " + c.op().sql() + " " + dialect.caseFold("?");
            }
            return col.sql + " " + c.op().sql() + " ?";
        }
        if (f instanceof Filter.Like l) {
            Column col = column(layer, l.property());
            params.add(dialect.likePattern(l.pattern()));
            return l.caseInsensitive() ? dialect.like(dialect.caseFold(col.text()), dialect.caseFold("?"))
                    : dialect.like(col.text(), "?");
        }
        if (f instanceof Filter.In in) {
            Column col = column(layer, in.property());
            if (in.values().isEmpty()) return "1=0";
            String mark = in.caseInsensitive() ? dialect.caseFold("?") : "?";
            StringBuilder sb = new StringBuilder(in.caseInsensitive() ? dialect.caseFold(col.text()) : col.sql)
                    .append(" IN (");
            for (int i = 0; i < in.values().size(); i++) {
                sb.append(i == 0 ? mark : ", " + mark);
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
        if (f instanceof Filter.BigEnoughIn b) {
            return dialect.bigEnoughIn(layer, b.box(), b.minWidth(), b.minHeight(), params);
        }
        if (f instanceof Filter.Intersects i) {
            return dialect.intersects(layer, i.geometry(), params);
        }
        if (f instanceof Filter.Spatial sp) {
            return dialect.spatial(layer, sp.op(), sp.geometry(), params);
        }
        if (f instanceof Filter.During d) {
            return during(layer, d.property(), d.interval(), params);
        }
        if (f instanceof Filter.Temporal t) {
            return temporal(layer, t, params);
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

    /**
     * A temporal relation as comparisons of the spans' ends. An open end is minus or plus infinity, so its
     * comparisons are known in advance; against a column they keep SQL's null logic ({@code col = col} is
     * true, or null when the column is).
     */
    private String temporal(LayerInfo layer, Filter.Temporal t, List<Object> params) {
        List<String> parts = new ArrayList<>();
        for (TemporalOp.Condition c : t.op().conditions()) {
            parts.add(condition(layer, end(t, c.left()), isStart(c.left()), c.op(), end(t, c.right()),
                    isStart(c.right()), params));
        }
        return "(" + String.join(t.op().anyCondition() ? " OR " : " AND ", parts) + ")";
    }

    private static TimeSpan.End end(Filter.Temporal t, TemporalOp.Side side) {
        switch (side) {
            case S1: return t.left().start();
            case E1: return t.left().end();
            case S2: return t.right().start();
            default: return t.right().end();
        }
    }

    private static boolean isStart(TemporalOp.Side side) {
        return side == TemporalOp.Side.S1 || side == TemporalOp.Side.S2;
    }

    private String condition(LayerInfo layer, TimeSpan.End a, boolean aStart, ComparisonOp op, TimeSpan.End b,
            boolean bStart, List<Object> params) {
        Column colA = a instanceof TimeSpan.PropertyEnd p ? timeColumn(layer, p.property()) : null;
        Column colB = b instanceof TimeSpan.PropertyEnd p ? timeColumn(layer, p.property()) : null;
        if (a instanceof TimeSpan.OpenEnd || b instanceof TimeSpan.OpenEnd) {
            int ia = a instanceof TimeSpan.OpenEnd ? (aStart ? -1 : 1) : 0;
            int ib = b instanceof TimeSpan.OpenEnd ? (bStart ? -1 : 1) : 0;
            boolean holds = holds(Integer.compare(ia, ib), op);
            Column col = colA != null ? colA : colB;
            if (col != null) return col.sql + (holds ? " = " : " <> ") + col.sql;
            return holds ? "1=1" : "1=0";
        }
        if (colA == null && colB == null) {
            int c = compareTimes(((TimeSpan.ValueEnd) a).value(), ((TimeSpan.ValueEnd) b).value());
            return holds(c, op) ? "1=1" : "1=0";
        }
        return operand(a, colA, colB, params) + " " + op.sql() + " " + operand(b, colB, colA, params);
    }

    private String operand(TimeSpan.End e, Column own, Column other, List<Object> params) {
        if (own != null) return own.sql;
        Object v = ((TimeSpan.ValueEnd) e).value();
        PropertyType expected = v instanceof LocalDate ? PropertyType.DATE : PropertyType.DATETIME;
        if (other.type != expected) {
            throw new IllegalArgumentException("a " + (expected == PropertyType.DATE ? "date" : "timestamp")
                    + " compared with a " + other.type.describe() + " property");
        }
        params.add(other.bind(v));
        return "?";
    }

    private Column timeColumn(LayerInfo layer, String property) {
        Column col = column(layer, property);
        if (!col.type.isTemporal()) {
            throw new IllegalArgumentException("property '" + property + "' is not a date or date-time");
        }
        return col;
    }

    private static boolean holds(int comparison, ComparisonOp op) {
        switch (op) {
            case EQ: return comparison == 0;
            case NE: return comparison != 0;
            case LT: return comparison < 0;
            case LE: return comparison <= 0;
            case GT: return comparison > 0;
            default: return comparison >= 0;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareTimes(Object a, Object b) {
        if (a.getClass() != b.getClass()) throw new IllegalArgumentException("a date compared with a timestamp");
        return ((Comparable) a).compareTo(b);
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

        /** The column as text (the id is a number in every engine). */
        String text() {
            return type == PropertyType.STRING ? sql : "CAST(" + sql + " AS TEXT)";
        }
    }
}
