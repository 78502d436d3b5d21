package dev.olaphttp.jdbc;

import dev.olaphttp.ExecutionResult;
import dev.olaphttp.Query;
import dev.olaphttp.QueryStats;
import dev.olaphttp.RowCursor;
import dev.olaphttp.Schema;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A statement of an {@link OlapConnection}'s session. {@code executeQuery} streams; {@link #cancel()} may be called
 * from any thread and stops the running statement (before its answer or while its rows stream).
 */
class OlapStatement extends StatementSettings {
    final OlapConnection conn;
    private volatile boolean closed;
    private volatile Query running;
    private volatile OlapResultSet current;
    private long updateCount = -1;
    private final List<String> batch = new ArrayList<>();

    OlapStatement(OlapConnection conn) {
        this.conn = conn;
    }

    @Override
    void checkOpen() throws SQLException {
        if (closed) {
            throw JdbcErrors.closed("Statement");
        }
        conn.checkOpen();
    }

    /** Closes the previous result and starts a statement with this statement's limits. */
    Query start(String sql) throws SQLException {
        checkOpen();
        closeCurrent();
        updateCount = -1;
        Query q = conn.query(sql);
        long budget = budgetMillis();
        try {
            if (budget > 0) {
                q.timeout(Duration.ofMillis(budget));
            }
            if (maxRows() > 0) {
                q.maxRows(maxRows());
            }
        } catch (RuntimeException e) {
            throw JdbcErrors.translate(e);
        }
        return q;
    }

    private long budgetMillis() {
        long statement = queryTimeoutSeconds() * 1000L;
        long network = conn.networkTimeoutMillis();
        if (statement == 0) {
            return network;
        }
        return network == 0 ? statement : Math.min(statement, network);
    }

    /** Runs {@code q} as a query: its result stays open, streaming, until closed. */
    OlapResultSet openResult(Query q) throws SQLException {
        running = q;
        try {
            OlapResultSet rs = new OlapResultSet(this, q.stream());
            current = rs;
            return rs;
        } catch (RuntimeException e) {
            running = null;
            throw JdbcErrors.translate(e);
        }
    }

    /** Runs {@code q}: a result when it has columns, else its update count. */
    boolean runAny(Query q) throws SQLException {
        running = q;
        RowCursor cursor;
        try {
            cursor = q.stream();
        } catch (RuntimeException e) {
            running = null;
            throw JdbcErrors.translate(e);
        }
        Schema schema = cursor.schema();
        if (schema.size() > 0 && !isInsertCount(schema)) {
            current = new OlapResultSet(this, cursor);
            return true;
        }
        try (cursor) {
            long inserted = -1;
            while (cursor.next()) {
                // only Databend's INSERT count row can be here; read to the confirmed end
                inserted = cursor.getLong(1);
            }
            updateCount = inserted >= 0 ? inserted : count(cursor.stats());
            return false;
        } catch (RuntimeException e) {
            throw JdbcErrors.translate(e);
        } finally {
            running = null;
        }
    }

    /** Databend answers an INSERT with one row of one column {@code number of rows inserted}. */
    private boolean isInsertCount(Schema schema) {
        return conn.dialect().isDatabend() && schema.size() == 1
                && schema.column(1).name().equals("number of rows inserted");
    }

    /** Runs {@code q} to its end and returns the rows it changed. */
    long runUpdate(Query q) throws SQLException {
        running = q;
        try {
            ExecutionResult r = q.execute();
            updateCount = count(r.stats());
            return updateCount;
        } catch (RuntimeException e) {
            throw JdbcErrors.translate(e);
        } finally {
            running = null;
        }
    }

    /** Affected rows as the server reported them, else rows written, else 0 (JDBC has no "unknown" count). */
    static long count(QueryStats stats) {
        if (stats.affectedRows() >= 0) {
            return stats.affectedRows();
        }
        return Math.max(stats.rowsWritten(), 0);
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        return openResult(start(sql));
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        return clamp(executeLargeUpdate(sql));
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        return runUpdate(start(sql));
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        return runAny(start(sql));
    }

