package dev.olaphttp.jdbc;

import dev.olaphttp.Column;
import dev.olaphttp.RowCursor;
import dev.olaphttp.Schema;
import dev.olaphttp.TypeKind;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSetMetaData;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.List;

/**
 * A forward-only, read-only {@link java.sql.ResultSet} streaming from a {@link RowCursor}: each {@link #next()} is
 * the cursor's, so memory stays flat however large the result. Getters delegate to the cursor's typed getters;
 * what each column needs (NULL check, {@code getObject} conversion) is decided once, when the result opens.
 */
final class OlapResultSet extends ForwardOnlyResultSet {
    private static final byte NATURAL = 0;
    private static final byte DATE = 1;
    private static final byte TIMESTAMP = 2;
    private static final byte TIME = 3;
    private static final byte ARRAY = 4;

    private final OlapStatement owner;
    private final RowCursor cursor;
    private final Schema schema;
    /** Per column (1-based): whether a NULL check is needed, and what getObject returns. */
    private final boolean[] nullable;
    private final byte[] objectMode;
    private final Class<?>[] natural;
    private boolean wasNull;
    private boolean ended;
    private boolean closed; // a ResultSet is used from one thread (cancel() goes to the cursor)
    private int fetchSize;

    OlapResultSet(OlapStatement owner, RowCursor cursor) {
        this.owner = owner;
        this.cursor = cursor;
        this.schema = cursor.schema();
        int n = schema.size();
        this.nullable = new boolean[n + 1];
        this.objectMode = new byte[n + 1];
        this.natural = new Class<?>[n + 1];
        for (int i = 1; i <= n; i++) {
            Column c = schema.column(i);
            nullable[i] = c.type().nullable() || c.type().kind() == TypeKind.NOTHING;
            natural[i] = c.type().javaType();
            objectMode[i] = switch (c.type().kind()) {
                case DATE -> DATE;
                case TIMESTAMP -> TIMESTAMP;
                case TIME -> TIME;
                case ARRAY -> ARRAY;
                default -> NATURAL;
            };
        }
    }

    RowCursor cursor() {
        return cursor;
    }

    @Override
    public boolean next() throws SQLException {
        if (closed) {
            throw JdbcErrors.closed("ResultSet");
        }
        if (ended) {
            return false;
        }
        try {
            if (cursor.next()) {
                return true;
            }
            ended = true;
            return false;
        } catch (RuntimeException e) {
            throw JdbcErrors.translate(e);
        }
    }

    private RowCursor row() throws SQLException {
        if (closed) {
            throw JdbcErrors.closed("ResultSet");
        }
        return cursor;
    }

    /** True (and {@link #wasNull()} true) when the value is NULL; checks only nullable columns. */
    private boolean isNull(RowCursor r, int c) {
        boolean n = c < nullable.length && c > 0 ? nullable[c] && r.isNull(c) : r.isNull(c);
        wasNull = n;
        return n;
    }

    private SQLException fail(RuntimeException e, int column) {
        if (e instanceof IndexOutOfBoundsException) {
            return new SQLException("column index " + column + " is outside 1.." + schema.size(), "07009", e);
        }
        if (e instanceof IllegalStateException) {
            return new SQLException("no current row: call next() first", "24000", e);
        }
        return JdbcErrors.translate(e);
    }

    @Override
    public boolean wasNull() {
        return wasNull;
    }

    @Override
    public String getString(int c) throws SQLException {
        RowCursor r = row();
        try {
            String v = r.getString(c);
            wasNull = v == null;
            return v;
        } catch (RuntimeException e) {
            throw fail(e, c);
        }
    }

    @Override
    public boolean getBoolean(int c) throws SQLException {
        RowCursor r = row();
        try {
            return !isNull(r, c) && r.getBoolean(c);
        } catch (RuntimeException e) {
            throw fail(e, c);
        }
    }

    @Override
    public int getInt(int c) throws SQLException {
        RowCursor r = row();
        try {
            return isNull(r, c) ? 0 : r.getInt(c);
        } catch (RuntimeException e) {
            throw fail(e, c);
        }
    }

    @Override
    public long getLong(int c) throws SQLException {
        RowCursor r = row();
        try {
            return isNull(r, c) ? 0L : r.getLong(c);
        } catch (RuntimeException e) {
            throw fail(e, c);
        }
    }

    @Override
    public double getDouble(int c) throws SQLException {
        RowCursor r = row();
        try {
            return isNull(r, c) ? 0d : r.getDouble(c);
        } catch (RuntimeException e) {
            throw fail(e, c);
        }
    }

    @Override
    public BigDecimal getBigDecimal(int c) throws SQLException {
        RowCursor r = row();
        try {
            BigDecimal v = r.getBigDecimal(c);
            wasNull = v == null;
            return v;
        } catch (RuntimeException e) {
            throw fail(e, c);
        }
    }

    @Override
    public byte[] getBytes(int c) throws SQLException {
        RowCursor r = row();
        try {
            byte[] v = r.getBytes(c);
            wasNull = v == null;
            return v;
        } catch (RuntimeException e) {
            throw fail(e, c);
        }
    }

