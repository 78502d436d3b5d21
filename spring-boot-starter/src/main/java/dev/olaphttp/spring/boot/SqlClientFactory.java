package dev.olaphttp.spring.boot;

import dev.olaphttp.QueryListener;
import dev.olaphttp.ResiliencePolicy;
import dev.olaphttp.SqlClient;
import dev.olaphttp.TraceContextSupplier;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;

/** Builds the auto-configured clients from their properties, listeners, trace context and customizers. */
public final class SqlClientFactory {
    /** The name of the client configured by the top-level {@code olaphttp.dsn}. */
    public static final String DEFAULT_NAME = "default";

    private final OlapHttpProperties properties;
    private final ObjectProvider<QueryListener> listeners;
    private final ObjectProvider<TraceContextSupplier> traceContext;
    private final ObjectProvider<OlapHttpClientCustomizer> customizers;
    private final ObjectProvider<PolicyObserver> policyObservers;

    SqlClientFactory(
            OlapHttpProperties properties,
            ObjectProvider<QueryListener> listeners,
            ObjectProvider<TraceContextSupplier> traceContext,
            ObjectProvider<OlapHttpClientCustomizer> customizers,
            ObjectProvider<PolicyObserver> policyObservers) {
        this.properties = properties;
        this.listeners = listeners;
        this.traceContext = traceContext;
        this.customizers = customizers;
        this.policyObservers = policyObservers;
    }

    /** Builds the client named {@code name}. */
    public SqlClient create(String name) {
        ClientProperties p = DEFAULT_NAME.equals(name) && properties.getDsn() != null
                ? properties
                : properties.getClients().get(name);
        if (p == null || p.getDsn() == null || p.getDsn().isBlank()) {
            throw new IllegalStateException("olaphttp client '" + name + "' has no dsn");
        }
        SqlClient.Builder b = SqlClient.builder().dsn(p.getDsn());
        if (p.getUser() != null || p.getPassword() != null) {
            b.user(p.getUser() == null ? "" : p.getUser(), p.getPassword() == null ? "" : p.getPassword());
        }
        if (p.getDatabase() != null) {
            b.database(p.getDatabase());
        }
        set(p.getConnectTimeout(), b::connectTimeout);
        set(p.getReadTimeout(), b::readTimeout);
        set(p.getQueryTimeout(), b::queryTimeout);
        p.getOptions().forEach(b::option);
        p.getSettings().forEach(b::setting);
        b.tls(TrustMaterial.from(name, p.getTls()));
        ResiliencePolicy policy = policy(p);
        b.resilience(policy);
        b.listener(CompositeQueryListener.of(listeners.orderedStream().toList()));
        TraceContextSupplier trace = traceContext.getIfUnique();
        if (trace != null) {
            b.traceContext(trace);
        }
        customizers.orderedStream().forEach(c -> c.customize(name, b));
        policyObservers.orderedStream().forEach(o -> o.observe(name, policy));
        return b.build();
    }

    /** A policy of the client's own (own breaker registry), library defaults for what is not set. */
    static ResiliencePolicy policy(ClientProperties p) {
        ClientProperties.Retry r = p.getRetry();
        ResiliencePolicy.Builder b = ResiliencePolicy.builder();
        if (r.getMaxAttempts() != null) {
            b.maxAttempts(r.getMaxAttempts());
        }
        if (r.getInitialBackoff() != null || r.getMultiplier() != null || r.getMaxBackoff() != null) {
            b.backoff(or(r.getInitialBackoff(), Duration.ofMillis(100)), r.getMultiplier() == null ? 2.0 : r.getMultiplier(),
                    or(r.getMaxBackoff(), Duration.ofSeconds(5)));
        }
        if (r.getJitter() != null) {
            b.jitter(r.getJitter());
        }
        if (r.getMaxRetryAfter() != null) {
            b.maxRetryAfter(r.getMaxRetryAfter());
        }
        ClientProperties.CircuitBreaker c = p.getCircuitBreaker();
        if (c.getFailureRateThreshold() != null || c.getSlidingWindowSize() != null
                || c.getMinimumNumberOfCalls() != null || c.getWaitDurationInOpenState() != null
                || c.getPermittedCallsInHalfOpenState() != null) {
            // the library's defaults (ResiliencePolicy) for what is not set
            b.circuitBreakerConfig(CircuitBreakerConfig.custom()
                    .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                    .slidingWindowSize(or(c.getSlidingWindowSize(), 20))
                    .minimumNumberOfCalls(or(c.getMinimumNumberOfCalls(), 10))
                    .failureRateThreshold(or(c.getFailureRateThreshold(), 50f))
                    .waitDurationInOpenState(or(c.getWaitDurationInOpenState(), Duration.ofSeconds(10)))
                    .permittedNumberOfCallsInHalfOpenState(or(c.getPermittedCallsInHalfOpenState(), 2))
                    .automaticTransitionFromOpenToHalfOpenEnabled(false)
                    .build());
        }
        return b.build().withSharedBreakers(); // the client's own registry, visible to CircuitBreakerMetrics
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static void set(Duration d, java.util.function.Consumer<Duration> setter) {
        if (d != null) {
            setter.accept(d);
        }
    }

    /** The configured client names: {@code default} for {@code olaphttp.dsn}, then the named ones. */
    static List<String> names(OlapHttpProperties p) {
        java.util.ArrayList<String> names = new java.util.ArrayList<>();
        if (p.getDsn() != null && !p.getDsn().isBlank()) {
            names.add(DEFAULT_NAME);
        }
        for (Map.Entry<String, ClientProperties> e : p.getClients().entrySet()) {
            names.add(e.getKey());
        }
        return names;
    }

    @Override
    public String toString() {
        return "SqlClientFactory" + names(properties);
    }
}
