package dev.olaphttp.spring.boot;

import dev.olaphttp.ResiliencePolicy;

/** Told about each client's own resilience policy (the metrics configuration binds breaker gauges with it). */
@FunctionalInterface
interface PolicyObserver {
    void observe(String clientName, ResiliencePolicy policy);
}