    /** The cursor's natural value (no JDBC conversion). */
    private Object natural(int c) throws SQLException {
        RowCursor r = row();
        try {
            Object v = r.getObject(c);
            wasNull = v == null;
            return v;
        } catch (RuntimeException e) {
            throw fail(e, c);
        }
    }

    private SQLException notA(int c, String what) {
        return new SQLDataException("column " + c + " (" + schema.column(c).type().name() + ") is not a " + what,
                "22018");
    }

    @Override
    public Date getDate(int c, Calendar cal) throws SQLException {
        Object v = natural(c);
        if (v == null) {
            return null;
        }
        Date d = JdbcTemporals.date(v instanceof String ? parsed(c, java.time.LocalDate.class) : v,
                JdbcTemporals.zone(cal));
        if (d == null) {
            throw notA(c, "date");
        }
        return d;
    }

    @Override
    public Time getTime(int c, Calendar cal) throws SQLException {
        Object v = natural(c);
        if (v == null) {
            return null;
        }
        Time t = JdbcTemporals.time(v instanceof String ? parsed(c, java.time.LocalTime.class) : v,
                JdbcTemporals.zone(cal));
        if (t == null) {
            throw notA(c, "time");
        }
        return t;
    }

    @Override
    public Timestamp getTimestamp(int c, Calendar cal) throws SQLException {
        Object v = natural(c);
        if (v == null) {
            return null;
        }
        Timestamp t = JdbcTemporals.timestamp(v instanceof String ? parsed(c, java.time.LocalDateTime.class) : v,
                JdbcTemporals.zone(cal));
        if (t == null) {
            throw notA(c, "timestamp");
        }
        return t;
    }

    /** A text value parsed by the cursor's own conversion rules. */
    private Object parsed(int c, Class<?> type) throws SQLException {
        try {
            return cursor.get(c, type);
        } catch (RuntimeException e) {
            throw fail(e, c);
        }
    }

    @Override
    public Object getObject(int c) throws SQLException {
        byte mode = c > 0 && c < objectMode.length ? objectMode[c] : NATURAL;
        return switch (mode) {
            case DATE -> getDate(c);
            case TIMESTAMP -> getTimestamp(c);
            case TIME -> getTime(c);
            case ARRAY -> getArray(c);
            default -> natural(c);
        };
    }

    @Override
    public <T> T getObject(int c, Class<T> type) throws SQLException {
        if (type == null) {
            throw new SQLException("type is null", "HY009");
        }
        RowCursor r = row();
        try {
            if (isNull(r, c)) {
                return null;
            }
        } catch (RuntimeException e) {
            throw fail(e, c);
        }
        if (c < natural.length && type == natural[c]) {
            return type.cast(natural(c)); // the value's own class: no conversion
        }
        if (type == Date.class) {
            return type.cast(getDate(c));
        } else if (type == Timestamp.class) {
            return type.cast(getTimestamp(c));
        } else if (type == Time.class) {
            return type.cast(getTime(c));
        } else if (type == Array.class) {
            return type.cast(getArray(c));
        }
        try {
            T v = r.get(c, type);
            wasNull = v == null;
            return v;
        } catch (RuntimeException e) {
            throw fail(e, c);
        }
    }

    @Override
    public Array getArray(int c) throws SQLException {
        Object v = natural(c);
        if (v == null) {
            return null;
        }
        if (!(v instanceof List<?> list)) {
            throw notA(c, "array");
        }
        List<dev.olaphttp.SqlType> el = schema.column(c).type().elements();
        return new OlapArray(el.isEmpty() ? null : el.get(0), list);
    }

    @Override
    public int findColumn(String label) throws SQLException {
        int i = schema.indexOf(label);
        if (i < 0) {
            throw new SQLException("no column labelled '" + label + "' in " + schema.names(), "42S22");
        }
        return i;
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        row();
        return new OlapResultSetMetaData(schema);
    }

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            cursor.close();
        } catch (RuntimeException e) {
            throw JdbcErrors.translate(e);
        } finally {
            if (owner != null) {
                owner.resultClosed(this);
            }
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    /** Cancels the cursor from any thread. */
    void cancel() {
        cursor.cancel();
    }

    @Override
    public Statement getStatement() {
        return owner;
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        row();
        return null;
    }

    @Override
    public void clearWarnings() {}

    @Override
    public boolean isBeforeFirst() throws SQLException {
        return row().rowNumber() == 0 && !ended;
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        row();
        return ended && cursor.rowNumber() > 0;
    }

    @Override
    public boolean isFirst() throws SQLException {
        return row().rowNumber() == 1 && !ended;
    }

    @Override
    public int getRow() throws SQLException {
        return ended ? 0 : (int) Math.min(Integer.MAX_VALUE, row().rowNumber());
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        if (rows < 0) {
            throw new SQLException("fetch size must be >= 0", "HY024");
        }
        this.fetchSize = rows;
    }

    @Override
    public int getFetchSize() {
        return fetchSize;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return Wrappers.unwrap(this, iface, cursor);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return Wrappers.isWrapperFor(this, iface, cursor);
    }
}
