package dev.olaphttp.spring.boot;

import dev.olaphttp.micrometer.CircuitBreakerMetrics;
import dev.olaphttp.micrometer.MicrometerQueryListener;
import dev.olaphttp.micrometer.MicrometerTraceContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code olaphttp-micrometer} and an {@link ObservationRegistry} bean (Spring Boot Actuator makes one): a
 * {@link MicrometerQueryListener} for every auto-configured client, circuit-breaker gauges per endpoint with a
 * {@link MeterRegistry}, and W3C trace headers from a Micrometer Tracing {@link Tracer} when there is one. Off with
 * {@code olaphttp.metrics.enabled=false}.
 */
@AutoConfiguration(
        before = OlapHttpAutoConfiguration.class,
        afterName = {
            "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration"
        })
@ConditionalOnClass({MicrometerQueryListener.class, ObservationRegistry.class, MeterRegistry.class})
@ConditionalOnProperty(prefix = "olaphttp.metrics", name = "enabled", matchIfMissing = true)
public class OlapHttpMetricsAutoConfiguration {
    /** Observations and counters of every statement. */
    @Bean
    @ConditionalOnBean(ObservationRegistry.class)
    @ConditionalOnMissingBean
    MicrometerQueryListener olapHttpMicrometerQueryListener(
            ObservationRegistry observations, ObjectProvider<MeterRegistry> meters) {
        MicrometerQueryListener.Builder b = MicrometerQueryListener.builder(observations);
        MeterRegistry registry = meters.getIfUnique();
        if (registry != null) {
            b.meterRegistry(registry);
        }
        return b.build();
    }

    /** Breaker gauges of each client's own policy. */
    @Bean
    @ConditionalOnBean(MeterRegistry.class)
    PolicyObserver olapHttpCircuitBreakerMetrics(ObjectProvider<MeterRegistry> meters) {
        return (name, policy) -> {
            MeterRegistry registry = meters.getIfUnique();
            if (registry != null) {
                CircuitBreakerMetrics.bind(policy, registry);
            }
        };
    }

    /** {@code traceparent} from the current Micrometer Tracing span. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Tracer.class)
    static class Tracing {
        @Bean
        @ConditionalOnBean(Tracer.class)
        @ConditionalOnMissingBean(dev.olaphttp.TraceContextSupplier.class)
        MicrometerTraceContext olapHttpTraceContext(Tracer tracer) {
            return new MicrometerTraceContext(tracer);
        }
    }
}
