package dev.olaphttp.jdbc;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.RowId;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;

/**
 * What a forward-only, read-only result derives from its core getters: narrower numbers, streams, date-times
 * without a calendar; and the moves and types it does not support.
 */
abstract class ForwardOnlyResultSet extends ByLabelResultSet {
    @Override
    public byte getByte(int c) throws SQLException {
        long v = getLong(c);
        if (v < Byte.MIN_VALUE || v > Byte.MAX_VALUE) {
            throw new SQLDataException("column " + c + " does not fit a byte", "22003");
        }
        return (byte) v;
    }

    @Override
    public short getShort(int c) throws SQLException {
        long v = getLong(c);
        if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
            throw new SQLDataException("column " + c + " does not fit a short", "22003");
        }
        return (short) v;
    }

    @Override
    public float getFloat(int c) throws SQLException {
        double d = getDouble(c);
        float f = (float) d;
        if (Float.isInfinite(f) && !Double.isInfinite(d)) {
            throw new SQLDataException("column " + c + " does not fit a float", "22003");
        }
        return f;
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(int c, int scale) throws SQLException {
        BigDecimal v = getBigDecimal(c);
        return v == null ? null : v.setScale(scale, RoundingMode.HALF_UP);
    }

    @Override
    public Date getDate(int c) throws SQLException {
        return getDate(c, (Calendar) null);
    }

    @Override
    public Time getTime(int c) throws SQLException {
        return getTime(c, (Calendar) null);
    }

    @Override
    public Timestamp getTimestamp(int c) throws SQLException {
        return getTimestamp(c, (Calendar) null);
    }

    @Override
    public Object getObject(int c, Map<String, Class<?>> map) throws SQLException {
        return getObject(c);
    }

    @Override
    public InputStream getAsciiStream(int c) throws SQLException {
        String s = getString(c);
        return s == null ? null : new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    @Deprecated
    public InputStream getUnicodeStream(int c) throws SQLException {
        String s = getString(c);
        return s == null ? null : new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_16BE));
    }

    @Override
    public InputStream getBinaryStream(int c) throws SQLException {
        byte[] b = getBytes(c);
        return b == null ? null : new ByteArrayInputStream(b);
    }

    @Override
    public Reader getCharacterStream(int c) throws SQLException {
        String s = getString(c);
        return s == null ? null : new StringReader(s);
    }

    @Override
    public String getNString(int c) throws SQLException {
        return getString(c);
    }

    @Override
    public Reader getNCharacterStream(int c) throws SQLException {
        return getCharacterStream(c);
    }

    @Override
    public java.net.URL getURL(int c) throws SQLException {
        String s = getString(c);
        try {
            return s == null ? null : java.net.URI.create(s).toURL();
        } catch (IllegalArgumentException | java.net.MalformedURLException e) {
            throw new SQLDataException("column " + c + " is not a URL", "22018", e);
        }
    }

    @Override
    public Ref getRef(int c) throws SQLException {
        throw JdbcErrors.unsupported("getRef");
    }

    @Override
    public Blob getBlob(int c) throws SQLException {
        throw JdbcErrors.unsupported("getBlob (use getBytes)");
    }

    @Override
    public Clob getClob(int c) throws SQLException {
        throw JdbcErrors.unsupported("getClob (use getString)");
    }

    @Override
    public NClob getNClob(int c) throws SQLException {
        throw JdbcErrors.unsupported("getNClob (use getString)");
    }

    @Override
    public RowId getRowId(int c) throws SQLException {
        throw JdbcErrors.unsupported("getRowId");
    }

    @Override
    public SQLXML getSQLXML(int c) throws SQLException {
        throw JdbcErrors.unsupported("getSQLXML");
    }

    @Override
    public String getCursorName() throws SQLException {
        throw JdbcErrors.unsupported("named cursors");
    }

    @Override
    public boolean isLast() throws SQLException {
        throw ForwardOnly.unsupported("isLast");
    }

    @Override
    public void beforeFirst() throws SQLException {
        throw ForwardOnly.unsupported("beforeFirst");
    }

    @Override
    public void afterLast() throws SQLException {
        throw ForwardOnly.unsupported("afterLast");
    }

    @Override
    public boolean first() throws SQLException {
        throw ForwardOnly.unsupported("first");
    }

    @Override
    public boolean last() throws SQLException {
        throw ForwardOnly.unsupported("last");
    }

    @Override
    public boolean absolute(int row) throws SQLException {
        throw ForwardOnly.unsupported("absolute");
    }

    @Override
    public boolean relative(int rows) throws SQLException {
        throw ForwardOnly.unsupported("relative");
    }

    @Override
    public boolean previous() throws SQLException {
        throw ForwardOnly.unsupported("previous");
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        if (direction != FETCH_FORWARD) {
            throw ForwardOnly.unsupported("fetch direction " + direction);
        }
    }

    @Override
    public int getFetchDirection() {
        return FETCH_FORWARD;
    }

    @Override
    public int getType() {
        return TYPE_FORWARD_ONLY;
    }

    @Override
    public int getHoldability() {
        return CLOSE_CURSORS_AT_COMMIT;
    }
}
