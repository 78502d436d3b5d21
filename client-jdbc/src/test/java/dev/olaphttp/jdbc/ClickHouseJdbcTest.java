package dev.olaphttp.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.QueryFailedException;
import dev.olaphttp.testkit.ClickHouseTestServer;
import dev.olaphttp.testkit.Column;
import dev.olaphttp.testkit.Fault;
import dev.olaphttp.testkit.LoadedTable;
import dev.olaphttp.testkit.RecordedRequest;
import dev.olaphttp.testkit.SqlMatcher;
import dev.olaphttp.testkit.Table;
import dev.olaphttp.testkit.TestServerExtension;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The driver against the ClickHouse simulator: reads, parameters, limits, cancel, errors, sessions, batches. */
class ClickHouseJdbcTest {
    @RegisterExtension
    final TestServerExtension<ClickHouseTestServer> ch = TestServerExtension.of(ClickHouseTestServer::new);

    private Connection conn;

    @BeforeEach
    void connect() throws SQLException {
        conn = DriverManager.getConnection(Jdbc.url(ch.server()), "default", "");
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    @Test
    void theDriverIsFoundThroughTheServiceLoaderAndReadsTypedValues() throws SQLException {
        ch.server().when(SqlMatcher.contains("FROM trips")).thenReturn(Table.builder()
                .column("id", "UInt64").column("city", "Nullable(String)").column("fare", "Decimal(10, 2)")
                .column("day", "Date").column("at", "DateTime64(3)")
                .row(1L, "Paris", new BigDecimal("12.50"), LocalDate.of(2026, 1, 2),
                        LocalDateTime.of(2026, 1, 2, 3, 4, 5, 6_000_000))
                .row(2L, null, new BigDecimal("-0.01"), LocalDate.of(2026, 1, 3), LocalDateTime.of(2026, 1, 3, 0, 0))
                .build());
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM trips")) {
            ResultSetMetaData md = rs.getMetaData();
            assertThat(md.getColumnCount()).isEqualTo(5);
            assertThat(md.getColumnType(1)).isEqualTo(Types.DECIMAL);
            assertThat(md.getColumnType(2)).isEqualTo(Types.VARCHAR);
            assertThat(md.isNullable(2)).isEqualTo(ResultSetMetaData.columnNullable);
            assertThat(md.getColumnType(3)).isEqualTo(Types.DECIMAL);
            assertThat(md.getPrecision(3)).isEqualTo(10);
            assertThat(md.getScale(3)).isEqualTo(2);
            assertThat(md.getColumnType(5)).isEqualTo(Types.TIMESTAMP);
            assertThat(md.getColumnTypeName(2)).isEqualTo("Nullable(String)");

            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong("id")).isEqualTo(1L);
            assertThat(rs.getInt(1)).isEqualTo(1);
            assertThat(rs.getString("city")).isEqualTo("Paris");
            assertThat(rs.wasNull()).isFalse();
            assertThat(rs.getBigDecimal(3)).isEqualByComparingTo("12.50");
            assertThat(rs.getDouble(3)).isEqualTo(12.5);
            assertThat(rs.getObject(4)).isEqualTo(java.sql.Date.valueOf(LocalDate.of(2026, 1, 2)));
            assertThat(rs.getObject(4, LocalDate.class)).isEqualTo(LocalDate.of(2026, 1, 2));
            assertThat(rs.getTimestamp(5))
                    .isEqualTo(Timestamp.valueOf(LocalDateTime.of(2026, 1, 2, 3, 4, 5, 6_000_000)));
            assertThat(rs.getObject(5, LocalDateTime.class)).isEqualTo(LocalDateTime.of(2026, 1, 2, 3, 4, 5, 6_000_000));
            assertThat(rs.getRow()).isEqualTo(1);

            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(2)).isNull();
            assertThat(rs.wasNull()).isTrue();
            assertThat(rs.getInt(2)).isZero();
            assertThat(rs.wasNull()).isTrue();
            assertThat(rs.getObject(2, String.class)).isNull();
            assertThat(rs.getBigDecimal(3)).isEqualByComparingTo("-0.01");
            assertThat(rs.next()).isFalse();
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void questionMarksBecomeTypedServerParametersNeverSqlText() throws SQLException {
        ch.server().when(SqlMatcher.contains("FROM t WHERE")).thenReturn(Table.builder().column("n", "UInt8").row(1).build());
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT count() AS n FROM t WHERE a = ? AND b = ? AND c = ? AND d = '?' AND e = ?")) {
            ps.setLong(1, 42L);
            ps.setString(2, "it's \t a ' test");
            ps.setObject(3, LocalDate.of(2026, 5, 6));
            ps.setNull(4, Types.INTEGER);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
        RecordedRequest r = Jdbc.requestsWith(ch.server(), "FROM t WHERE").get(0);
        assertThat(Jdbc.sqlOf(r)).contains("a = {p1:Int64} AND b = {p2:String} AND c = {p3:Date} AND d = '?'"
                + " AND e = {p4:Nullable(Int32)}").doesNotContain("it's");
        assertThat(r.queryParam("param_p1")).isEqualTo("42");
        assertThat(r.queryParam("param_p2")).isEqualTo("it's \\t a ' test");
        assertThat(r.queryParam("param_p3")).isEqualTo("2026-05-06");
        assertThat(r.queryParam("param_p4")).isEqualTo("\\N");
    }

