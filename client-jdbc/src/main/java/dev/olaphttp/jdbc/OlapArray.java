package dev.olaphttp.jdbc;

import dev.olaphttp.Column;
import dev.olaphttp.Schema;
import dev.olaphttp.SqlType;
import dev.olaphttp.TypeKind;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A {@link java.sql.Array} over the {@code List} a cursor returned for an array column; immutable. */
final class OlapArray implements Array {
    private final SqlType element;
    private final List<?> values;

    OlapArray(SqlType element, List<?> values) {
        this.element = element == null ? SqlType.of(TypeKind.OTHER, "Unknown") : element;
        this.values = values;
    }

    @Override
    public String getBaseTypeName() {
        return element.name();
    }

    @Override
    public int getBaseType() {
        return JdbcTypes.sqlType(element);
    }

    @Override
    public Object getArray() {
        return values.toArray();
    }

    @Override
    public Object getArray(Map<String, Class<?>> map) {
        return getArray();
    }

    @Override
    public Object getArray(long index, int count) throws SQLException {
        return slice(index, count).toArray();
    }

    @Override
    public Object getArray(long index, int count, Map<String, Class<?>> map) throws SQLException {
        return getArray(index, count);
    }

    private List<?> slice(long index, int count) throws SQLException {
        if (index < 1 || count < 0 || index - 1 + count > values.size()) {
            throw new SQLException("array slice " + index + "+" + count + " is outside 1.." + values.size(), "2202E");
        }
        return values.subList((int) index - 1, (int) index - 1 + count);
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        return resultSet(values, 1);
    }

    @Override
    public ResultSet getResultSet(Map<String, Class<?>> map) throws SQLException {
        return getResultSet();
    }

    @Override
    public ResultSet getResultSet(long index, int count) throws SQLException {
        return resultSet(slice(index, count), index);
    }

    @Override
    public ResultSet getResultSet(long index, int count, Map<String, Class<?>> map) throws SQLException {
        return getResultSet(index, count);
    }

    /** JDBC's shape: INDEX (1-based) and VALUE. */
    private ResultSet resultSet(List<?> part, long first) {
        List<Object[]> rows = new ArrayList<>(part.size());
        for (int i = 0; i < part.size(); i++) {
            rows.add(new Object[] {first + i, part.get(i)});
        }
        Schema schema = Schema.of(List.of(new Column("INDEX", SqlType.of(TypeKind.INT64, "Int64")),
                new Column("VALUE", element)));
        return new OlapResultSet(null, new ListCursor(schema, rows));
    }

    @Override
    public void free() {}

    @Override
    public String toString() {
        return values.toString();
    }
}
