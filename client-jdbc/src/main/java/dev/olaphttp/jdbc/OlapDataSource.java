package dev.olaphttp.jdbc;

import dev.olaphttp.SqlClient;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} for pools and Spring: its connections share one {@link SqlClient} (one HTTP connection
 * pool), built on first use from the URL and properties; {@link #close()} closes that client. Each connection has
 * its own session. Connections for other credentials ({@link #getConnection(String, String)}) own their client.
 *
 * <pre>{@code
 * OlapDataSource ds = new OlapDataSource("jdbc:olaphttp:clickhouse://localhost:8123/default");
 * ds.setUser("default");
 * }</pre>
 */
public final class OlapDataSource implements DataSource, AutoCloseable {
    private final Properties properties = new Properties();
    private volatile String url;
    private SqlClient shared;
    private boolean borrowed;
    private boolean closed;
    private PrintWriter logWriter;
    private int loginTimeout;

    /** A data source to configure with {@link #setUrl(String)}. */
    public OlapDataSource() {}

    /** A data source for {@code jdbc:olaphttp:<dsn>}. */
    public OlapDataSource(String url) {
        setUrl(url);
    }

    /**
     * A data source over a client the application already has: its connections use {@code client} (each with its
     * own session) and {@link #close()} leaves it open.
     */
    public static OlapDataSource wrapping(SqlClient client) {
        OlapDataSource ds = new OlapDataSource();
        ds.url = JdbcUrl.PREFIX + client.dialect() + "://(client)";
        ds.shared = client;
        ds.borrowed = true;
        return ds;
    }

    /** The {@code jdbc:olaphttp:} URL; takes effect for a client not yet built. */
    public void setUrl(String url) {
        if (!JdbcUrl.accepts(url)) {
            throw new IllegalArgumentException("not a jdbc:olaphttp: URL");
        }
        this.url = url;
    }

    /** The URL, with credentials hidden. */
    public String getUrl() {
        return url == null ? null : JdbcUrl.redacted(url);
    }

    public void setUser(String user) {
        setProperty("user", user);
    }

    public void setPassword(String password) {
        setProperty("password", password);
    }

    /** A DSN option (or {@code user}/{@code password}). */
    public synchronized void setProperty(String name, String value) {
        if (value == null) {
            properties.remove(name);
        } else {
            properties.setProperty(name, value);
        }
    }

    private synchronized SqlClient shared() throws SQLException {
        if (closed) {
            throw JdbcErrors.closed("DataSource");
        }
        if (url == null) {
            throw new SQLException("no URL: call setUrl(jdbc:olaphttp:...)", "08001");
        }
        if (shared == null) {
            shared = JdbcUrl.client(url, properties);
        }
        return shared;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return open(shared(), false);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        shared(); // fails when closed or without a URL
        if (borrowed) {
            throw new SQLException("a data source over an existing client has that client's credentials", "28000");
        }
        Properties p;
        synchronized (this) {
            p = new Properties();
            p.putAll(properties);
        }
        p.setProperty("user", username);
        p.setProperty("password", password == null ? "" : password);
        return open(JdbcUrl.client(url, p), true);
    }

    private Connection open(SqlClient client, boolean owns) throws SQLException {
        try {
            return new OlapConnection(client, owns, JdbcUrl.redacted(url));
        } catch (RuntimeException e) {
            throw JdbcErrors.translate(e);
        }
    }

    /** Closes the shared client; connections still open fail from then on. Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        if (shared != null && !borrowed) {
            shared.close();
        }
        shared = null;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("the driver logs through SLF4J", "0A000");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return Wrappers.unwrap(this, iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return Wrappers.isWrapperFor(this, iface);
    }

    @Override
    public String toString() {
        return "OlapDataSource{" + getUrl() + "}";
    }
}
