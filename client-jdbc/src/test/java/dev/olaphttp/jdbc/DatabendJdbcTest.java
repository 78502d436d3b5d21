package dev.olaphttp.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.testkit.Column;
import dev.olaphttp.testkit.DatabendTestServer;
import dev.olaphttp.testkit.Fault;
import dev.olaphttp.testkit.LoadedTable;
import dev.olaphttp.testkit.RecordedRequest;
import dev.olaphttp.testkit.SqlMatcher;
import dev.olaphttp.testkit.Table;
import dev.olaphttp.testkit.TestServerExtension;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The driver against the Databend simulator: server-side parameters, transactions, sessions, cancel, batches. */
class DatabendJdbcTest {
    @RegisterExtension
    final TestServerExtension<DatabendTestServer> db = TestServerExtension.of(DatabendTestServer::new);

    private Connection conn;

    @BeforeEach
    void connect() throws SQLException {
        conn = DriverManager.getConnection(Jdbc.url(db.server()), "root", "");
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    private List<RecordedRequest> statements(String sql) {
        return db.server().requests().stream()
                .filter(r -> r.path().startsWith("/v1/query") && r.bodyUtf8().contains(sql)).toList();
    }

    private RecordedRequest lastStatement(String sql) {
        List<RecordedRequest> m = statements(sql);
        assertThat(m).as("requests carrying " + sql).isNotEmpty();
        return m.get(m.size() - 1);
    }

    private static Pattern field(String name, String value) {
        return Pattern.compile("\"" + name + "\"\\s*:\\s*\"" + Pattern.quote(value) + "\"");
    }

    @Test
    void questionMarksAreSentAsServerSideParams() throws SQLException {
        db.server().when(SqlMatcher.contains("FROM t WHERE")).thenReturn(Table.builder()
                .column("n", "UInt64").column("tags", "Array(String)").row(3L, List.of("a", "b")).build());
        try (PreparedStatement ps = conn.prepareStatement("SELECT n, tags FROM t WHERE a = ? AND b = ? AND c = ?")) {
            ps.setInt(1, 7);
            ps.setString(2, "x\"y'z");
            ps.setNull(3, java.sql.Types.VARCHAR);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(3L);
                Array tags = rs.getArray(2);
                assertThat((Object[]) tags.getArray()).containsExactly("a", "b");
                try (ResultSet elements = tags.getResultSet()) {
                    assertThat(elements.next()).isTrue();
                    assertThat(elements.getInt(1)).isEqualTo(1);
                    assertThat(elements.getString(2)).isEqualTo("a");
                }
                assertThat(rs.getObject(2)).isInstanceOf(Array.class);
            }
        }
        String body = lastStatement("FROM t WHERE").bodyUtf8();
        assertThat(body).contains("a = ? AND b = ? AND c = ?").containsPattern("\"params\"\\s*:\\s*\\[\\s*7\\s*,")
                .contains("null");
    }

    @Test
    void transactionsBeginLazilyAndCommitOrRollBack() throws SQLException {
        conn.setAutoCommit(false);
        assertThat(statements("BEGIN")).as("nothing sent before the first statement").isEmpty();
        try (Statement s = conn.createStatement()) {
            s.execute("SELECT 11");
            assertThat(statements("BEGIN")).hasSize(1);
            assertThat(lastStatement("SELECT 11").bodyUtf8()).containsPattern(field("txn_state", "Active"));
            assertThat(lastStatement("SELECT 11").header("X-DATABEND-STICKY-NODE")).isEqualTo(db.server().nodeId());
            conn.commit();
            assertThat(statements("COMMIT")).hasSize(1);
            s.execute("SELECT 12");
            assertThat(statements("BEGIN")).as("a new transaction after commit").hasSize(2);
            conn.rollback();
            assertThat(statements("ROLLBACK")).hasSize(1);
            conn.setAutoCommit(true);
            s.execute("SELECT 13");
            assertThat(statements("BEGIN")).hasSize(2);
            assertThat(lastStatement("SELECT 13").bodyUtf8()).doesNotContainPattern(field("txn_state", "Active"));
        }
    }

    @Test
    void aCommitStatementEndsTheTransactionAndTheNextStatementBeginsAnother() throws SQLException {
        conn.setAutoCommit(false);
        try (Statement s = conn.createStatement()) {
            s.execute("SELECT 31");
            s.execute("  COMMIT");
            assertThat(statements("BEGIN")).as("COMMIT is not preceded by a BEGIN of its own").hasSize(1);
            s.execute("SELECT 32");
            assertThat(statements("BEGIN")).as("the next statement is in a new transaction").hasSize(2);
            assertThat(lastStatement("SELECT 32").bodyUtf8()).containsPattern(field("txn_state", "Active"));
        }
        conn.rollback();
        assertThat(statements("ROLLBACK")).hasSize(1);
    }

