package org.sinkatlas.layers.store.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.sinkatlas.layers.store.StoreCursor;

/** A {@link StoreCursor} over a JDBC result set: maps one row at a time and closes its connection at the end. */
public final class JdbcCursor<T> implements StoreCursor<T> {

    /** Reads the current row of a result set. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private final Connection connection;
    private final Statement statement;
    private final ResultSet rows;
    private final RowReader<T> reader;
    private final Function<SQLException, RuntimeException> failure;
    private Boolean ready;
    private boolean closed;

    /**
     * @param failure turns a JDBC failure into the store's exception (e.g. unavailable)
     */
    public JdbcCursor(Connection connection, Statement statement, ResultSet rows, RowReader<T> reader,
            Function<SQLException, RuntimeException> failure) {
        this.connection = connection;
        this.statement = statement;
        this.rows = rows;
        this.reader = reader;
        this.failure = failure;
    }

    @Override
    public boolean hasNext() {
        if (closed) return false;
        if (ready == null) {
            try {
                ready = rows.next();
            } catch (SQLException e) {
                close();
                throw failure.apply(e);
            }
            if (!ready) close();
        }
        return ready;
    }

    @Override
    public T next() {
        if (!hasNext()) throw new NoSuchElementException();
        ready = null;
        try {
            return reader.read(rows);
        } catch (SQLException e) {
            close();
            throw failure.apply(e);
        }
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        closeQuietly(rows);
        closeQuietly(statement);
        try {
            if (!connection.getAutoCommit()) connection.rollback();
        } catch (SQLException ignored) {
            // The connection goes back to the pool either way; the pool checks it.
        }
        closeQuietly(connection);
    }

    /** Closes without letting a second failure hide the first. */
    public static void closeQuietly(AutoCloseable c) {
        if (c == null) return;
        try {
            c.close();
        } catch (Exception ignored) {
            // Already failing or finished; nothing more to report.
        }
    }
}
