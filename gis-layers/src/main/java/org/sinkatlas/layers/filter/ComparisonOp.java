package org.sinkatlas.layers.filter;

/** A binary comparison, with its SQL spelling (the same in SQLite and PostgreSQL). */
public enum ComparisonOp {
    EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

    private final String sql;

    ComparisonOp(String sql) {
        this.sql = sql;
    }

    public String sql() {
        return sql;
    }
}
