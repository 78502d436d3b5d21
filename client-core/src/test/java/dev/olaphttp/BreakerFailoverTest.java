package dev.olaphttp;

import static dev.olaphttp.LineTesting.ok;
import static dev.olaphttp.LineTesting.status;
import static dev.olaphttp.LineTesting.url;
import static dev.olaphttp.testdialect.LineProtocol.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.testdialect.LineDialect;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** Per-endpoint circuit breakers and failover between endpoints. */
class BreakerFailoverTest {
    private static final String ONE_ROW = body("n:int64", "7");
    private static final String SELECT = "SELECT n FROM t";

    @StartStop
    final MockWebServer first = new MockWebServer();

    @StartStop
    final MockWebServer second = new MockWebServer();

    /** A breaker that opens after two failures in a window of four. */
    private static CircuitBreakerConfig touchyBreaker() {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(4)
                .minimumNumberOfCalls(2)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofMinutes(5))
                .build();
    }

    private static void always(MockWebServer server, MockResponse response) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return response;
            }
        });
    }

    private static SqlClient client(ResiliencePolicy policy, MockWebServer... servers) {
        SqlClient.Builder b = SqlClient.builder().dialect(new LineDialect()).resilience(policy);
        for (MockWebServer s : servers) {
            b.endpoint(url(s));
        }
        return b.build();
    }

    private static CircuitBreaker.State state(CircuitBreakerRegistry registry, MockWebServer server) {
        return registry.circuitBreaker("127.0.0.1:" + server.getPort()).getState();
    }

    @Test
    void failingFirstEndpointFailsOverToTheSecondThenItsBreakerOpens() {
        always(first, status(503, "overloaded"));
        always(second, ok(ONE_ROW));
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(touchyBreaker());
        ResiliencePolicy policy = LineTesting.fastPolicy(3).circuitBreakerRegistry(breakers).build();

        // Each new client prefers the first endpoint; its failures go against that endpoint's breaker.
        for (int i = 0; i < 2; i++) {
            try (SqlClient c = client(policy, first, second)) {
                assertThat(c.sql(SELECT).<Long>single(r -> r.getLong(1))).isEqualTo(7L);
            }
        }
        assertThat(first.getRequestCount()).isEqualTo(2);
        assertThat(second.getRequestCount()).isEqualTo(2);
        assertThat(state(breakers, first)).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(state(breakers, second)).isEqualTo(CircuitBreaker.State.CLOSED);

        for (int i = 0; i < 3; i++) {
            try (SqlClient c = client(policy, first, second)) {
                assertThat(c.sql(SELECT).<Long>single(r -> r.getLong(1))).isEqualTo(7L);
            }
        }
        assertThat(first.getRequestCount()).as("an open breaker keeps calls away").isEqualTo(2);
        assertThat(second.getRequestCount()).isEqualTo(5);
    }

    @Test
    void withEveryBreakerOpenNothingIsSentAndTheErrorSaysWhy() {
        always(first, status(503, "overloaded"));
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(touchyBreaker());
        ResiliencePolicy policy = LineTesting.fastPolicy(1).circuitBreakerRegistry(breakers).build();
        try (SqlClient c = client(policy, first)) {
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> c.sql(SELECT).execute()).isInstanceOf(ServerBusyException.class);
            }
            assertThatThrownBy(() -> c.sql(SELECT).execute())
                    .isInstanceOf(ServerBusyException.class)
                    .hasMessageContaining("circuit breaker open");
        }
        assertThat(first.getRequestCount()).isEqualTo(2);
    }

    @Test
    void sqlErrorsNeverOpenABreaker() {
        always(first, status(400, "ERROR 62: Syntax error"));
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(touchyBreaker());
        ResiliencePolicy policy = LineTesting.fastPolicy(3).circuitBreakerRegistry(breakers).build();
        try (SqlClient c = client(policy, first)) {
            for (int i = 0; i < 12; i++) {
                assertThatThrownBy(() -> c.sql(SELECT).execute()).isInstanceOf(QueryFailedException.class);
            }
        }
        assertThat(first.getRequestCount()).isEqualTo(12);
        assertThat(state(breakers, first)).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void authenticationErrorsNeverOpenABreaker() {
        always(first, status(401, "bad credentials"));
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(touchyBreaker());
        ResiliencePolicy policy = LineTesting.fastPolicy(3).circuitBreakerRegistry(breakers).build();
        try (SqlClient c = SqlClient.builder()
                .dialect(new LineDialect())
                .endpoint(url(first))
                .user("u", "p")
                .resilience(policy)
                .build()) {
            for (int i = 0; i < 12; i++) {
                assertThatThrownBy(() -> c.sql(SELECT).execute()).isInstanceOf(AuthenticationException.class);
            }
        }
        assertThat(first.getRequestCount()).isEqualTo(12);
        assertThat(state(breakers, first)).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void userSuppliedRetryRegistryDecidesAttempts() {
        always(first, status(503, "overloaded"));
        RetryRegistry retries = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(2)
                .waitDuration(Duration.ofMillis(1))
                .build());
        ResiliencePolicy policy = ResiliencePolicy.builder()
                .retryRegistry(retries)
                .circuitBreakerConfig(CircuitBreakerConfig.ofDefaults())
                .build();
        try (SqlClient c = client(policy, first)) {
            assertThatThrownBy(() -> c.sql(SELECT).execute()).isInstanceOf(ServerBusyException.class);
        }
        assertThat(first.getRequestCount()).isEqualTo(2);
        assertThat(retries.getAllRetries()).singleElement().satisfies(r -> {
            assertThat(r.getName()).isEqualTo("olaphttp-linetest");
            assertThat(r.getMetrics().getNumberOfFailedCallsWithRetryAttempt()).isEqualTo(1);
        });
    }

    @Test
    void aRejectedRequestDoesNotUseUpAHalfOpenBreakersTrialCalls() {
        always(first, ok(ONE_ROW));
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
        CircuitBreaker breaker = breakers.circuitBreaker("127.0.0.1:" + first.getPort());
        breaker.transitionToOpenState();
        breaker.transitionToHalfOpenState();
        ResiliencePolicy policy = LineTesting.fastPolicy(1).circuitBreakerRegistry(breakers).build();
        try (SqlClient bad = SqlClient.builder()
                .dialect(new LineDialect())
                .endpoint(url(first))
                .credentials(Credentials.bearer("token\r\nX-Injected: 1"))
                .resilience(policy)
                .build()) {
            assertThatThrownBy(() -> bad.sql(SELECT).execute()).isInstanceOf(InvalidRequestException.class);
        }
        try (SqlClient good = client(policy, first)) {
            assertThat(good.sql(SELECT).<Long>single(r -> r.getLong(1))).isEqualTo(7L);
        }
        assertThat(first.getRequestCount()).isEqualTo(1);
    }
}
