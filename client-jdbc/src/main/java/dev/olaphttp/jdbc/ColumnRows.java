package dev.olaphttp.jdbc;

import dev.olaphttp.RowCursor;
import dev.olaphttp.Schema;
import dev.olaphttp.TypeKind;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects {@code getColumns} rows from the engine's column catalog (schema, table, column, type, is_nullable,
 * default), numbering columns in the order the server lists them within each table.
 */
final class ColumnRows {
    static final Schema SCHEMA = MetaResults.schema("TABLE_CAT:s", "TABLE_SCHEM:s", "TABLE_NAME:s", "COLUMN_NAME:s",
            "DATA_TYPE:i", "TYPE_NAME:s", "COLUMN_SIZE:i", "BUFFER_LENGTH:i", "DECIMAL_DIGITS:i", "NUM_PREC_RADIX:i",
            "NULLABLE:i", "REMARKS:s", "COLUMN_DEF:s", "SQL_DATA_TYPE:i", "SQL_DATETIME_SUB:i", "CHAR_OCTET_LENGTH:i",
            "ORDINAL_POSITION:i", "IS_NULLABLE:s", "SCOPE_CATALOG:s", "SCOPE_SCHEMA:s", "SCOPE_TABLE:s",
            "SOURCE_DATA_TYPE:h", "IS_AUTOINCREMENT:s", "IS_GENERATEDCOLUMN:s");

    private final String catalog;
    private final Pattern schemas;
    private final Pattern tables;
    private final Pattern columns;
    private final List<Object[]> rows = new ArrayList<>();
    private String lastTable;
    private int position;

    ColumnRows(String catalog, String schemaPattern, String tablePattern, String columnPattern) {
        this.catalog = catalog;
        this.schemas = MetaResults.like(schemaPattern);
        this.tables = MetaResults.like(tablePattern);
        this.columns = MetaResults.like(columnPattern);
    }

    void add(RowCursor r) {
        String schema = r.getString(1);
        String table = r.getString(2);
        String key = schema + "\u0000" + table;
        position = key.equals(lastTable) ? position + 1 : 1;
        lastTable = key;
        String column = r.getString(3);
        if (!MetaResults.matches(schemas, schema) || !MetaResults.matches(tables, table)
                || !MetaResults.matches(columns, column)) {
            return;
        }
        String type = r.getString(4);
        String isNullable = r.getString(5);
        boolean nullable = isNullable == null ? JdbcTypes.nullableName(type)
                : isNullable.equalsIgnoreCase("YES") || isNullable.equals("1") || isNullable.equalsIgnoreCase("true");
        TypeKind kind = JdbcTypes.kindOf(type);
        int[] args = JdbcTypes.numericArgs(type);
        Integer size = size(kind, args);
        Integer digits = kind == TypeKind.DECIMAL ? Integer.valueOf(Math.max(args[1], 0)) : null;
        String def = r.getString(6);
        rows.add(new Object[] {catalog, schema, table, column, JdbcTypes.sqlType(kind), type, size, null, digits,
                kind.isInteger() || kind == TypeKind.DECIMAL ? 10 : null,
                nullable ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls, "",
                def == null || def.isEmpty() ? null : def, null, null,
                kind == TypeKind.STRING || kind == TypeKind.FIXED_STRING ? size : null, position,
                nullable ? "YES" : "NO", null, null, null, null, "NO", "NO"});
    }

    private static Integer size(TypeKind kind, int[] args) {
        if (kind == TypeKind.DECIMAL) {
            return args[0] > 0 ? args[0] : null;
        }
        if (kind == TypeKind.STRING || kind == TypeKind.FIXED_STRING || kind == TypeKind.BINARY) {
            return args[0] > 0 ? args[0] : null;
        }
        int p = JdbcTypes.precision(dev.olaphttp.SqlType.of(kind, kind.name()));
        return p > 0 ? p : null;
    }

    /** Rows ordered as JDBC asks: by schema, table, ordinal position. */
    List<Object[]> rows() {
        rows.sort(Comparator.comparing((Object[] r) -> (String) r[1]).thenComparing(r -> (String) r[2])
                .thenComparing(r -> (Integer) r[16]));
        return rows;
    }
}
