package dev.olaphttp.jdbc;

import dev.olaphttp.InsertResult;
import dev.olaphttp.Query;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A statement with JDBC {@code ?} parameters, bound the dialect's way (Databend's server-side {@code params},
 * ClickHouse's typed {@code {pN:Type}}, StarRocks' safe literals). A batch of one {@code INSERT ... VALUES (?, ...)}
 * in autocommit mode is a single bulk load through {@code client.insert(...)}.
 */
final class OlapPreparedStatement extends PreparedParameters implements PreparedStatement {
    private final Placeholders placeholders;
    private final BatchInsert bulk;
    private final List<Object[]> batchRows = new ArrayList<>();

    OlapPreparedStatement(OlapConnection conn, String sql) {
        super(conn, Placeholders.of(sql).count());
        this.placeholders = Placeholders.of(sql);
        this.bulk = BatchInsert.parse(sql);
    }

    private Query bound() throws SQLException {
        checkOpen();
        Object[] values = values();
        Query q = start(conn.dialect().sql(placeholders, values, nullTypes()));
        try {
            conn.dialect().bind(q, values);
        } catch (RuntimeException e) {
            throw JdbcErrors.translate(e);
        }
        return q;
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        return openResult(bound());
    }

    @Override
    public int executeUpdate() throws SQLException {
        return clamp(executeLargeUpdate());
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        return runUpdate(bound());
    }

    @Override
    public boolean execute() throws SQLException {
        return runAny(bound());
    }

    @Override
    public void addBatch() throws SQLException {
        checkOpen();
        batchRows.add(values());
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batchRows.clear();
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        checkOpen();
        List<Object[]> rows = List.copyOf(batchRows);
        batchRows.clear();
        if (rows.isEmpty()) {
            return new long[0];
        }
        if (bulk != null && bulk.width() == placeholders.count() && conn.getAutoCommit()) {
            return load(rows);
        }
        long[] counts = new long[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            try {
                restore(rows.get(i));
                counts[i] = executeLargeUpdate();
            } catch (SQLException e) {
                throw batchFailure(e, Arrays.copyOf(counts, i));
            }
        }
        return counts;
    }

    /** One bulk load: all rows or none. */
    private long[] load(List<Object[]> rows) throws SQLException {
        InsertResult r;
        try {
            var insert = conn.client().insert(bulk.target(conn.session().state().database().orElse(null)));
            if (!bulk.columns().isEmpty()) {
                insert.columns(bulk.columns());
            }
            r = insert.rows(rows);
        } catch (RuntimeException e) {
            throw batchFailure(JdbcErrors.translate(e), new long[0]);
        }
        long[] counts = new long[rows.size()];
        Arrays.fill(counts, r.rowsWritten() == rows.size() ? 1 : Statement.SUCCESS_NO_INFO);
        return counts;
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        return null; // known only once the statement runs
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        checkOpen();
        return new OlapParameterMetaData(placeholders.count());
    }

    private static SQLException notOnPrepared() {
        return new SQLException("a PreparedStatement runs its own SQL: call the method without a SQL argument", "HY000");
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        throw notOnPrepared();
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        throw notOnPrepared();
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        throw notOnPrepared();
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        throw notOnPrepared();
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        throw notOnPrepared();
    }
}
