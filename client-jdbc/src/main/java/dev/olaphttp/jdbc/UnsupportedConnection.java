package dev.olaphttp.jdbc;

import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Struct;
import java.util.Map;
import java.util.Properties;

/**
 * The parts of {@link Connection} that need no server: client info, holdability, warnings, and what these engines
 * have no counterpart for over HTTP (each fails typed).
 */
abstract class UnsupportedConnection implements Connection {
    private final Properties clientInfo = new Properties();

    abstract void checkOpen() throws SQLException;

    @Override
    public CallableStatement prepareCall(String sql, int type, int concurrency) throws SQLException {
        throw JdbcErrors.unsupported("stored procedures");
    }

    @Override
    public CallableStatement prepareCall(String sql, int type, int concurrency, int holdability)
            throws SQLException {
        throw JdbcErrors.unsupported("stored procedures");
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        throw JdbcErrors.unsupported("generated keys");
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        throw JdbcErrors.unsupported("generated keys");
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
        throw JdbcErrors.unsupported("type maps");
    }

    @Override
    public Savepoint setSavepoint(String name) throws SQLException {
        throw JdbcErrors.unsupported("savepoints");
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        throw JdbcErrors.unsupported("savepoints");
    }

    @Override
    public void releaseSavepoint(Savepoint savepoint) throws SQLException {
        throw JdbcErrors.unsupported("savepoints");
    }

    @Override
    public Clob createClob() throws SQLException {
        throw JdbcErrors.unsupported("Clob (use strings)");
    }

    @Override
    public Blob createBlob() throws SQLException {
        throw JdbcErrors.unsupported("Blob (use byte[])");
    }

    @Override
    public NClob createNClob() throws SQLException {
        throw JdbcErrors.unsupported("NClob (use strings)");
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        throw JdbcErrors.unsupported("SQLXML");
    }

    @Override
    public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
        throw JdbcErrors.unsupported("Struct");
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
    }

    @Override
    public void setHoldability(int holdability) throws SQLException {
        checkOpen();
        if (holdability != ResultSet.CLOSE_CURSORS_AT_COMMIT) {
            throw JdbcErrors.unsupported("holdability " + holdability);
        }
    }

    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        throw JdbcErrors.unsupported("savepoints");
    }

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        if (value == null) {
            clientInfo.remove(name);
        } else {
            clientInfo.setProperty(name, value);
        }
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        clientInfo.clear();
        clientInfo.putAll(properties);
    }

    @Override
    public String getClientInfo(String name) {
        return clientInfo.getProperty(name);
    }

    @Override
    public Properties getClientInfo() {
        Properties p = new Properties();
        p.putAll(clientInfo);
        return p;
    }

    @Override
    public Map<String, Class<?>> getTypeMap() {
        return Map.of();
    }
}
