package dev.olaphttp.jdbc;

import dev.olaphttp.Column;
import dev.olaphttp.Schema;
import dev.olaphttp.SqlType;
import dev.olaphttp.TypeKind;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/** {@link ResultSetMetaData} read from a result's {@link Schema}; immutable. */
final class OlapResultSetMetaData implements ResultSetMetaData {
    private final Schema schema;

    OlapResultSetMetaData(Schema schema) {
        this.schema = schema;
    }

    private SqlType type(int column) throws SQLException {
        return col(column).type();
    }

    private Column col(int column) throws SQLException {
        if (column < 1 || column > schema.size()) {
            throw new SQLException("column index " + column + " is outside 1.." + schema.size(), "07009");
        }
        return schema.column(column);
    }

    @Override
    public int getColumnCount() {
        return schema.size();
    }

    @Override
    public boolean isAutoIncrement(int column) throws SQLException {
        col(column);
        return false;
    }

    @Override
    public boolean isCaseSensitive(int column) throws SQLException {
        TypeKind k = type(column).kind();
        return k == TypeKind.STRING || k == TypeKind.FIXED_STRING || k == TypeKind.ENUM || k == TypeKind.JSON;
    }

    @Override
    public boolean isSearchable(int column) throws SQLException {
        col(column);
        return true;
    }

    @Override
    public boolean isCurrency(int column) throws SQLException {
        col(column);
        return false;
    }

    @Override
    public int isNullable(int column) throws SQLException {
        return type(column).nullable() ? columnNullable : columnNoNulls;
    }

    @Override
    public boolean isSigned(int column) throws SQLException {
        return JdbcTypes.signed(type(column).kind());
    }

    @Override
    public int getColumnDisplaySize(int column) throws SQLException {
        SqlType t = type(column);
        int p = JdbcTypes.precision(t);
        if (p == 0) {
            return 80;
        }
        return t.kind() == TypeKind.DECIMAL ? p + (t.scale() > 0 ? 2 : 1) : JdbcTypes.signed(t.kind()) ? p + 1 : p;
    }

    @Override
    public String getColumnLabel(int column) throws SQLException {
        return col(column).name();
    }

    @Override
    public String getColumnName(int column) throws SQLException {
        return col(column).name();
    }

    @Override
    public String getSchemaName(int column) throws SQLException {
        col(column);
        return "";
    }

    @Override
    public int getPrecision(int column) throws SQLException {
        return JdbcTypes.precision(type(column));
    }

    @Override
    public int getScale(int column) throws SQLException {
        SqlType t = type(column);
        return t.kind() == TypeKind.DECIMAL ? t.scale()
                : t.kind() == TypeKind.TIMESTAMP || t.kind() == TypeKind.TIMESTAMP_TZ ? t.precision() : 0;
    }

    @Override
    public String getTableName(int column) throws SQLException {
        col(column);
        return "";
    }

    @Override
    public String getCatalogName(int column) throws SQLException {
        col(column);
        return "";
    }

    @Override
    public int getColumnType(int column) throws SQLException {
        return JdbcTypes.sqlType(type(column));
    }

    @Override
    public String getColumnTypeName(int column) throws SQLException {
        return type(column).name();
    }

    @Override
    public boolean isReadOnly(int column) throws SQLException {
        col(column);
        return true;
    }

    @Override
    public boolean isWritable(int column) throws SQLException {
        col(column);
        return false;
    }

    @Override
    public boolean isDefinitelyWritable(int column) throws SQLException {
        col(column);
        return false;
    }

    @Override
    public String getColumnClassName(int column) throws SQLException {
        return JdbcTypes.className(type(column));
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return Wrappers.unwrap(this, iface, schema);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return Wrappers.isWrapperFor(this, iface, schema);
    }
}