    static int clamp(long n) {
        return n > Integer.MAX_VALUE ? Statement.SUCCESS_NO_INFO : (int) n;
    }

    void resultClosed(OlapResultSet rs) {
        if (current == rs) {
            current = null;
            running = null;
        }
        if (closesOnCompletion()) {
            closeQuietly();
        }
    }

    private void closeCurrent() throws SQLException {
        OlapResultSet rs = current;
        if (rs != null) {
            rs.close();
        }
    }

    @Override
    public void cancel() throws SQLException {
        if (closed) {
            throw JdbcErrors.closed("Statement");
        }
        cancelQuietly();
    }

    void cancelQuietly() {
        Query q = running;
        if (q != null) {
            try {
                q.cancel();
            } catch (RuntimeException e) {
                // cancel is best effort; the running call reports the outcome
            }
        }
    }

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            closeCurrent();
        } finally {
            conn.forget(this);
        }
    }

    void closeQuietly() {
        try {
            close();
        } catch (SQLException | RuntimeException e) {
            // closing releases what it can
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        checkOpen();
        return current;
    }

    @Override
    public int getUpdateCount() throws SQLException {
        checkOpen();
        return updateCount < 0 ? -1 : clamp(updateCount);
    }

    @Override
    public long getLargeUpdateCount() throws SQLException {
        checkOpen();
        return updateCount;
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        return getMoreResults(CLOSE_CURRENT_RESULT);
    }

    @Override
    public boolean getMoreResults(int mode) throws SQLException {
        checkOpen();
        closeCurrent();
        updateCount = -1;
        return false;
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        checkOpen();
        batch.add(sql);
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batch.clear();
    }

    @Override
    public int[] executeBatch() throws SQLException {
        long[] large = executeLargeBatch();
        int[] r = new int[large.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = clamp(large[i]);
        }
        return r;
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        checkOpen();
        List<String> todo = List.copyOf(batch);
        batch.clear();
        long[] counts = new long[todo.size()];
        for (int i = 0; i < todo.size(); i++) {
            try {
                counts[i] = executeLargeUpdate(todo.get(i));
            } catch (SQLException e) {
                throw batchFailure(e, Arrays.copyOf(counts, i));
            }
        }
        return counts;
    }

    static BatchUpdateException batchFailure(SQLException e, long[] done) {
        return new BatchUpdateException(e.getMessage(), e.getSQLState(), e.getErrorCode(), done, e);
    }

    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        checkOpen();
        return new OlapResultSet(this, new ListCursor(Schema.empty(), List.of()));
    }

    @Override
    public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        noKeys(autoGeneratedKeys);
        return executeUpdate(sql);
    }

    @Override
    public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
        throw JdbcErrors.unsupported("generated keys");
    }

    @Override
    public int executeUpdate(String sql, String[] columnNames) throws SQLException {
        throw JdbcErrors.unsupported("generated keys");
    }

    @Override
    public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
        noKeys(autoGeneratedKeys);
        return execute(sql);
    }

    @Override
    public boolean execute(String sql, int[] columnIndexes) throws SQLException {
        throw JdbcErrors.unsupported("generated keys");
    }

    @Override
    public boolean execute(String sql, String[] columnNames) throws SQLException {
        throw JdbcErrors.unsupported("generated keys");
    }

    private static void noKeys(int autoGeneratedKeys) throws SQLException {
        if (autoGeneratedKeys == RETURN_GENERATED_KEYS) {
            throw JdbcErrors.unsupported("generated keys");
        }
    }

    /** A hint only: results stream page by page (or line by line) whatever the size. */
    @Override
    public Connection getConnection() throws SQLException {
        checkOpen();
        return conn;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return Wrappers.unwrap(this, iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return Wrappers.isWrapperFor(this, iface);
    }
}