    @Test
    void turningAutocommitBackOnCommitsTheOpenTransaction() throws SQLException {
        conn.setAutoCommit(false);
        try (Statement s = conn.createStatement()) {
            s.execute("SELECT 21");
        }
        conn.setAutoCommit(true);
        assertThat(statements("COMMIT")).hasSize(1);
    }

    @Test
    void useIsCarriedInTheSession() throws SQLException {
        conn.setSchema("sales");
        assertThat(conn.getSchema()).isEqualTo("sales");
        assertThat(conn.getCatalog()).isEqualTo("default");
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT 5")) {
            assertThat(rs.next()).isTrue();
        }
        assertThat(lastStatement("SELECT 5").bodyUtf8()).containsPattern(field("database", "sales"));
        assertThat(lastStatement("USE").bodyUtf8()).contains("USE `sales`");
    }

    @Test
    void errorsCarryTheServerCode() throws SQLException {
        db.server().when(SqlMatcher.contains("FROM missing")).thenFail(1025, "Unknown table 'missing'");
        try (Statement s = conn.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("SELECT * FROM missing"))
                    .isInstanceOfSatisfying(SQLSyntaxErrorException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("42S02");
                        assertThat(e.getErrorCode()).isEqualTo(1025);
                    });
        }
    }

    @Test
    void aQueryTimeoutFailsWithHyt00() throws SQLException {
        db.server().fault(r -> r.bodyUtf8().contains("numbers(1000000)"), Fault.delay(Duration.ofSeconds(4)), 1);
        try (Statement s = conn.createStatement()) {
            s.setQueryTimeout(1);
            long start = System.nanoTime();
            assertThatThrownBy(() -> s.executeQuery("SELECT number FROM numbers(1000000)").next())
                    .isInstanceOfSatisfying(SQLTimeoutException.class,
                            e -> assertThat(e.getSQLState()).isEqualTo("HYT00"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        }
    }

    @Test
    void cancelFromAnotherThreadEndsTheResultWith57014() throws Exception {
        Statement s = conn.createStatement();
        CountDownLatch streaming = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        CompletableFuture<Long> reader = Jdbc.async(() -> {
            long n = 0;
            try (ResultSet rs = s.executeQuery("SELECT number FROM numbers(100000000)")) {
                while (rs.next()) {
                    if (n++ == 0) {
                        streaming.countDown();
                        cancelled.await(5, TimeUnit.SECONDS);
                    }
                }
            }
            return n;
        });
        assertThat(streaming.await(5, TimeUnit.SECONDS)).isTrue();
        s.cancel();
        cancelled.countDown();
        Throwable failure = Jdbc.failureOf(reader, 10);
        assertThat(failure).isInstanceOf(SQLException.class);
        assertThat(((SQLException) failure).getSQLState()).isEqualTo("57014");
        s.close();
    }

    @Test
    void aBatchInsertIsOneStagedLoadIntoTheSessionsDatabase() throws SQLException {
        LoadedTable t = db.server().table("sales.orders", Column.of("id", "Int64"), Column.of("who", "String"));
        conn.setSchema("sales");
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO orders VALUES (?, ?)")) {
            for (int i = 0; i < 100; i++) {
                ps.setLong(1, i);
                ps.setString(2, "w" + i);
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            assertThat(counts).hasSize(100);
        }
        assertThat(t.loadCount()).isEqualTo(1);
        assertThat(t.rowCount()).isEqualTo(100);
        assertThat(t.rows().get(42)).containsExactly(42L, "w42");
    }

    @Test
    void aBatchInsideATransactionRunsInTheTransaction() throws SQLException {
        conn.setAutoCommit(false);
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO tx_t VALUES (?)")) {
            for (int i = 0; i < 3; i++) {
                ps.setLong(1, i);
                ps.addBatch();
            }
            assertThat(ps.executeBatch()).hasSize(3);
        }
        List<RecordedRequest> inserts = statements("INSERT INTO tx_t");
        assertThat(inserts).hasSize(3);
        assertThat(inserts).allSatisfy(r -> assertThat(r.bodyUtf8()).containsPattern(field("txn_state", "Active")));
        conn.rollback();
    }

    @Test
    void executeOfAnInsertIsAnUpdateCountNotDatabendsCountRow() throws SQLException {
        try (Statement s = conn.createStatement()) {
            assertThat(s.execute("INSERT INTO plain_t VALUES (1)")).isFalse();
            assertThat(s.getResultSet()).isNull();
            assertThat(s.getUpdateCount()).isZero(); // the simulator's count for an INSERT without a stage
            assertThat(s.execute("SELECT 9")).isTrue();
        }
    }
}
