package dev.olaphttp.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;

/** The by-label getters of {@link ResultSet}, each the by-index getter of {@link #findColumn(String)}. */
abstract class ByLabelResultSet extends ReadOnlyResultSet {
    @Override
    public String getString(String label) throws SQLException {
        return getString(findColumn(label));
    }

    @Override
    public boolean getBoolean(String label) throws SQLException {
        return getBoolean(findColumn(label));
    }

    @Override
    public byte getByte(String label) throws SQLException {
        return getByte(findColumn(label));
    }

    @Override
    public short getShort(String label) throws SQLException {
        return getShort(findColumn(label));
    }

    @Override
    public int getInt(String label) throws SQLException {
        return getInt(findColumn(label));
    }

    @Override
    public long getLong(String label) throws SQLException {
        return getLong(findColumn(label));
    }

    @Override
    public float getFloat(String label) throws SQLException {
        return getFloat(findColumn(label));
    }

    @Override
    public double getDouble(String label) throws SQLException {
        return getDouble(findColumn(label));
    }

    @Override
    @Deprecated
    public java.math.BigDecimal getBigDecimal(String label, int x0) throws SQLException {
        return getBigDecimal(findColumn(label), x0);
    }

    @Override
    public byte[] getBytes(String label) throws SQLException {
        return getBytes(findColumn(label));
    }

    @Override
    public java.sql.Date getDate(String label) throws SQLException {
        return getDate(findColumn(label));
    }

    @Override
    public java.sql.Time getTime(String label) throws SQLException {
        return getTime(findColumn(label));
    }

    @Override
    public java.sql.Timestamp getTimestamp(String label) throws SQLException {
        return getTimestamp(findColumn(label));
    }

    @Override
    public java.io.InputStream getAsciiStream(String label) throws SQLException {
        return getAsciiStream(findColumn(label));
    }

    @Override
    @Deprecated
    public java.io.InputStream getUnicodeStream(String label) throws SQLException {
        return getUnicodeStream(findColumn(label));
    }

    @Override
    public java.io.InputStream getBinaryStream(String label) throws SQLException {
        return getBinaryStream(findColumn(label));
    }

    @Override
    public Object getObject(String label) throws SQLException {
        return getObject(findColumn(label));
    }

    @Override
    public java.io.Reader getCharacterStream(String label) throws SQLException {
        return getCharacterStream(findColumn(label));
    }

    @Override
    public java.math.BigDecimal getBigDecimal(String label) throws SQLException {
        return getBigDecimal(findColumn(label));
    }

    @Override
    public Object getObject(String label, java.util.Map<String, Class<?>> x0) throws SQLException {
        return getObject(findColumn(label), x0);
    }

    @Override
    public java.sql.Ref getRef(String label) throws SQLException {
        return getRef(findColumn(label));
    }

    @Override
    public java.sql.Blob getBlob(String label) throws SQLException {
        return getBlob(findColumn(label));
    }

    @Override
    public java.sql.Clob getClob(String label) throws SQLException {
        return getClob(findColumn(label));
    }

    @Override
    public java.sql.Array getArray(String label) throws SQLException {
        return getArray(findColumn(label));
    }

    @Override
    public java.sql.Date getDate(String label, java.util.Calendar x0) throws SQLException {
        return getDate(findColumn(label), x0);
    }

    @Override
    public java.sql.Time getTime(String label, java.util.Calendar x0) throws SQLException {
        return getTime(findColumn(label), x0);
    }

    @Override
    public java.sql.Timestamp getTimestamp(String label, java.util.Calendar x0) throws SQLException {
        return getTimestamp(findColumn(label), x0);
    }

    @Override
    public java.net.URL getURL(String label) throws SQLException {
        return getURL(findColumn(label));
    }

    @Override
    public java.sql.RowId getRowId(String label) throws SQLException {
        return getRowId(findColumn(label));
    }

    @Override
    public java.sql.NClob getNClob(String label) throws SQLException {
        return getNClob(findColumn(label));
    }

    @Override
    public java.sql.SQLXML getSQLXML(String label) throws SQLException {
        return getSQLXML(findColumn(label));
    }

    @Override
    public String getNString(String label) throws SQLException {
        return getNString(findColumn(label));
    }

    @Override
    public java.io.Reader getNCharacterStream(String label) throws SQLException {
        return getNCharacterStream(findColumn(label));
    }

    @Override
    public <T> T getObject(String label, Class<T> x0) throws SQLException {
        return getObject(findColumn(label), x0);
    }
}
