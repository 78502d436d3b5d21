package dev.olaphttp.micrometer;

import dev.olaphttp.ResiliencePolicy;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;

/**
 * Gauges of the per-endpoint circuit breakers of a {@link ResiliencePolicy}: {@value #STATE}{@code {endpoint,
 * state}} is 1 for the breaker's current state and 0 for the others (states {@code closed}, {@code open},
 * {@code half_open}, {@code disabled}, {@code forced_open}, {@code metrics_only}), and {@value #FAILURE_RATE}{@code
 * {endpoint}} is the failure rate in percent ({@code -1} until enough calls were seen). Breakers created later (an
 * endpoint's first request) are picked up when created.
 */
public final class CircuitBreakerMetrics {
    /** The state gauge name. */
    public static final String STATE = "olaphttp.circuit.breaker.state";
    /** The failure-rate gauge name. */
    public static final String FAILURE_RATE = "olaphttp.circuit.breaker.failure.rate";

    private CircuitBreakerMetrics() {}

    /**
     * Registers gauges for the policy's breakers, now and as they are created. The policy must share its breakers
     * ({@link ResiliencePolicy#withSharedBreakers()} or a registry passed to its builder): by default each client has
     * breakers of its own that no registry shows, and binding such a policy fails with IllegalArgumentException.
     */
    public static void bind(ResiliencePolicy policy, MeterRegistry meters) {
        if (!policy.sharesBreakers()) {
            throw new IllegalArgumentException("this policy gives each client breakers of its own, which no registry "
                    + "shows: bind policy.withSharedBreakers() and build the clients with that policy");
        }
        bind(policy.circuitBreakerRegistry(), meters);
    }

    /** Registers gauges for the registry's breakers, now and as they are created. */
    public static void bind(CircuitBreakerRegistry breakers, MeterRegistry meters) {
        Objects.requireNonNull(breakers, "breakers");
        Objects.requireNonNull(meters, "meters");
        breakers.getEventPublisher().onEntryAdded(e -> register(e.getAddedEntry(), meters));
        breakers.getAllCircuitBreakers().forEach(b -> register(b, meters));
    }

    private static void register(CircuitBreaker breaker, MeterRegistry meters) {
        String endpoint = breaker.getName();
        for (CircuitBreaker.State state : CircuitBreaker.State.values()) {
            Gauge.builder(STATE, breaker, b -> b.getState() == state ? 1 : 0)
                    .description("1 for the endpoint's circuit breaker state, 0 for the others")
                    .tag("endpoint", endpoint)
                    .tag("state", state.name().toLowerCase(java.util.Locale.ROOT))
                    .register(meters);
        }
        Gauge.builder(FAILURE_RATE, breaker, b -> b.getMetrics().getFailureRate())
                .description("Failure rate of the endpoint's circuit breaker, percent; -1 until enough calls")
                .tag("endpoint", endpoint)
                .baseUnit("percent")
                .register(meters);
    }
}
