package dev.olaphttp.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.testkit.Column;
import dev.olaphttp.testkit.Fault;
import dev.olaphttp.testkit.LoadedTable;
import dev.olaphttp.testkit.RecordedRequest;
import dev.olaphttp.testkit.SqlMatcher;
import dev.olaphttp.testkit.StarRocksTestServer;
import dev.olaphttp.testkit.Table;
import dev.olaphttp.testkit.TestServerExtension;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The driver against the StarRocks simulator: literal parameters, catalogs, errors, timeouts, Stream Load batches. */
class StarRocksJdbcTest {
    @RegisterExtension
    final TestServerExtension<StarRocksTestServer> sr =
            TestServerExtension.of(() -> new StarRocksTestServer().addCatalog("hive"));

    private Connection conn;

    @BeforeEach
    void connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "root");
        p.setProperty("password", "");
        conn = DriverManager.getConnection(Jdbc.url(sr.server()), p);
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    private RecordedRequest last(String fragment) {
        List<RecordedRequest> m = Jdbc.requestsWith(sr.server(), fragment);
        assertThat(m).as("requests with " + fragment).isNotEmpty();
        return m.get(m.size() - 1);
    }

    @Test
    void parametersAreRenderedAsSafeLiterals() throws SQLException {
        sr.server().when(SqlMatcher.contains("FROM t WHERE")).thenReturn(Table.builder()
                .column("n", "bigint(20)").column("d", "datetime").row(5L, LocalDateTime.of(2026, 2, 3, 4, 5, 6))
                .build());
        try (PreparedStatement ps = conn.prepareStatement("SELECT n, d FROM t WHERE a = ? AND b = ? AND c = ?")) {
            ps.setString(1, "o'hara\\");
            ps.setBigDecimal(2, new BigDecimal("1.50"));
            ps.setObject(3, LocalDate.of(2026, 1, 2));
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong("n")).isEqualTo(5L);
                assertThat(rs.getObject("d", LocalDateTime.class)).isEqualTo(LocalDateTime.of(2026, 2, 3, 4, 5, 6));
                assertThat(rs.getTimestamp("d").toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 2, 3, 4, 5, 6));
            }
        }
        // the SQL travels JSON-encoded: 'o\'hara\\' appears with each backslash doubled
        assertThat(Jdbc.sqlOf(last("FROM t WHERE")))
                .contains("a = 'o\\\\'hara\\\\\\\\' AND b = 1.50 AND c = CAST('2026-01-02' AS DATE)");
    }

    @Test
    void catalogAndSchemaMapToStarRocksCatalogsAndDatabases() throws SQLException {
        assertThat(conn.getCatalog()).isEqualTo("default_catalog");
        assertThat(conn.getSchema()).isEqualTo("demo");
        conn.setCatalog("hive");
        assertThat(conn.getCatalog()).isEqualTo("hive");
        conn.setSchema("logs");
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT 3")) {
            assertThat(rs.next()).isTrue();
        }
        assertThat(last("SELECT 3").path()).isEqualTo("/api/v1/catalogs/hive/databases/logs/sql");
    }

    @Test
    void autocommitOnly() {
        assertThatThrownBy(() -> conn.setAutoCommit(false)).isInstanceOf(SQLFeatureNotSupportedException.class);
    }

    @Test
    void mysqlErrorCodesMapToSqlStates() throws SQLException {
        sr.server().when(SqlMatcher.contains("FROM nope"))
                .thenFail(1146, "Getting analyzing error. Detail message: Unknown table 'demo.nope'.");
        try (Statement s = conn.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("SELECT * FROM nope"))
                    .isInstanceOfSatisfying(SQLSyntaxErrorException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("42S02");
                        assertThat(e.getErrorCode()).as("the HTTP API sends no MySQL code").isZero();
                    });
        }
    }

    @Test
    void aQueryTimeoutFailsWithHyt00() throws SQLException {
        sr.server().fault(r -> Jdbc.sqlOf(r).contains("numbers(1000)"), Fault.delay(Duration.ofSeconds(4)), 1);
        try (Statement s = conn.createStatement()) {
            s.setQueryTimeout(1);
            assertThatThrownBy(() -> s.executeQuery("SELECT number FROM numbers(1000)").next())
                    .isInstanceOfSatisfying(SQLTimeoutException.class,
                            e -> assertThat(e.getSQLState()).isEqualTo("HYT00"));
        }
    }

    @Test
    void aBatchInsertIsOneStreamLoad() throws SQLException {
        LoadedTable orders = sr.server().table("demo.orders", Column.of("id", "bigint(20)"),
                Column.of("name", "varchar(32)"), Column.of("day", "date"));
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO `orders` (`id`, name, day) VALUES (?,?,?)")) {
            for (int i = 0; i < 50; i++) {
                ps.setLong(1, i);
                ps.setString(2, i == 3 ? null : "n," + i);
                ps.setObject(3, LocalDate.of(2026, 3, 1).plusDays(i));
                ps.addBatch();
            }
            assertThat(ps.executeBatch()).hasSize(50).containsOnly(1);
        }
        assertThat(orders.loadCount()).isEqualTo(1);
        assertThat(orders.rows()).hasSize(50);
        assertThat(orders.rows().get(3)).isEqualTo(Arrays.asList(3L, null, LocalDate.of(2026, 3, 4)));
        assertThat(orders.rows().get(7)).isEqualTo(Arrays.asList(7L, "n,7", LocalDate.of(2026, 3, 8)));
    }
}
