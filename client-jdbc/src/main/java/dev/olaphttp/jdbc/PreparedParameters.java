package dev.olaphttp.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
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
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Calendar;

/**
 * The parameter setters of a prepared statement. Values are kept as the SDK's Java types: {@code java.sql} dates
 * become {@code java.time} values (wall-clock in the calendar's zone, else the JVM's), streams are read at once.
 */
abstract class PreparedParameters extends OlapStatement {
    private static final Object UNSET = new Object();
    private final Object[] values;
    private final int[] nullTypes;

    PreparedParameters(OlapConnection conn, int count) {
        super(conn);
        this.values = new Object[count];
        this.nullTypes = new int[count];
        Arrays.fill(values, UNSET);
        Arrays.fill(nullTypes, Types.NULL);
    }

    /** The bound values; fails (before anything is sent) when one is missing. */
    Object[] values() throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == UNSET) {
                throw new SQLException("parameter " + (i + 1) + " of " + values.length + " is not bound", "07001");
            }
        }
        return values.clone();
    }

    int[] nullTypes() {
        return nullTypes.clone();
    }

    /** Rebinds a row of a batch. */
    void restore(Object[] row) {
        System.arraycopy(row, 0, values, 0, values.length);
    }

    private void set(int index, Object value) throws SQLException {
        checkOpen();
        if (index < 1 || index > values.length) {
            throw new SQLException("parameter index " + index + " is outside 1.." + values.length, "07009");
        }
        values[index - 1] = value;
        nullTypes[index - 1] = Types.NULL;
    }

    public void clearParameters() throws SQLException {
        checkOpen();
        Arrays.fill(values, UNSET);
    }

    public void setNull(int i, int sqlType) throws SQLException {
        set(i, null);
        nullTypes[i - 1] = sqlType;
    }

    public void setNull(int i, int sqlType, String typeName) throws SQLException {
        setNull(i, sqlType);
    }

    public void setBoolean(int i, boolean x) throws SQLException {
        set(i, x);
    }

    public void setByte(int i, byte x) throws SQLException {
        set(i, x);
    }

    public void setShort(int i, short x) throws SQLException {
        set(i, x);
    }

    public void setInt(int i, int x) throws SQLException {
        set(i, x);
    }

    public void setLong(int i, long x) throws SQLException {
        set(i, x);
    }

    public void setFloat(int i, float x) throws SQLException {
        set(i, x);
    }

    public void setDouble(int i, double x) throws SQLException {
        set(i, x);
    }

    public void setBigDecimal(int i, BigDecimal x) throws SQLException {
        set(i, x);
    }

    public void setString(int i, String x) throws SQLException {
        set(i, x);
    }

    public void setNString(int i, String x) throws SQLException {
        set(i, x);
    }

    public void setBytes(int i, byte[] x) throws SQLException {
        set(i, x == null ? null : x.clone());
    }

    public void setDate(int i, Date x) throws SQLException {
        setDate(i, x, null);
    }

    public void setDate(int i, Date x, Calendar cal) throws SQLException {
        set(i, x == null ? null : cal == null ? x.toLocalDate()
                : x.toInstant().atZone(zone(cal)).toLocalDate());
    }

    public void setTime(int i, Time x) throws SQLException {
        setTime(i, x, null);
    }

    public void setTime(int i, Time x, Calendar cal) throws SQLException {
        set(i, x == null ? null : cal == null ? x.toLocalTime()
                : java.time.Instant.ofEpochMilli(x.getTime()).atZone(zone(cal)).toLocalTime());
    }

    public void setTimestamp(int i, Timestamp x) throws SQLException {
        setTimestamp(i, x, null);
    }

    public void setTimestamp(int i, Timestamp x, Calendar cal) throws SQLException {
        set(i, x == null ? null : cal == null ? x.toLocalDateTime() : LocalDateTime.ofInstant(x.toInstant(), zone(cal)));
    }

    private static ZoneId zone(Calendar cal) {
        return cal.getTimeZone().toZoneId();
    }

    public void setObject(int i, Object x) throws SQLException {
        if (x instanceof Date d) {
            setDate(i, d);
        } else if (x instanceof Timestamp t) {
            setTimestamp(i, t);
        } else if (x instanceof Time t) {
            setTime(i, t);
        } else if (x instanceof Array a) {
            setArray(i, a);
        } else if (x instanceof java.util.Date d) {
            setTimestamp(i, new Timestamp(d.getTime()));
        } else {
            set(i, x);
        }
    }

    public void setObject(int i, Object x, int targetSqlType) throws SQLException {
        if (x == null) {
            setNull(i, targetSqlType);
        } else {
            setObject(i, x);
        }
    }

    public void setObject(int i, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        setObject(i, x, targetSqlType);
    }

    public void setArray(int i, Array x) throws SQLException {
        set(i, x == null ? null : Arrays.asList((Object[]) x.getArray()));
    }

    public void setURL(int i, URL x) throws SQLException {
        set(i, x == null ? null : x.toString());
    }

    public void setAsciiStream(int i, InputStream x, int length) throws SQLException {
        setAsciiStream(i, x, (long) length);
    }

    public void setAsciiStream(int i, InputStream x, long length) throws SQLException {
        byte[] b = read(x, length);
        set(i, b == null ? null : new String(b, StandardCharsets.US_ASCII));
    }

    public void setAsciiStream(int i, InputStream x) throws SQLException {
        setAsciiStream(i, x, -1L);
    }

    @Deprecated
    public void setUnicodeStream(int i, InputStream x, int length) throws SQLException {
        byte[] b = read(x, length);
        set(i, b == null ? null : new String(b, StandardCharsets.UTF_16BE));
    }

    public void setBinaryStream(int i, InputStream x, int length) throws SQLException {
        setBinaryStream(i, x, (long) length);
    }

    public void setBinaryStream(int i, InputStream x, long length) throws SQLException {
        set(i, read(x, length));
    }

    public void setBinaryStream(int i, InputStream x) throws SQLException {
        setBinaryStream(i, x, -1L);
    }

    public void setCharacterStream(int i, Reader x, int length) throws SQLException {
        setCharacterStream(i, x, (long) length);
    }

    public void setCharacterStream(int i, Reader x, long length) throws SQLException {
        set(i, read(x, length));
    }

    public void setCharacterStream(int i, Reader x) throws SQLException {
        setCharacterStream(i, x, -1L);
    }

    public void setNCharacterStream(int i, Reader x, long length) throws SQLException {
        setCharacterStream(i, x, length);
    }

    public void setNCharacterStream(int i, Reader x) throws SQLException {
        setCharacterStream(i, x, -1L);
    }

    private static byte[] read(InputStream in, long length) throws SQLException {
        if (in == null) {
            return null;
        }
        try {
            byte[] b = length < 0 ? in.readAllBytes() : in.readNBytes((int) Math.min(length, Integer.MAX_VALUE));
            if (length >= 0 && b.length != length) {
                throw new SQLDataException("the stream ended after " + b.length + " of " + length + " bytes", "22026");
            }
            return b;
        } catch (IOException e) {
            throw new SQLDataException("cannot read the parameter stream", "22000", e);
        }
    }

    private static String read(Reader in, long length) throws SQLException {
        if (in == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[8192];
        try {
            for (int n; (length < 0 || sb.length() < length) && (n = in.read(buf, 0,
                    (int) (length < 0 ? buf.length : Math.min(buf.length, length - sb.length())))) > 0;) {
                sb.append(buf, 0, n);
            }
        } catch (IOException e) {
            throw new SQLDataException("cannot read the parameter reader", "22000", e);
        }
        if (length >= 0 && sb.length() != length) {
            throw new SQLDataException("the reader ended after " + sb.length() + " of " + length + " chars", "22026");
        }
        return sb.toString();
    }

    public void setRef(int i, Ref x) throws SQLException {
        throw JdbcErrors.unsupported("Ref parameters");
    }

    public void setBlob(int i, Blob x) throws SQLException {
        throw JdbcErrors.unsupported("Blob parameters (use setBytes)");
    }

    public void setBlob(int i, InputStream x, long length) throws SQLException {
        throw JdbcErrors.unsupported("Blob parameters (use setBinaryStream)");
    }

    public void setBlob(int i, InputStream x) throws SQLException {
        throw JdbcErrors.unsupported("Blob parameters (use setBinaryStream)");
    }

    public void setClob(int i, Clob x) throws SQLException {
        throw JdbcErrors.unsupported("Clob parameters (use setString)");
    }

    public void setClob(int i, Reader x, long length) throws SQLException {
        setCharacterStream(i, x, length);
    }

    public void setClob(int i, Reader x) throws SQLException {
        setCharacterStream(i, x);
    }

    public void setNClob(int i, NClob x) throws SQLException {
        throw JdbcErrors.unsupported("NClob parameters (use setString)");
    }

    public void setNClob(int i, Reader x, long length) throws SQLException {
        setCharacterStream(i, x, length);
    }

    public void setNClob(int i, Reader x) throws SQLException {
        setCharacterStream(i, x);
    }

    public void setRowId(int i, RowId x) throws SQLException {
        throw JdbcErrors.unsupported("RowId parameters");
    }

    public void setSQLXML(int i, SQLXML x) throws SQLException {
        throw JdbcErrors.unsupported("SQLXML parameters");
    }
}
