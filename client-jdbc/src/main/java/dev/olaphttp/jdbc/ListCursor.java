package dev.olaphttp.jdbc;

import dev.olaphttp.ErrorDetails;
import dev.olaphttp.NullValueException;
import dev.olaphttp.QueryStats;
import dev.olaphttp.RowCursor;
import dev.olaphttp.Schema;
import dev.olaphttp.TypeConversionException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A {@link RowCursor} over rows already in memory: the small results {@code DatabaseMetaData} builds. Values are
 * strings, integers, booleans or {@code null}.
 */
final class ListCursor implements RowCursor {
    private final Schema schema;
    private final List<Object[]> rows;
    private int index = -1;
    private Object[] row;

    ListCursor(Schema schema, List<Object[]> rows) {
        this.schema = schema;
        this.rows = rows;
    }

    @Override
    public boolean next() {
        if (index + 1 >= rows.size()) {
            index = rows.size();
            row = null;
            return false;
        }
        row = rows.get(++index);
        return true;
    }

    private Object value(int column) {
        if (row == null) {
            throw new IllegalStateException("no current row");
        }
        schema.column(column);
        return row[column - 1];
    }

    private Object present(int column, String getter) {
        Object v = value(column);
        if (v == null) {
            throw new NullValueException("column " + column + " is NULL; " + getter + " cannot return it",
                    ErrorDetails.none());
        }
        return v;
    }

    private static TypeConversionException cannot(int column, String to) {
        return new TypeConversionException("column " + column + " cannot be read as " + to, null, ErrorDetails.none());
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public boolean isNull(int column) {
        return value(column) == null;
    }

    @Override
    public long getLong(int column) {
        Object v = present(column, "getLong");
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        try {
            return Long.parseLong(v.toString().trim());
        } catch (NumberFormatException e) {
            throw cannot(column, "long");
        }
    }

    @Override
    public int getInt(int column) {
        long v = getLong(column);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw cannot(column, "int");
        }
        return (int) v;
    }

    @Override
    public double getDouble(int column) {
        Object v = present(column, "getDouble");
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(v.toString().trim());
        } catch (NumberFormatException e) {
            throw cannot(column, "double");
        }
    }

    @Override
    public boolean getBoolean(int column) {
        Object v = present(column, "getBoolean");
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n) {
            return n.longValue() != 0;
        }
        String s = v.toString().trim();
        if (s.equalsIgnoreCase("true") || s.equals("1") || s.equalsIgnoreCase("yes")) {
            return true;
        }
        if (s.equalsIgnoreCase("false") || s.equals("0") || s.equalsIgnoreCase("no")) {
            return false;
        }
        throw cannot(column, "boolean");
    }

    @Override
    public String getString(int column) {
        Object v = value(column);
        return v == null ? null : v.toString();
    }

    @Override
    public BigDecimal getBigDecimal(int column) {
        Object v = value(column);
        return v == null ? null : v instanceof Number n && !(v instanceof Double) ? BigDecimal.valueOf(n.longValue())
                : parseDecimal(column, v.toString());
    }

    private static BigDecimal parseDecimal(int column, String s) {
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            throw cannot(column, "BigDecimal");
        }
    }

    @Override
    public BigInteger getBigInteger(int column) {
        Object v = value(column);
        return v == null ? null : BigInteger.valueOf(getLong(column));
    }

    @Override
    public Instant getInstant(int column) {
        throw cannot(column, "Instant");
    }

    @Override
    public LocalDate getLocalDate(int column) {
        throw cannot(column, "LocalDate");
    }

    @Override
    public LocalDateTime getLocalDateTime(int column) {
        throw cannot(column, "LocalDateTime");
    }

    @Override
    public OffsetDateTime getOffsetDateTime(int column) {
        throw cannot(column, "OffsetDateTime");
    }

    @Override
    public byte[] getBytes(int column) {
        String s = getString(column);
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Object getObject(int column) {
        Object v = value(column);
        return v instanceof Short s ? Integer.valueOf(s) : v; // SMALLINT reads as Integer, as JDBC says
    }

    @Override
    public <T> T get(int column, Class<T> type) {
        Object v = value(column);
        if (v == null) {
            return null;
        }
        if (type.isInstance(v)) {
            return type.cast(v);
        }
        if (type == String.class) {
            return type.cast(v.toString());
        }
        if (type == Long.class) {
            return type.cast(getLong(column));
        }
        if (type == Integer.class) {
            return type.cast(getInt(column));
        }
        if (type == Short.class) {
            return type.cast((short) getInt(column));
        }
        if (type == Boolean.class) {
            return type.cast(getBoolean(column));
        }
        throw cannot(column, type.getSimpleName());
    }

    @Override
    public String queryId() {
        return "";
    }

    @Override
    public long rowNumber() {
        return Math.max(index, 0);
    }

    @Override
    public QueryStats stats() {
        return QueryStats.unknown();
    }

    @Override
    public Map<String, String> serverInfo() {
        return Map.of();
    }

    @Override
    public void cancel() {}

    @Override
    public void close() {}
}
