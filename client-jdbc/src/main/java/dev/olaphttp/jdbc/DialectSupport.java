package dev.olaphttp.jdbc;

import dev.olaphttp.Query;
import java.sql.SQLException;

/** What differs per database for JDBC: identifier quoting, catalogs, transactions and how {@code ?} is bound. */
final class DialectSupport {
    private final String id;

    private DialectSupport(String id) {
        this.id = id;
    }

    static DialectSupport of(String dialect) {
        return new DialectSupport(dialect);
    }

    String id() {
        return id;
    }

    boolean isClickHouse() {
        return id.equals("clickhouse");
    }

    boolean isDatabend() {
        return id.equals("databend");
    }

    boolean isStarRocks() {
        return id.equals("starrocks");
    }

    String productName() {
        return switch (id) {
            case "clickhouse" -> "ClickHouse";
            case "databend" -> "Databend";
            case "starrocks" -> "StarRocks";
            default -> id;
        };
    }

    /** Databend has explicit transactions ({@code BEGIN/COMMIT/ROLLBACK}); the others autocommit only. */
    boolean transactions() {
        return isDatabend();
    }

    /** StarRocks has catalogs (external ones too); Databend a single {@code default}; ClickHouse none. */
    boolean catalogs() {
        return isStarRocks();
    }

    /** Backticks: all three accept them (Databend also double quotes). */
    String quoteString() {
        return "`";
    }

    String quote(String identifier) {
        String q = quoteString();
        return q + identifier.replace(q, q + q) + q;
    }

    String useSql(String schema) {
        return "USE " + quote(schema);
    }

    String setCatalogSql(String catalog) {
        return "SET CATALOG " + quote(catalog);
    }

    String versionSql() {
        return isStarRocks() ? "SELECT current_version()" : "SELECT version()";
    }

    /** The statement text to send for SQL with these placeholders bound to these values. */
    String sql(Placeholders p, Object[] values, int[] nullTypes) throws SQLException {
        if (!isClickHouse() || p.count() == 0) {
            return p.sql();
        }
        String[] parts = new String[p.count()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = ClickHouseParams.placeholder(i, values[i], nullTypes[i]);
        }
        return p.replace(i -> parts[i]);
    }

    /** Binds the values the dialect's way: named {@code pN} on ClickHouse, positional elsewhere. */
    void bind(Query q, Object[] values) {
        for (int i = 0; i < values.length; i++) {
            if (isClickHouse()) {
                q.param(ClickHouseParams.name(i), ClickHouseParams.value(values[i]));
            } else {
                q.param(values[i]);
            }
        }
    }
}
