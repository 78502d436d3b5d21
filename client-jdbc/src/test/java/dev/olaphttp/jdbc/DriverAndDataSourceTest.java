package dev.olaphttp.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.SqlClient;
import dev.olaphttp.testkit.ClickHouseTestServer;
import dev.olaphttp.testkit.Fault;
import dev.olaphttp.testkit.RecordedRequest;
import dev.olaphttp.testkit.TestServerExtension;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** URL and properties, credentials never echoed, the shared client of the DataSource, abort and network timeout. */
class DriverAndDataSourceTest {
    @RegisterExtension
    final TestServerExtension<ClickHouseTestServer> ch = TestServerExtension.of(ClickHouseTestServer::new);

    @Test
    void theDriverAcceptsOnlyItsPrefix() throws SQLException {
        Driver d = DriverManager.getDriver("jdbc:olaphttp:clickhouse://h:8123/db");
        assertThat(d).isInstanceOf(OlapDriver.class);
        assertThat(d.acceptsURL("jdbc:clickhouse://h:8123")).isFalse();
        assertThat(d.connect("jdbc:mysql://h/db", new Properties())).isNull();
    }

    @Test
    void propertiesBecomeDsnOptionsAndCredentials() throws SQLException {
        ch.server().addUser("ada", "s3cret&=x");
        Properties p = new Properties();
        p.setProperty("user", "ada");
        p.setProperty("password", "s3cret&=x");
        p.setProperty("max_threads", "3"); // a ClickHouse DSN option: a setting
        try (Connection c = DriverManager.getConnection(Jdbc.url(ch.server()), p);
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 7")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(7);
        }
        RecordedRequest r = Jdbc.requestsWith(ch.server(), "SELECT 7").get(0);
        assertThat(r.queryParam("max_threads")).isEqualTo("3");
    }

    @Test
    void aWrongPasswordIsAnAuthorizationErrorThatNeverShowsThePassword() throws SQLException {
        ch.server().addUser("ada", "right");
        try (Connection c = DriverManager.getConnection(Jdbc.url(ch.server()), "ada", "wrong-pw-123");
                Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("SELECT 1"))
                    .isInstanceOf(SQLInvalidAuthorizationSpecException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong-pw-123"));
        }
    }

    @Test
    void aBadUrlIsAConnectionErrorWithoutSecrets() {
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:olaphttp:nosuchdb://u:topsecret@h:1/x?token=abc"))
                .isInstanceOfSatisfying(SQLNonTransientConnectionException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("08001");
                    assertThat(e.getMessage()).doesNotContain("topsecret").doesNotContain("abc");
                });
    }

    @Test
    void dataSourceConnectionsShareOneClientAndCloseItAtTheEnd() throws SQLException {
        OlapDataSource ds = new OlapDataSource(Jdbc.url(ch.server()));
        ds.setUser("default");
        SqlClient a;
        SqlClient b;
        try (Connection c1 = ds.getConnection(); Connection c2 = ds.getConnection()) {
            a = c1.unwrap(SqlClient.class);
            b = c2.unwrap(SqlClient.class);
            assertThat(a).isSameAs(b);
        }
        try (Connection c3 = ds.getConnection(); Statement s = c3.createStatement()) {
            assertThat(s.executeQuery("SELECT 1").next()).as("closing a connection keeps the shared client").isTrue();
        }
        try (Connection other = ds.getConnection("default", "")) {
            assertThat(other.unwrap(SqlClient.class)).isNotSameAs(a);
        }
        ds.close();
        assertThatThrownBy(ds::getConnection).isInstanceOf(SQLException.class);
        assertThat(Jdbc.await(() -> ch.server().openConnectionCount() == 0, Duration.ofSeconds(5)))
                .as("no HTTP connection left open").isTrue();
        assertThat(ds.toString()).doesNotContain("password");
    }

    @Test
    void aDataSourceCanWrapAnExistingClientAndLeavesItOpen() throws SQLException {
        try (SqlClient client = SqlClient.connect("clickhouse://default:@127.0.0.1:" + ch.server().port() + "/default")) {
            OlapDataSource ds = OlapDataSource.wrapping(client);
            try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT 4")) {
                assertThat(c.unwrap(SqlClient.class)).isSameAs(client);
                assertThat(rs.next()).isTrue();
            }
            assertThatThrownBy(() -> ds.getConnection("other", "pw")).isInstanceOf(SQLException.class);
            ds.close();
            int three = client.sql("SELECT 3").single(r -> r.getInt(1));
            assertThat(three).as("the client stays open").isEqualTo(3);
        }
    }

    @Test
    void abortClosesTheConnectionAndStopsItsStatement() throws Exception {
        ch.server().fault(r -> Jdbc.sqlOf(r).contains("numbers(77)"), Fault.delay(Duration.ofSeconds(5)), 1);
        Connection c = DriverManager.getConnection(Jdbc.url(ch.server()), "default", "");
        Statement s = c.createStatement();
        var reader = Jdbc.async(() -> s.executeQuery("SELECT number FROM numbers(77)").next());
        Jdbc.awaitRequest(ch.server(), r -> Jdbc.sqlOf(r).contains("numbers(77)"), Duration.ofSeconds(5));
        ExecutorService ex = Executors.newSingleThreadExecutor();
        try {
            long start = System.nanoTime();
            c.abort(ex);
            assertThat(c.isClosed()).isTrue();
            Throwable failure = Jdbc.failureOf(reader, 5);
            assertThat(failure).isInstanceOf(SQLException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            assertThat(Jdbc.await(() -> isClosed(s), Duration.ofSeconds(5))).isTrue();
        } finally {
            ex.shutdown();
        }
    }

    @Test
    void theNetworkTimeoutBoundsEveryStatement() throws SQLException {
        ch.server().fault(r -> Jdbc.sqlOf(r).contains("numbers(88)"), Fault.delay(Duration.ofSeconds(4)), 1);
        try (Connection c = DriverManager.getConnection(Jdbc.url(ch.server()), "default", "");
                Statement s = c.createStatement()) {
            c.setNetworkTimeout(Runnable::run, 500);
            assertThat(c.getNetworkTimeout()).isEqualTo(500);
            long start = System.nanoTime();
            assertThatThrownBy(() -> s.executeQuery("SELECT number FROM numbers(88)"))
                    .isInstanceOf(SQLTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void closedObjectsFailTyped() throws SQLException {
        Connection c = DriverManager.getConnection(Jdbc.url(ch.server()), "default", "");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT number FROM numbers(3)");
        rs.close();
        assertThatThrownBy(rs::next).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getSQLState()).isEqualTo("24000"));
        s.close();
        assertThatThrownBy(() -> s.executeQuery("SELECT 1")).isInstanceOf(SQLException.class);
        c.close();
        assertThat(List.of(c.isClosed(), s.isClosed(), rs.isClosed())).containsOnly(true);
    }

    private static boolean isClosed(Statement s) {
        try {
            return s.isClosed();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
