package dev.olaphttp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olaphttp.SqlClient;
import dev.olaphttp.testkit.ClickHouseTestServer;
import dev.olaphttp.testkit.DatabendTestServer;
import dev.olaphttp.testkit.SqlMatcher;
import dev.olaphttp.testkit.StarRocksTestServer;
import dev.olaphttp.testkit.Table;
import dev.olaphttp.testkit.TestServer;
import dev.olaphttp.testkit.TestServerExtension;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Our own client reaches every simulator through {@code server.dsn()}; the testkit README example as written. */
class TestkitDsnE2ETest {
    // --- the README example, verbatim but for the class name ---
    @RegisterExtension
    static TestServerExtension<ClickHouseTestServer> ch = TestServerExtension.of(ClickHouseTestServer::new);

    @Test
    void readsRows() {
        ch.server().when(SqlMatcher.contains("FROM trips")).thenReturn(Table.builder()
                .column("id", "UInt64").column("city", "Nullable(String)")
                .row(1L, "Paris").row(2L, null)
                .build());
        try (SqlClient client = SqlClient.connect(ch.server().dsn())) {
            List<String> cities = client.sql("SELECT id, city FROM trips").list(r -> r.getString("city"));
            assertThat(cities).containsExactly("Paris", null);
        }
        // the client's own look-ups (version, time zone) come first; skip to the statement under test
        assertThat(ch.server().takeRequest(SqlMatcher.contains("FROM trips")).sql()).isEqualTo("SELECT id, city FROM trips");
    }
    // --- end of the README example ---

    static Stream<Supplier<TestServer>> servers() {
        return Stream.of(ClickHouseTestServer::new, DatabendTestServer::new, StarRocksTestServer::new);
    }

    @ParameterizedTest
    @MethodSource("servers")
    void theDsnOfEveryServerConnectsOurClient(Supplier<TestServer> factory) {
        try (TestServer server = factory.get(); SqlClient client = SqlClient.connect(server.dsn())) {
            assertThat(client.sql("SELECT number FROM numbers(3)").list(r -> r.getLong(1))).containsExactly(0L, 1L, 2L);
            assertThat(server.takeRequest(SqlMatcher.contains("numbers(3)")).sql()).contains("numbers(3)");
        }
    }

    @ParameterizedTest
    @MethodSource("servers")
    void aDsnForAnotherUserCarriesReservedCharactersIntact(Supplier<TestServer> factory) {
        try (TestServer server = factory.get()) {
            server.addUser("etl user/x%", "p:w/d?%#@");
            try (SqlClient client = SqlClient.connect(server.dsn("etl user/x%", "p:w/d?%#@"))) {
                long five = client.sql("SELECT 5").single(r -> r.getLong(1));
                assertThat(five).isEqualTo(5L);
            }
        }
    }
}
