package dev.olaphttp.jdbc;

import dev.olaphttp.Query;
import dev.olaphttp.SqlClient;
import dev.olaphttp.SqlSession;
import java.sql.CallableStatement;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * A JDBC connection over one {@link SqlSession}: {@code USE}/{@code SET} carry forward from statement to statement,
 * Databend transactions run with {@code BEGIN/COMMIT/ROLLBACK}. Closing it closes its statements and the session
 * (and the client, when the connection owns it).
 */
final class OlapConnection extends UnsupportedConnection {
    private final SqlClient client;
    private final boolean ownsClient;
    private final String url;
    private final DialectSupport dialect;
    private final SqlSession session;
    private final Set<OlapStatement> statements = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private boolean autoCommit = true;
    private boolean inTransaction;
    private boolean readOnly;
    private volatile int networkTimeoutMillis;

    OlapConnection(SqlClient client, boolean ownsClient, String url) {
        this.client = client;
        this.ownsClient = ownsClient;
        this.url = url;
        this.dialect = DialectSupport.of(client.dialect());
        SqlSession s;
        try {
            s = client.openSession();
        } catch (RuntimeException e) {
            if (ownsClient) {
                client.close();
            }
            throw e;
        }
        this.session = s;
    }

    SqlClient client() {
        return client;
    }

    DialectSupport dialect() {
        return dialect;
    }

    String url() {
        return url;
    }

    SqlSession session() {
        return session;
    }

    @Override
    void checkOpen() throws SQLException {
        if (closed) {
            throw JdbcErrors.closed("Connection");
        }
    }

    /** A statement of this session (a Databend transaction begun first when autocommit is off). */
    Query query(String sql) throws SQLException {
        checkOpen();
        String word = leadingWord(sql);
        if (!autoCommit && (word.equals("COMMIT") || word.equals("ROLLBACK") || word.equals("ABORT"))) {
            inTransaction = false; // the statement ends it; the next one begins another
        } else if (!autoCommit && (word.equals("BEGIN") || word.equals("START"))) {
            inTransaction = true;
        } else {
            beginIfNeeded();
        }
        try {
            return session.sql(sql);
        } catch (RuntimeException e) {
            throw JdbcErrors.translate(e);
        }
    }

    int networkTimeoutMillis() {
        return networkTimeoutMillis;
    }

    boolean inTransaction() {
        return inTransaction;
    }

