package dev.olaphttp.jdbc;

/**
 * The catalog queries per engine, each aliased to the same columns: ClickHouse reads {@code system.*} (present on
 * every version, 18.16 included), Databend and StarRocks their {@code information_schema}.
 */
final class MetaDataSql {
    private MetaDataSql() {}

    /** One column: schema name. */
    static String schemas(DialectSupport d) {
        return d.isClickHouse() ? "SELECT name FROM system.databases"
                : "SELECT schema_name FROM information_schema.schemata";
    }

    /** Columns: schema, table, type (engine or table_type), comment. */
    static String tables(DialectSupport d, String schema, String table) {
        String where = where(d.isClickHouse() ? "database" : "table_schema", schema,
                d.isClickHouse() ? "name" : "table_name", table);
        if (d.isClickHouse()) {
            return "SELECT database, name, engine, '' AS comment FROM system.tables" + where;
        }
        String comment = d.isStarRocks() ? "table_comment" : "'' AS table_comment";
        return "SELECT table_schema, table_name, table_type, " + comment + " FROM information_schema.tables" + where;
    }

    /** Columns: schema, table, column, type, is_nullable (YES/NO or 1/0; null when the type says), default. */
    static String columns(DialectSupport d, String schema, String table) {
        if (d.isClickHouse()) {
            return "SELECT database, table, name, type, NULL AS is_nullable, default_expression FROM system.columns"
                    + where("database", schema, "table", table);
        }
        String type = d.isStarRocks() ? "column_type" : "data_type";
        String order = d.isStarRocks() ? " ORDER BY table_schema, table_name, ordinal_position" : "";
        return "SELECT table_schema, table_name, column_name, " + type + ", is_nullable, column_default"
                + " FROM information_schema.columns" + where("table_schema", schema, "table_name", table) + order;
    }

    private static String where(String schemaColumn, String schema, String tableColumn, String table) {
        StringBuilder sb = new StringBuilder();
        if (schema != null) {
            sb.append(" WHERE ").append(schemaColumn).append(" = ").append(MetaResults.literal(schema));
        }
        if (table != null) {
            sb.append(sb.isEmpty() ? " WHERE " : " AND ").append(tableColumn).append(" = ")
                    .append(MetaResults.literal(table));
        }
        return sb.toString();
    }
}