    @Test
    void anUnboundParameterFailsBeforeAnythingIsSent() throws SQLException {
        int before = ch.server().requests().size();
        try (PreparedStatement ps = conn.prepareStatement("SELECT ? + ?")) {
            ps.setInt(1, 1);
            assertThatThrownBy(ps::executeQuery).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("07001"));
        }
        assertThat(ch.server().requests()).hasSize(before);
    }

    @Test
    void maxRowsStopsTheResultThere() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.setMaxRows(7);
            try (ResultSet rs = s.executeQuery("SELECT number FROM numbers(1000)")) {
                long n = 0;
                while (rs.next()) {
                    assertThat(rs.getLong(1)).isEqualTo(n++);
                }
                assertThat(n).isEqualTo(7);
            }
        }
    }

    @Test
    void aQueryTimeoutFailsWithHyt00() throws SQLException {
        ch.server().fault(r -> Jdbc.sqlOf(r).contains("numbers(1000000)"), Fault.stallAfterBytes(20_000), 1);
        try (Statement s = conn.createStatement()) {
            s.setQueryTimeout(1);
            long start = System.nanoTime();
            assertThatThrownBy(() -> {
                try (ResultSet rs = s.executeQuery("SELECT number FROM numbers(1000000)")) {
                    while (rs.next()) {
                        rs.getLong(1);
                    }
                }
            }).isInstanceOfSatisfying(SQLTimeoutException.class, e -> assertThat(e.getSQLState()).isEqualTo("HYT00"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
        }
    }

    @Test
    void cancelFromAnotherThreadStopsAStreamingResultWith57014() throws Exception {
        ch.server().outputBufferBytes(512);
        ch.server().fault(r -> Jdbc.sqlOf(r).contains("numbers(1000000)"), Fault.stallAfterBytes(20_000), 1);
        Statement s = conn.createStatement();
        CountDownLatch streaming = new CountDownLatch(1);
        CompletableFuture<Long> reader = Jdbc.async(() -> {
            long n = 0;
            try (ResultSet rs = s.executeQuery("SELECT number FROM numbers(1000000)")) {
                while (rs.next()) {
                    streaming.countDown();
                    n++;
                }
            }
            return n;
        });
        assertThat(streaming.await(5, TimeUnit.SECONDS)).isTrue();
        s.cancel();
        Throwable failure = Jdbc.failureOf(reader, 5);
        assertThat(failure).isInstanceOf(SQLException.class);
        assertThat(((SQLException) failure).getSQLState()).isEqualTo("57014");
        Jdbc.awaitRequest(ch.server(), r -> Jdbc.sqlOf(r).contains("KILL QUERY"), Duration.ofSeconds(5));
        s.close();
    }

    @Test
    void closingAResultEarlyStopsTheServerAndLeaksNoConnection() throws SQLException {
        try (Statement s = conn.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT number FROM numbers(50000000)");
            assertThat(rs.next()).isTrue();
            rs.close();
            assertThat(rs.isClosed()).isTrue();
            Jdbc.awaitRequest(ch.server(), r -> Jdbc.sqlOf(r).contains("KILL QUERY"), Duration.ofSeconds(5));
            try (ResultSet again = s.executeQuery("SELECT number FROM numbers(3)")) {
                int n = 0;
                while (again.next()) {
                    n++;
                }
                assertThat(n).isEqualTo(3);
            }
        }
        conn.close();
        assertThat(Jdbc.await(() -> ch.server().openConnectionCount() == 0, Duration.ofSeconds(5)))
                .as("closing the connection closes every HTTP connection it opened, open: %s",
                        ch.server().openConnectionCount())
                .isTrue();
    }

    @Test
    void closingTheConnectionClosesItsStatementsAndResults() throws SQLException {
        Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("SELECT number FROM numbers(50000000)");
        assertThat(rs.next()).isTrue();
        conn.close();
        assertThat(rs.isClosed()).isTrue();
        assertThat(s.isClosed()).isTrue();
        conn.close(); // idempotent
        assertThatThrownBy(conn::createStatement).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08003"));
        assertThat(conn.isValid(1)).isFalse();
    }

    @Test
    void serverErrorsBecomeSqlExceptionsWithStateVendorCodeAndCause() throws SQLException {
        ch.server().when(SqlMatcher.contains("SELEC oops")).thenFail(62, "Syntax error: failed at position 1");
        try (Statement s = conn.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("SELEC oops"))
                    .isInstanceOfSatisfying(SQLSyntaxErrorException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("42000");
                        assertThat(e.getErrorCode()).isEqualTo(62);
                        assertThat(e.getCause()).isInstanceOf(QueryFailedException.class);
                    });
        }
    }

    @Test
    void autocommitIsTheOnlyModeOnClickHouse() throws SQLException {
        assertThat(conn.getAutoCommit()).isTrue();
        assertThatThrownBy(() -> conn.setAutoCommit(false)).isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThat(conn.getAutoCommit()).isTrue();
        conn.setAutoCommit(true);
        assertThatThrownBy(conn::commit).isInstanceOf(SQLException.class);
    }

    @Test
    void setSchemaIsCarriedToLaterStatements() throws SQLException {
        conn.setSchema("sales");
        assertThat(conn.getSchema()).isEqualTo("sales");
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT 5")) {
            assertThat(rs.next()).isTrue();
        }
        RecordedRequest r = Jdbc.requestsWith(ch.server(), "SELECT 5").get(0);
        assertThat(r.queryParam("database")).isEqualTo("sales");
    }

    @Test
    void isValidPingsTheServer() throws SQLException {
        assertThat(conn.isValid(2)).isTrue();
        assertThat(Jdbc.requestsWith(ch.server(), "SELECT 1")).isNotEmpty();
        ch.server().fault(r -> Jdbc.sqlOf(r).contains("SELECT 1"), Fault.status(500), 10);
        assertThat(conn.isValid(2)).isFalse();
    }

    @Test
    void executeReportsAResultOrAnUpdateCount() throws SQLException {
        try (Statement s = conn.createStatement()) {
            assertThat(s.execute("SELECT number FROM numbers(2)")).isTrue();
            assertThat(s.getUpdateCount()).isEqualTo(-1);
            try (ResultSet rs = s.getResultSet()) {
                assertThat(rs.next()).isTrue();
            }
            assertThat(s.execute("CREATE TABLE x (a UInt8) ENGINE = Memory")).isFalse();
            assertThat(s.getUpdateCount()).isZero();
            assertThat(s.getResultSet()).isNull();
            assertThat(s.getMoreResults()).isFalse();
            assertThat(s.getUpdateCount()).isEqualTo(-1);
        }
    }

    @Test
    void aBatchOfOneInsertIsOneBulkLoad() throws SQLException {
        LoadedTable events = ch.server().table("default.events", Column.of("id", "UInt64"),
                Column.of("name", "Nullable(String)"), Column.of("day", "Date"));
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO events (id, name, day) VALUES (?, ?, ?)")) {
            for (int i = 0; i < 500; i++) {
                ps.setLong(1, i);
                if (i % 7 == 0) {
                    ps.setNull(2, Types.VARCHAR);
                } else {
                    ps.setString(2, "n" + i);
                }
                ps.setDate(3, java.sql.Date.valueOf(LocalDate.of(2026, 1, 1).plusDays(i % 30)));
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            assertThat(counts).hasSize(500).containsOnly(1);
        }
        assertThat(events.loadCount()).as("one load, not a statement per row").isEqualTo(1);
        assertThat(events.rowCount()).isEqualTo(500);
        List<List<Object>> rows = events.rows();
        assertThat(rows.get(0)).isEqualTo(Arrays.asList(0L, null, LocalDate.of(2026, 1, 1)));
        assertThat(rows.get(499)).isEqualTo(Arrays.asList(499L, "n499", LocalDate.of(2026, 1, 1).plusDays(499 % 30)));
    }
}
