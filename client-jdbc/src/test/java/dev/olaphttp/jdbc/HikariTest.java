package dev.olaphttp.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.olaphttp.testkit.ClickHouseTestServer;
import dev.olaphttp.testkit.Fault;
import dev.olaphttp.testkit.TestServerExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** HikariCP over the driver: the connection test query, leak detection, eviction of broken connections. */
class HikariTest {
    @RegisterExtension
    final TestServerExtension<ClickHouseTestServer> ch = TestServerExtension.of(ClickHouseTestServer::new);

    private HikariDataSource pool(boolean viaDataSource, int size, long leakMillis) {
        HikariConfig c = new HikariConfig();
        if (viaDataSource) {
            OlapDataSource ds = new OlapDataSource(Jdbc.url(ch.server()));
            ds.setUser("default");
            c.setDataSource(ds);
        } else {
            c.setJdbcUrl(Jdbc.url(ch.server()));
            c.setUsername("default");
            c.setPassword("");
        }
        c.setMaximumPoolSize(size);
        c.setMinimumIdle(1);
        c.setConnectionTestQuery("SELECT 1");
        c.setPoolName("olaphttp-test");
        c.setLeakDetectionThreshold(leakMillis);
        return new HikariDataSource(c);
    }

    private long testQueries() {
        return ch.server().requests().stream().filter(r -> Jdbc.sqlOf(r).strip().equals("SELECT 1")).count();
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            long n = 0;
            while (rs.next()) {
                n++;
            }
            return n;
        }
    }

    @Test
    void poolsConnectionsAndRunsTheTestQuery() throws SQLException {
        for (boolean viaDataSource : new boolean[] {false, true}) {
            long before = testQueries();
            try (HikariDataSource ds = pool(viaDataSource, 2, 0)) {
                for (int i = 0; i < 5; i++) {
                    try (Connection c = ds.getConnection()) {
                        assertThat(count(c, "SELECT number FROM numbers(10)")).isEqualTo(10);
                    }
                }
                assertThat(testQueries()).as("Hikari's connection test query ran").isGreaterThan(before);
                assertThat(ds.getHikariPoolMXBean().getActiveConnections()).isZero();
            }
        }
    }

    @Test
    void leakDetectionReportsAConnectionHeldTooLong() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (HikariDataSource ds = pool(false, 2, 2000)) {
            Connection held = ds.getConnection();
            assertThat(Jdbc.await(() -> captured.toString(StandardCharsets.UTF_8).contains("leak"),
                    Duration.ofSeconds(8))).as("Hikari reported the leak").isTrue();
            held.close();
            assertThat(ds.getHikariPoolMXBean().getActiveConnections()).isZero();
        } finally {
            System.setErr(original);
        }
    }

    @Test
    void aBrokenConnectionIsEvictedFromThePool() throws SQLException {
        try (HikariDataSource ds = pool(false, 1, 0)) {
            OlapConnection first;
            try (Connection c = ds.getConnection()) {
                first = c.unwrap(OlapConnection.class);
                ch.server().fault(r -> Jdbc.sqlOf(r).contains("numbers(5)"), Fault.resetBeforeResponse(), 20);
                assertThatThrownBy(() -> count(c, "SELECT number FROM numbers(5)"))
                        .isInstanceOfSatisfying(SQLException.class,
                                e -> assertThat(e.getSQLState()).startsWith("08"));
            }
            try (Connection c = ds.getConnection()) {
                assertThat(c.unwrap(OlapConnection.class)).as("a new connection replaced the broken one")
                        .isNotSameAs(first);
                assertThat(count(c, "SELECT number FROM numbers(3)")).isEqualTo(3);
            }
            assertThat(first.isClosed()).isTrue();
        }
    }
}
