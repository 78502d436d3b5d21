package dev.olaphttp.jdbc;

import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Struct;
import java.util.Map;

/** The parts of {@link Connection} these engines have no counterpart for over HTTP: each fails typed. */
abstract class UnsupportedConnection implements Connection {
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
}
