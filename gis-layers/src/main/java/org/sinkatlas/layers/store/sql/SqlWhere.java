package org.sinkatlas.layers.store.sql;

import java.util.List;

/** A WHERE condition with its bind values, in order; never a value pasted into the text. */
public record SqlWhere(String sql, List<Object> params) {

    public SqlWhere {
        params = List.copyOf(params);
    }
}
