package dev.olaphttp.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olaphttp.testkit.ClickHouseTestServer;
import dev.olaphttp.testkit.DatabendTestServer;
import dev.olaphttp.testkit.SqlMatcher;
import dev.olaphttp.testkit.StarRocksTestServer;
import dev.olaphttp.testkit.Table;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * DatabaseMetaData over each engine's catalog tables, stubbed in the shapes the real servers answer
 * ({@code system.tables}/{@code system.columns} on ClickHouse, {@code information_schema} elsewhere).
 */
class DatabaseMetaDataTest {
    private static List<String> column(ResultSet rs, String label) throws SQLException {
        List<String> out = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                out.add(rs.getString(label));
            }
        }
        return out;
    }

    @Test
    void clickHouseTablesColumnsAndSchemasFromSystemTables() throws SQLException {
        try (ClickHouseTestServer server = new ClickHouseTestServer().version("24.8.4.13");
                Connection conn = DriverManager.getConnection(Jdbc.url(server), "default", "")) {
            server.when(SqlMatcher.contains("FROM system.databases")).thenReturn(Table.builder()
                    .column("name", "String").row("default").row("system").row("sales").build());
            server.when(SqlMatcher.contains("FROM system.tables")).thenReturn(Table.builder()
                    .column("database", "String").column("name", "String").column("engine", "String")
                    .column("comment", "String")
                    .row("sales", "orders", "MergeTree", "").row("sales", "orders_v", "View", "")
                    .row("sales", "order_items", "MergeTree", "").row("system", "numbers", "SystemNumbers", "")
                    .build());
            server.when(SqlMatcher.contains("FROM system.columns")).thenReturn(Table.builder()
                    .column("database", "String").column("table", "String").column("name", "String")
                    .column("type", "String").column("is_nullable", "Nullable(UInt8)")
                    .column("default_expression", "String")
                    .row("sales", "orders", "id", "UInt64", null, "")
                    .row("sales", "orders", "amount", "Decimal(18, 4)", null, "")
                    .row("sales", "orders", "note", "Nullable(String)", null, "'none'")
                    .row("sales", "orders", "tags", "Array(LowCardinality(String))", null, "")
                    .build());
            DatabaseMetaData md = conn.getMetaData();
            assertThat(md.getDatabaseProductName()).isEqualTo("ClickHouse");
            assertThat(md.getDatabaseProductVersion()).isEqualTo("24.8.4.13");
            assertThat(md.getDatabaseMajorVersion()).isEqualTo(24);
            assertThat(md.getDatabaseMinorVersion()).isEqualTo(8);
            assertThat(md.getIdentifierQuoteString()).isEqualTo("`");
            assertThat(md.supportsTransactions()).isFalse();
            assertThat(column(md.getCatalogs(), "TABLE_CAT")).isEmpty();
            assertThat(column(md.getSchemas(), "TABLE_SCHEM")).containsExactly("default", "sales", "system");

            assertThat(column(md.getTables(null, "sales", "order%", null), "TABLE_NAME"))
                    .containsExactly("order_items", "orders", "orders_v");
            assertThat(column(md.getTables(null, "sales", "orders\\_v", new String[] {"VIEW"}), "TABLE_NAME"))
                    .containsExactly("orders_v");
            assertThat(column(md.getTables(null, null, "%", new String[] {"SYSTEM TABLE"}), "TABLE_NAME"))
                    .containsExactly("numbers");
            assertThat(Jdbc.sqlOf(Jdbc.requestsWith(server, "FROM system.tables").get(0)))
                    .contains("WHERE database = 'sales'");

            try (ResultSet rs = md.getColumns(null, "sales", "orders", "%")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("COLUMN_NAME")).isEqualTo("id");
                assertThat(rs.getInt("DATA_TYPE")).isEqualTo(Types.DECIMAL);
                assertThat(rs.getInt("ORDINAL_POSITION")).isEqualTo(1);
                assertThat(rs.getInt("NULLABLE")).isEqualTo(DatabaseMetaData.columnNoNulls);
                assertThat(rs.getString("IS_NULLABLE")).isEqualTo("NO");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("TYPE_NAME")).isEqualTo("Decimal(18, 4)");
                assertThat(rs.getInt("COLUMN_SIZE")).isEqualTo(18);
                assertThat(rs.getInt("DECIMAL_DIGITS")).isEqualTo(4);
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt("DATA_TYPE")).isEqualTo(Types.VARCHAR);
                assertThat(rs.getString("IS_NULLABLE")).isEqualTo("YES");
                assertThat(rs.getString("COLUMN_DEF")).isEqualTo("'none'");
                assertThat(rs.getInt("ORDINAL_POSITION")).isEqualTo(3);
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt("DATA_TYPE")).isEqualTo(Types.ARRAY);
                assertThat(rs.next()).isFalse();
            }
            assertThat(Jdbc.sqlOf(Jdbc.requestsWith(server, "FROM system.columns").get(0)))
                    .contains("WHERE database = 'sales' AND table = 'orders'");
            try (ResultSet pk = md.getPrimaryKeys(null, "sales", "orders")) {
                assertThat(pk.getMetaData().getColumnName(4)).isEqualTo("COLUMN_NAME");
                assertThat(pk.next()).isFalse();
            }
            List<String> types = column(md.getTypeInfo(), "TYPE_NAME");
            assertThat(types).contains("Int64", "String", "DateTime64");
        }
    }

    @Test
    void aNameWithAQuoteIsALiteralNotSql() throws SQLException {
        try (ClickHouseTestServer server = new ClickHouseTestServer();
                Connection conn = DriverManager.getConnection(Jdbc.url(server), "default", "")) {
            server.when(SqlMatcher.contains("FROM system.tables")).thenReturn(Table.builder()
                    .column("database", "String").column("name", "String").column("engine", "String")
                    .column("comment", "String").build());
            assertThat(column(conn.getMetaData().getTables(null, "x' OR 1=1 --", "%", null), "TABLE_NAME")).isEmpty();
            assertThat(Jdbc.sqlOf(Jdbc.requestsWith(server, "FROM system.tables").get(0)))
                    .contains("WHERE database = 'x\\' OR 1=1 --'");
        }
    }

    @Test
    void databendReadsInformationSchemaAndHasOneCatalog() throws SQLException {
        try (DatabendTestServer server = new DatabendTestServer();
                Connection conn = DriverManager.getConnection(Jdbc.url(server), "root", "")) {
            server.when(SqlMatcher.contains("version()")).thenReturn(Table.builder().column("version()", "String")
                    .row("8.0.26-v1.2.700-nightly-3c6a5d8(rust-1.81.0-nightly-2024-11-18T22:08:52.455458389Z)").build());
            server.when(SqlMatcher.contains("information_schema.tables")).thenReturn(Table.builder()
                    .column("table_schema", "String").column("table_name", "String").column("table_type", "String")
                    .column("table_comment", "String")
                    .row("default", "t1", "BASE TABLE", "").row("default", "v1", "VIEW", "")
                    .row("information_schema", "columns", "SYSTEM VIEW", "").build());
            server.when(SqlMatcher.contains("information_schema.columns")).thenReturn(Table.builder()
                    .column("table_schema", "String").column("table_name", "String").column("column_name", "String")
                    .column("data_type", "String").column("is_nullable", "String").column("column_default", "String")
                    .row("default", "t1", "a", "INT", "NO", null).row("default", "t1", "b", "VARCHAR", "YES", null)
                    .build());
            DatabaseMetaData md = conn.getMetaData();
            assertThat(md.getDatabaseProductName()).isEqualTo("Databend");
            assertThat(md.getDatabaseMajorVersion()).isEqualTo(1);
            assertThat(md.getDatabaseMinorVersion()).isEqualTo(2);
            assertThat(md.supportsTransactions()).isTrue();
            assertThat(column(md.getCatalogs(), "TABLE_CAT")).containsExactly("default");
            try (ResultSet rs = md.getTables("default", "default", "%", null)) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("TABLE_CAT")).isEqualTo("default");
                assertThat(rs.getString("TABLE_NAME")).isEqualTo("t1");
                assertThat(rs.getString("TABLE_TYPE")).isEqualTo("TABLE");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("TABLE_TYPE")).isEqualTo("VIEW");
                assertThat(rs.next()).isFalse();
            }
            assertThat(column(md.getTables("other", null, "%", null), "TABLE_NAME")).as("no such catalog").isEmpty();
            try (ResultSet rs = md.getColumns(null, "default", "t1", null)) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt("DATA_TYPE")).isEqualTo(Types.INTEGER);
                assertThat(rs.getString("IS_NULLABLE")).isEqualTo("NO");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt("DATA_TYPE")).isEqualTo(Types.VARCHAR);
                assertThat(rs.getInt("NULLABLE")).isEqualTo(DatabaseMetaData.columnNullable);
                assertThat(rs.getInt("ORDINAL_POSITION")).isEqualTo(2);
            }
        }
    }

    @Test
    void starRocksCatalogsComeFromShowCatalogs() throws SQLException {
        try (StarRocksTestServer server = new StarRocksTestServer();
                Connection conn = DriverManager.getConnection(Jdbc.url(server), "root", "")) {
            server.when(SqlMatcher.contains("SHOW CATALOGS")).thenReturn(Table.builder()
                    .column("Catalog", "varchar(256)").column("Type", "varchar(256)").column("Comment", "varchar(256)")
                    .row("default_catalog", "Internal", "An internal catalog").row("hive", "Hive", "").build());
            server.when(SqlMatcher.contains("current_version()")).thenReturn(Table.builder()
                    .column("current_version()", "varchar(32)").row("3.3.5-6d81f75").build());
            server.when(SqlMatcher.contains("information_schema.columns")).thenReturn(Table.builder()
                    .column("table_schema", "varchar(64)").column("table_name", "varchar(64)")
                    .column("column_name", "varchar(64)").column("column_type", "varchar(64)")
                    .column("is_nullable", "varchar(3)").column("column_default", "varchar(64)")
                    .row("demo", "t", "k", "bigint(20)", "NO", null).row("demo", "t", "v", "decimal(10,2)", "YES", "0")
                    .build());
            DatabaseMetaData md = conn.getMetaData();
            assertThat(md.getDatabaseProductVersion()).isEqualTo("3.3.5-6d81f75");
            assertThat(md.getDatabaseMajorVersion()).isEqualTo(3);
            assertThat(column(md.getCatalogs(), "TABLE_CAT")).containsExactly("default_catalog", "hive");
            try (ResultSet rs = md.getColumns("default_catalog", "demo", "t", "v")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt("DATA_TYPE")).isEqualTo(Types.DECIMAL);
                assertThat(rs.getInt("COLUMN_SIZE")).isEqualTo(10);
                assertThat(rs.getInt("DECIMAL_DIGITS")).isEqualTo(2);
                assertThat(rs.getInt("ORDINAL_POSITION")).isEqualTo(2);
                assertThat(rs.next()).isFalse();
            }
            assertThat(Jdbc.sqlOf(Jdbc.requestsWith(server, "information_schema.columns").get(0)))
                    .contains("ORDER BY table_schema, table_name, ordinal_position");
        }
    }
}
