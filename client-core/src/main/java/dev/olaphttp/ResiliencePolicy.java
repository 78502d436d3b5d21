package dev.olaphttp;

import dev.olaphttp.spi.HttpCall;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import java.util.Objects;

/**
 * How the client retries and when it stops sending to an endpoint: a resilience4j {@code Retry} around a
 * {@code CircuitBreaker} per endpoint. Defaults: 4 attempts, exponential backoff from 100 ms (×2, ±50% jitter, at
 * most 5 s), a server's {@code Retry-After} honoured up to 30 s, all bounded by the statement's time budget. A
 * breaker opens when half of the last 20 calls to an endpoint failed at the transport level or with 5xx/429; SQL and
 * authentication errors never count against it. Breakers are per client unless you pass a registry: a 503 storm
 * seen by one client never blocks another client of the same endpoint.
 *
 * <p>What is retried is decided per call, never after rows reached the caller: see {@link HttpCall}. Pass your own
 * registries to observe retries and breakers with Micrometer or Spring Boot.
 */
public final class ResiliencePolicy {
    private static final ResiliencePolicy DEFAULTS = builder().build();

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final double multiplier;
    private final double jitter;
    private final Duration maxBackoff;
    private final Duration maxRetryAfter;
    private final RetryRegistry retryRegistry;
    private final CircuitBreakerRegistry circuitBreakerRegistry;
    /** The breaker configuration for a client's own registry; {@code null} when the caller passed a registry. */
    private final CircuitBreakerConfig perClientBreakers;

