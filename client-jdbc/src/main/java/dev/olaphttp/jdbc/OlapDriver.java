package dev.olaphttp.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The olaphttp JDBC driver: {@code jdbc:olaphttp:<dsn>} for every dialect on the class path, e.g.
 * {@code jdbc:olaphttp:clickhouse://host:8123/db}, {@code jdbc:olaphttp:databend://host:8000/db},
 * {@code jdbc:olaphttp:starrocks://host:8030/default_catalog.db}. Properties {@code user} and {@code password} are
 * the credentials; any other property is a DSN option. Registered through {@code META-INF/services}.
 *
 * <p>Each connection made here owns its own client; for pools prefer {@link OlapDataSource}, whose connections
 * share one.
 */
public final class OlapDriver implements Driver {
    static final int MAJOR = 0;
    static final int MINOR = 1;
    static final String VERSION = MAJOR + "." + MINOR;

    static {
        try {
            DriverManager.registerDriver(new OlapDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A driver; {@link DriverManager} finds one through the service loader. */
    public OlapDriver() {}

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        return new OlapConnection(JdbcUrl.client(url, info), true, JdbcUrl.redacted(url));
    }

    @Override
    public boolean acceptsURL(String url) {
        return JdbcUrl.accepts(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        DriverPropertyInfo user = new DriverPropertyInfo("user", info == null ? null : info.getProperty("user"));
        user.description = "the user name";
        DriverPropertyInfo password = new DriverPropertyInfo("password", null);
        password.description = "the password";
        return new DriverPropertyInfo[] {user, password};
    }

    @Override
    public int getMajorVersion() {
        return MAJOR;
    }

    @Override
    public int getMinorVersion() {
        return MINOR;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("the driver logs through SLF4J", "0A000");
    }
}
