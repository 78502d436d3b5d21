package dev.olaphttp;

import static dev.olaphttp.LineTesting.ok;
import static dev.olaphttp.LineTesting.status;
import static dev.olaphttp.testdialect.LineProtocol.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.testdialect.LineDialect;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * D19: without a registry of the caller's, circuit breakers are per client: a 503 storm one client sees on an
 * endpoint never blocks another client of that endpoint (other credentials, other quota). A registry passed in is
 * shared, as asked.
 */
class PerClientBreakersTest {
    private static final String SELECT = "SELECT n FROM t";

    @StartStop
    final MockWebServer server = new MockWebServer();

    private SqlClient client(ResiliencePolicy policy) {
        return SqlClient.builder()
                .dialect(new LineDialect())
                .endpoint(LineTesting.url(server))
                .resilience(policy)
                .readTimeout(Duration.ofSeconds(5)) // a call that should have been kept away fails fast
                .build();
    }

    /** Sends 503s to {@code storm} until its breaker opens (the default breaker: half of at least 10 calls). */
    private void storm(SqlClient storm) {
        for (int i = 0; i < 10; i++) {
            server.enqueue(status(503, "overloaded"));
            assertThatThrownBy(() -> storm.sql(SELECT).execute()).isInstanceOf(ServerBusyException.class);
        }
        int sent = server.getRequestCount();
        assertThatThrownBy(() -> storm.sql(SELECT).execute())
                .isInstanceOf(ServerBusyException.class)
                .hasMessageContaining("circuit breaker open");
        assertThat(server.getRequestCount()).as("the open breaker kept the call away").isEqualTo(sent);
    }

    @Test
    void theDefaultPolicyGivesEveryClientItsOwnBreakers() {
        try (SqlClient a = client(ResiliencePolicy.noRetries()); SqlClient b = client(ResiliencePolicy.noRetries())) {
            assertOtherClientUnaffected(a, b);
        }
        ResiliencePolicy shared = LineTesting.fastPolicy(1).build();
        try (SqlClient a = client(shared); SqlClient b = client(shared)) {
            assertOtherClientUnaffected(a, b);
        }
    }

    @Test
    void theDefaultsInstanceToo() {
        // ResiliencePolicy.defaults() retries 503 with backoff; its breakers are still per client
        try (SqlClient a = client(ResiliencePolicy.defaults()); SqlClient b = client(ResiliencePolicy.defaults())) {
            server.enqueue(ok(body("n:int64", "1")));
            assertThat(b.sql(SELECT).<Long>single(r -> r.getLong(1))).isEqualTo(1L);
        }
        assertThat(ResiliencePolicy.defaults().circuitBreakerRegistry().getAllCircuitBreakers())
                .as("no client uses the defaults' template registry")
                .isEmpty();
    }

    private void assertOtherClientUnaffected(SqlClient a, SqlClient b) {
        storm(a);
        server.enqueue(ok(body("n:int64", "7")));
        assertThat(b.sql(SELECT).<Long>single(r -> r.getLong(1))).isEqualTo(7L);
    }

    @Test
    void aRegistryPassedInIsShared() {
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(20)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofMinutes(5))
                .build());
        ResiliencePolicy policy = LineTesting.fastPolicy(1).circuitBreakerRegistry(registry).build();
        try (SqlClient a = client(policy); SqlClient b = client(policy)) {
            storm(a);
            int sent = server.getRequestCount();
            assertThatThrownBy(() -> b.sql(SELECT).execute()).hasMessageContaining("circuit breaker open");
            assertThat(server.getRequestCount()).isEqualTo(sent);
        }
        assertThat(registry.circuitBreaker("127.0.0.1:" + server.getPort()).getState().name()).isEqualTo("OPEN");
    }
}
