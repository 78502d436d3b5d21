package dev.olaphttp.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.ResiliencePolicy;
import dev.olaphttp.ServerBusyException;
import dev.olaphttp.SqlClient;
import dev.olaphttp.testkit.DatabendTestServer;
import dev.olaphttp.testkit.Fault;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Breaker state per endpoint as gauges, breakers created after binding included. */
class CircuitBreakerMetricsTest {
    @Test
    void breakerStateFollowsTheEndpoint() {
        MeterRegistry meters = new SimpleMeterRegistry();
        ResiliencePolicy policy = ResiliencePolicy.builder()
                .maxAttempts(1)
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .slidingWindowSize(2)
                        .minimumNumberOfCalls(2)
                        .failureRateThreshold(50)
                        .waitDurationInOpenState(Duration.ofMinutes(1))
                        .build())
                .build()
                .withSharedBreakers();
        CircuitBreakerMetrics.bind(policy, meters);
        try (DatabendTestServer server = new DatabendTestServer();
                SqlClient c = SqlClient.builder()
                        .dsn("databend://root:@127.0.0.1:" + server.port() + "/default?sslmode=disable")
                        .resilience(policy)
                        .build()) {
            String endpoint = "127.0.0.1:" + server.port();
            server.fault(r -> r.path().startsWith("/v1/query"), Fault.status(503), 2);
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> c.sql("SELECT 1").execute()).isInstanceOf(ServerBusyException.class);
            }
            assertThat(state(meters, endpoint, "open")).isEqualTo(1.0);
            assertThat(state(meters, endpoint, "closed")).isEqualTo(0.0);
            assertThat(meters.get(CircuitBreakerMetrics.FAILURE_RATE).tag("endpoint", endpoint).gauge().value())
                    .as("at or over the 50% threshold").isGreaterThanOrEqualTo(50.0);
        }
    }

    private static double state(MeterRegistry meters, String endpoint, String state) {
        return meters.get(CircuitBreakerMetrics.STATE).tag("endpoint", endpoint).tag("state", state).gauge().value();
    }

    @Test
    void aPolicyWhoseClientsHaveBreakersOfTheirOwnCannotBeBoundSilently() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> CircuitBreakerMetrics.bind(ResiliencePolicy.defaults(), new SimpleMeterRegistry()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("withSharedBreakers");
        ResiliencePolicy shared = ResiliencePolicy.defaults().withSharedBreakers();
        org.assertj.core.api.Assertions.assertThat(shared.sharesBreakers()).isTrue();
        org.assertj.core.api.Assertions.assertThat(shared.withSharedBreakers()).isSameAs(shared);
    }
}
