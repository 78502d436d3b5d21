package dev.olaphttp.clickhouse.internal;

import dev.olaphttp.ErrorDetails;
import dev.olaphttp.ProtocolException;
import dev.olaphttp.spi.Deadline;
import dev.olaphttp.spi.HttpCall;
import dev.olaphttp.spi.HttpResponse;
import dev.olaphttp.spi.HttpTransport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The version and time zone of each endpoint, looked up once with {@code SELECT version(), timezone()} and cached.
 * With several endpoints all are asked at first use and the oldest version decides what the client relies on; one
 * that could not answer then is asked after it first answers a statement.
 */
final class ServerFacts {
    /** What one endpoint reported. */
    record Facts(String versionText, ServerVersion version, ZoneId zone) {}

    private final java.util.List<dev.olaphttp.Endpoint> endpoints;
    private final HttpTransport transport;
    private final ChCalls calls;
    private final ServerVersion fixed;
    private final Map<String, Facts> byEndpoint = new ConcurrentHashMap<>();
    private final java.util.Set<String> pending = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.locks.ReentrantLock lookupLock = new java.util.concurrent.locks.ReentrantLock();

    ServerFacts(HttpTransport transport, ChCalls calls, ServerVersion fixed, java.util.List<dev.olaphttp.Endpoint> endpoints) {
        this.endpoints = java.util.List.copyOf(endpoints);
        this.transport = transport;
        this.calls = calls;
        this.fixed = fixed;
    }

    /** The version the client relies on: the fixed option, else the oldest endpoint looked up (looking up once). */
    ServerVersion version() {
        if (fixed != null) {
            return fixed;
        }
        return facts().version();
    }

    /** The fixed or oldest known version, without looking one up; {@code null} when none is known. */
    ServerVersion knownVersion() {
        if (fixed != null) {
            return fixed;
        }
        Facts f = oldest();
        return f == null ? null : f.version();
    }

    /** The server's time zone, looking it up if needed (for rendering instants). */
    ZoneId zone() {
        return facts().zone();
    }

    /** The server's time zone when known (from the look-up), else {@code null}. */
    ZoneId zoneIfKnown() {
        Facts oldest = oldest();
        return oldest == null ? null : oldest.zone();
    }

    /** The facts of the oldest known endpoint, looking one up if none is known yet. */
    Facts facts() {
        Facts f = oldest();
        if (f != null) {
            return f;
        }
        lookupLock.lock();
        try {
            f = oldest();
            return f != null ? f : lookupAll();
        } finally {
            lookupLock.unlock();
        }
    }

    private Facts oldest() {
        Facts best = null;
        for (Facts f : byEndpoint.values()) {
            if (best == null || f.version().compareTo(best.version()) < 0) {
                best = f;
            }
        }
        return best;
    }

    /**
     * Notes that an endpoint answered; when its version is not known yet, looks it up in the background (pinned to
     * it), so that every endpoint is asked once and the oldest decides.
     */
    void observe(dev.olaphttp.Endpoint endpoint, java.util.concurrent.Executor executor) {
        if (fixed != null || byEndpoint.containsKey(endpoint.key()) || !pending.add(endpoint.key())) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    lookup(endpoint);
                } catch (RuntimeException e) {
                    pending.remove(endpoint.key()); // try again after the next answer from it
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            pending.remove(endpoint.key());
        }
    }

    /**
     * Asks every endpoint once (so that a failover never lands on an older server than the format assumed); an
     * endpoint that cannot answer now is asked again after it first answers a statement.
     */
    private Facts lookupAll() {
        if (endpoints.size() <= 1) {
            return lookup(null);
        }
        RuntimeException last = null;
        for (dev.olaphttp.Endpoint e : endpoints) {
            try {
                lookup(e);
            } catch (RuntimeException ex) {
                last = ex;
            }
        }
        Facts f = oldest();
        if (f == null) {
            throw last;
        }
        return f;
    }

    private Facts lookup(dev.olaphttp.Endpoint pinned) {
        HttpCall.Builder b = HttpCall.builder("GET", "/")
                .endpoint(pinned)
                .queryParam("query", "SELECT version(), timezone() FORMAT TabSeparated")
                .idempotent(true)
                .deadline(Deadline.after(Duration.ofSeconds(pinned == null ? 30 : 10)));
        calls.auth(b);
        try (HttpResponse r = transport.execute(b.build())) {
            String text = read(r.body());
            String[] parts = text.strip().split("\t");
            ServerVersion v;
            ZoneId zone;
            try {
                v = ServerVersion.parse(parts[0]);
                zone = parts.length > 1 ? ZoneId.of(parts[1].strip()) : null;
            } catch (RuntimeException e) {
                throw HttpErrorsBridge.protocol(r, text, e);
            }
            Facts f = new Facts(parts[0].strip(), v, zone);
            byEndpoint.put(r.endpoint().key(), f);
            return f;
        }
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readNBytes(4096), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ProtocolException("could not read the server version: " + e.getMessage(), e,
                    ErrorDetails.of(ChErrors.DIALECT, null));
        }
    }

    /** Builds protocol errors for unexpected look-up answers. */
    static final class HttpErrorsBridge {
        private HttpErrorsBridge() {}

        static ProtocolException protocol(HttpResponse r, String text, RuntimeException cause) {
            return new ProtocolException("unexpected answer to SELECT version(): "
                    + dev.olaphttp.spi.HttpErrors.snippet(text), cause,
                    ErrorDetails.of(ChErrors.DIALECT, null).withHttpStatus(r.status()));
        }
    }
}
