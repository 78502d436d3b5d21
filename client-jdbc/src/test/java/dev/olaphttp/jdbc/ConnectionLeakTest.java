package dev.olaphttp.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.testkit.ClickHouseTestServer;
import dev.olaphttp.testkit.DatabendTestServer;
import dev.olaphttp.testkit.SqlMatcher;
import dev.olaphttp.testkit.StarRocksTestServer;
import dev.olaphttp.testkit.TestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every path of a statement (read to the end, closed early, failed, abandoned by closing the statement or the
 * connection) releases its HTTP connection: once the JDBC connection is closed the server sees none open.
 */
class ConnectionLeakTest {
    static Stream<Arguments> servers() {
        return Stream.of(
                Arguments.of("clickhouse", (Function<TestServer, String>) s -> Jdbc.url((ClickHouseTestServer) s),
                        (java.util.function.Supplier<TestServer>) ClickHouseTestServer::new),
                Arguments.of("databend", (Function<TestServer, String>) s -> Jdbc.url((DatabendTestServer) s),
                        (java.util.function.Supplier<TestServer>) DatabendTestServer::new),
                Arguments.of("starrocks", (Function<TestServer, String>) s -> Jdbc.url((StarRocksTestServer) s),
                        (java.util.function.Supplier<TestServer>) StarRocksTestServer::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void noHttpConnectionOutlivesTheJdbcConnection(String name, Function<TestServer, String> url,
            java.util.function.Supplier<TestServer> factory) throws SQLException {
        try (TestServer server = factory.get()) {
            server.when(SqlMatcher.contains("FROM broken")).thenFail(1064, "Getting syntax error");
            String user = name.equals("clickhouse") ? "default" : "root";
            Connection c = DriverManager.getConnection(url.apply(server), user, "");
            for (int round = 0; round < 3; round++) {
                try (Statement s = c.createStatement()) {
                    try (ResultSet rs = s.executeQuery("SELECT number FROM numbers(1000)")) {
                        int n = 0;
                        while (rs.next()) {
                            n++;
                        }
                        assertThat(n).isEqualTo(1000);
                    }
                    try (ResultSet rs = s.executeQuery("SELECT number FROM numbers(10000000)")) {
                        assertThat(rs.next()).isTrue();
                    }
                    assertThatThrownBy(() -> s.executeQuery("SELECT * FROM broken")).isInstanceOf(SQLException.class);
                    ResultSet abandoned = s.executeQuery("SELECT number FROM numbers(10000000)");
                    assertThat(abandoned.next()).isTrue();
                    s.executeQuery("SELECT number FROM numbers(5)").close(); // closes the abandoned one first
                    assertThat(abandoned.isClosed()).isTrue();
                }
            }
            Statement open = c.createStatement();
            assertThat(open.executeQuery("SELECT number FROM numbers(10000000)").next()).isTrue();
            c.close();
            assertThat(Jdbc.await(() -> server.openConnectionCount() == 0, Duration.ofSeconds(10)))
                    .as("%s: open HTTP connections after close: %s", name, server.openConnectionCount()).isTrue();
        }
    }
}