    private ResiliencePolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.multiplier = b.multiplier;
        this.jitter = b.jitter;
        this.maxBackoff = b.maxBackoff;
        this.maxRetryAfter = b.maxRetryAfter;
        this.retryRegistry = b.retryRegistry != null ? b.retryRegistry : RetryRegistry.of(defaultRetryConfig());
        this.perClientBreakers = b.circuitBreakerRegistry != null
                ? null
                : b.circuitBreakerConfig != null ? b.circuitBreakerConfig : defaultBreaker();
        this.circuitBreakerRegistry = b.circuitBreakerRegistry != null
                ? b.circuitBreakerRegistry
                : CircuitBreakerRegistry.of(perClientBreakers);
    }

    /** A copy with {@code breakers}: for one client (its own), or shared by every client built with the copy. */
    private ResiliencePolicy(ResiliencePolicy p, CircuitBreakerRegistry breakers, boolean shared) {
        this.maxAttempts = p.maxAttempts;
        this.initialBackoff = p.initialBackoff;
        this.multiplier = p.multiplier;
        this.jitter = p.jitter;
        this.maxBackoff = p.maxBackoff;
        this.maxRetryAfter = p.maxRetryAfter;
        this.retryRegistry = p.retryRegistry;
        this.perClientBreakers = shared ? null : p.perClientBreakers;
        this.circuitBreakerRegistry = breakers;
    }

    /**
     * The policy one new client runs with: this one when the caller passed a breaker registry (shared, as asked),
     * else a copy with a fresh registry, so that one client's failing endpoint never blocks another client.
     */
    ResiliencePolicy forClient() {
        return perClientBreakers == null ? this
                : new ResiliencePolicy(this, CircuitBreakerRegistry.of(perClientBreakers), false);
    }

    /**
     * Whether every client built with this policy uses {@link #circuitBreakerRegistry()} (a registry was passed, or
     * {@link #withSharedBreakers()}); {@code false} when each client gets breakers of its own that no registry shows.
     */
    public boolean sharesBreakers() {
        return perClientBreakers == null;
    }

    /**
     * This policy with one breaker registry, {@link #circuitBreakerRegistry()}, shared by every client built with the
     * returned policy: to observe the breakers (metrics) without building a registry yourself.
     */
    public ResiliencePolicy withSharedBreakers() {
        return sharesBreakers() ? this : new ResiliencePolicy(this, circuitBreakerRegistry, true);
    }

    /**
     * The default policy (see the class description). Each client using it gets circuit breakers of its own; its
     * retry registry is shared.
     */
    public static ResiliencePolicy defaults() {
        return DEFAULTS;
    }

    /** One attempt per call, breakers still on. */
    public static ResiliencePolicy noRetries() {
        return builder().maxAttempts(1).build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The registry the client takes its {@code Retry} from (one per client, named after the dialect). */
    public RetryRegistry retryRegistry() {
        return retryRegistry;
    }

    /**
     * The registry of {@code CircuitBreaker}s, one per endpoint (named {@code host:port}). The one you passed to
     * {@link Builder#circuitBreakerRegistry} is shared by every client built with this policy (observe it with
     * Micrometer). Without one, every client gets a fresh registry of its own, so this policy's registry serves no
     * client: pass a registry to observe breakers.
     */
    public CircuitBreakerRegistry circuitBreakerRegistry() {
        return circuitBreakerRegistry;
    }

    private RetryConfig defaultRetryConfig() {
        IntervalFunction backoff =
                IntervalFunction.ofExponentialRandomBackoff(initialBackoff, multiplier, jitter, maxBackoff);
        return RetryConfig.<Object>custom()
                .maxAttempts(maxAttempts)
                .retryOnException(e -> true)
                .intervalBiFunction((Integer attempt, Either<Throwable, Object> outcome) -> {
                    long wait = backoff.apply(attempt);
                    if (outcome.isLeft() && outcome.getLeft() instanceof ServerBusyException busy) {
                        Duration hint = busy.retryAfter().orElse(null);
                        if (hint != null) {
                            wait = Math.max(wait, Math.min(hint.toMillis(), maxRetryAfter.toMillis()));
                        }
                    }
                    return wait;
                })
                .build();
    }

    private static CircuitBreakerConfig defaultBreaker() {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(20)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(10))
                .permittedNumberOfCallsInHalfOpenState(2)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .build();
    }

    @Override
    public String toString() {
        return "ResiliencePolicy{maxAttempts=" + maxAttempts + ", backoff=" + initialBackoff + "..." + maxBackoff + "}";
    }

    /** Builds a {@link ResiliencePolicy}. */
    public static final class Builder {
        private int maxAttempts = 4;
        private Duration initialBackoff = Duration.ofMillis(100);
        private double multiplier = 2.0;
        private double jitter = 0.5;
        private Duration maxBackoff = Duration.ofSeconds(5);
        private Duration maxRetryAfter = Duration.ofSeconds(30);
        private RetryRegistry retryRegistry;
        private CircuitBreakerRegistry circuitBreakerRegistry;
        private CircuitBreakerConfig circuitBreakerConfig;

        /** Attempts per call, the first included (1 disables retries). */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** Exponential backoff: the first wait, the factor per attempt and the longest wait. */
        public Builder backoff(Duration initial, double multiplier, Duration max) {
            this.initialBackoff = Objects.requireNonNull(initial);
            this.multiplier = multiplier;
            this.maxBackoff = Objects.requireNonNull(max);
            return this;
        }

        /** Randomization factor of the backoff, 0 to 1. */
        public Builder jitter(double jitter) {
            this.jitter = jitter;
            return this;
        }

        /** The longest {@code Retry-After} honoured. */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = Objects.requireNonNull(maxRetryAfter);
            return this;
        }

        /** Your retry registry; its configuration then decides attempts and waits. */
        public Builder retryRegistry(RetryRegistry registry) {
            this.retryRegistry = registry;
            return this;
        }

        /** Your circuit breaker registry, shared by every client built with this policy. */
        public Builder circuitBreakerRegistry(CircuitBreakerRegistry registry) {
            this.circuitBreakerRegistry = registry;
            return this;
        }

        /** The breaker configuration of each client's own registry, used when no registry is given. */
        public Builder circuitBreakerConfig(CircuitBreakerConfig config) {
            this.circuitBreakerConfig = config;
            return this;
        }

        /** Builds the policy. */
        public ResiliencePolicy build() {
            return new ResiliencePolicy(this);
        }
    }
}
