package dev.olaphttp.internal;

import dev.olaphttp.ProxyOptions;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The connection settings of a client's own HTTP client: pool, proxy and extra request headers (validated by the
 * builder). Immutable.
 *
 * @param maxIdleConnections idle connections kept per client
 * @param keepAlive          how long an idle connection is kept
 * @param poolSet            whether the caller chose the pool (refused with a borrowed HTTP client)
 * @param proxy              the proxy, {@link ProxyOptions#none()} for direct connections
 * @param headers            extra headers sent with every request unless the dialect sets the same header
 */
public record HttpSettings(
        int maxIdleConnections, Duration keepAlive, boolean poolSet, ProxyOptions proxy, Map<String, String> headers) {
    /** How long an owned client keeps an idle connection by default (below ClickHouse 18.16's 3 s keep-alive). */
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(2);

    /** Idle connections kept by default. */
    public static final int DEFAULT_MAX_IDLE = 8;

    /** Copies the headers. */
    public HttpSettings {
        Objects.requireNonNull(keepAlive, "keepAlive");
        Objects.requireNonNull(proxy, "proxy");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** The defaults: 8 idle connections kept 2 s, no proxy, no extra headers. */
    public static HttpSettings defaults() {
        return new HttpSettings(DEFAULT_MAX_IDLE, DEFAULT_KEEP_ALIVE, false, ProxyOptions.none(), Map.of());
    }

    @Override
    public String toString() {
        // header values may be tokens: names only
        return "HttpSettings{pool=" + maxIdleConnections + "/" + keepAlive + ", " + proxy + ", headers="
                + headers.keySet() + "}";
    }
}