    /** The first keyword, upper-cased, after blanks and comments. */
    static String leadingWord(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == '(' || c == ';') {
                i++;
            } else if (sql.startsWith("--", i)) {
                int nl = sql.indexOf('\n', i);
                i = nl < 0 ? n : nl + 1;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else {
                break;
            }
        }
        int start = i;
        while (i < n && Character.isLetter(sql.charAt(i))) {
            i++;
        }
        return sql.substring(start, i).toUpperCase(java.util.Locale.ROOT);
    }

    private void beginIfNeeded() throws SQLException {
        if (!autoCommit && !inTransaction) {
            run("BEGIN");
            inTransaction = true;
        }
    }

    private void run(String sql) throws SQLException {
        try {
            session.sql(sql).execute();
        } catch (RuntimeException e) {
            throw JdbcErrors.translate(e);
        }
    }

    void forget(OlapStatement s) {
        statements.remove(s);
    }

    private <T extends OlapStatement> T track(T s) {
        statements.add(s);
        return s;
    }

    @Override
    public Statement createStatement() throws SQLException {
        checkOpen();
        return track(new OlapStatement(this));
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        checkOpen();
        return track(new OlapPreparedStatement(this, sql));
    }

    @Override
    public Statement createStatement(int type, int concurrency) throws SQLException {
        ResultSets.check(type, concurrency, ResultSet.CLOSE_CURSORS_AT_COMMIT);
        return createStatement();
    }

    @Override
    public Statement createStatement(int type, int concurrency, int holdability) throws SQLException {
        ResultSets.check(type, concurrency, holdability);
        return createStatement();
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int type, int concurrency) throws SQLException {
        ResultSets.check(type, concurrency, ResultSet.CLOSE_CURSORS_AT_COMMIT);
        return prepareStatement(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int type, int concurrency, int holdability)
            throws SQLException {
        ResultSets.check(type, concurrency, holdability);
        return prepareStatement(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        if (autoGeneratedKeys == Statement.RETURN_GENERATED_KEYS) {
            throw JdbcErrors.unsupported("generated keys");
        }
        return prepareStatement(sql);
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        throw JdbcErrors.unsupported("stored procedures");
    }

    @Override
    public String nativeSQL(String sql) throws SQLException {
        checkOpen();
        return sql;
    }

    @Override
    public void setAutoCommit(boolean on) throws SQLException {
        checkOpen();
        if (!on && !dialect.transactions()) {
            throw new SQLFeatureNotSupportedException(dialect.productName()
                    + " has no transactions over its HTTP API: only autocommit is supported", "0A000");
        }
        if (on && !autoCommit && inTransaction) {
            commit();
        }
        autoCommit = on;
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        checkOpen();
        return autoCommit;
    }

    @Override
    public void commit() throws SQLException {
        endTransaction("COMMIT");
    }

    @Override
    public void rollback() throws SQLException {
        endTransaction("ROLLBACK");
    }

    private void endTransaction(String sql) throws SQLException {
        checkOpen();
        if (autoCommit) {
            throw new SQLException(sql + " in autocommit mode", "25000");
        }
        if (inTransaction) {
            inTransaction = false;
            run(sql);
        }
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        checkOpen();
        if (level != getTransactionIsolation()) {
            throw JdbcErrors.unsupported("transaction isolation level " + level);
        }
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        checkOpen();
        return dialect.transactions() ? TRANSACTION_REPEATABLE_READ : TRANSACTION_NONE;
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        checkOpen();
        return new OlapDatabaseMetaData(this);
    }

    @Override
    public void setReadOnly(boolean readOnly) throws SQLException {
        checkOpen();
        this.readOnly = readOnly;
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        checkOpen();
        return readOnly;
    }

    @Override
    public void setCatalog(String catalog) throws SQLException {
        checkOpen();
        if (catalog != null && dialect.catalogs() && !catalog.equals(getCatalog())) {
            run(dialect.setCatalogSql(catalog));
        }
    }

    @Override
    public String getCatalog() throws SQLException {
        checkOpen();
        if (dialect.isDatabend()) {
            return "default";
        }
        return dialect.catalogs() ? session.state().catalog().orElse("default_catalog") : null;
    }

    @Override
    public void setSchema(String schema) throws SQLException {
        checkOpen();
        if (schema == null || schema.isEmpty()) {
            throw new SQLException("schema must not be empty", "3F000");
        }
        run(dialect.useSql(schema));
    }

    @Override
    public String getSchema() throws SQLException {
        checkOpen();
        return session.state().database().orElse(null);
    }

    @Override
    public boolean isValid(int timeoutSeconds) throws SQLException {
        if (timeoutSeconds < 0) {
            throw new SQLException("timeout must be >= 0", "HY000");
        }
        if (closed) {
            return false;
        }
        try {
            Query q = client.sql("SELECT 1");
            if (timeoutSeconds > 0) {
                q.timeout(Duration.ofSeconds(timeoutSeconds));
            }
            return q.single(r -> r.getLong(1)) == 1L;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        checkOpen();
        if (milliseconds < 0) {
            throw new SQLException("network timeout must be >= 0", "HY000");
        }
        networkTimeoutMillis = milliseconds;
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        checkOpen();
        return networkTimeoutMillis;
    }

    @Override
    public void abort(Executor executor) throws SQLException {
        if (executor == null) {
            throw new SQLException("executor is null", "HY009");
        }
        if (closed) {
            return;
        }
        closed = true;
        for (OlapStatement s : statements) {
            s.cancelQuietly();
        }
        executor.execute(this::release);
    }

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        release();
    }

    private void release() {
        for (OlapStatement s : statements) {
            s.closeQuietly();
        }
        statements.clear();
        try {
            session.close();
        } catch (RuntimeException e) {
            // the server session expires on its own; closing must not fail
        } finally {
            if (ownsClient) {
                client.close();
            }
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    /** Open statements, for tests and leak checks. */
    int openStatements() {
        return statements.size();
    }

    @Override
    public java.sql.Array createArrayOf(String typeName, Object[] elements) throws SQLException {
        checkOpen();
        return new OlapArray(null, java.util.Arrays.asList(elements.clone()));
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return Wrappers.unwrap(this, iface, client, session);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return Wrappers.isWrapperFor(this, iface, client, session);
    }

    @Override
    public String toString() {
        return "OlapConnection{" + dialect.id() + (closed ? ", closed" : "") + "}";
    }
}
