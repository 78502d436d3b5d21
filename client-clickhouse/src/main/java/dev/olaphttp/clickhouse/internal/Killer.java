package dev.olaphttp.clickhouse.internal;

import dev.olaphttp.SqlClientException;
import dev.olaphttp.spi.Deadline;
import dev.olaphttp.spi.HttpBody;
import dev.olaphttp.spi.HttpCall;
import dev.olaphttp.spi.HttpResponse;
import dev.olaphttp.spi.HttpTransport;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a query on the server with {@code KILL QUERY WHERE query_id = '...'}, sent on its own request (never in the
 * query's server session, which the victim holds), in the background so that {@code close()} and {@code cancel()}
 * do not block.
 */
final class Killer {
    private static final Logger log = LoggerFactory.getLogger(Killer.class);

    private final HttpTransport transport;
    private final ChCalls calls;
    private final Executor executor;
    private final boolean enabled;

    Killer(HttpTransport transport, ChCalls calls, Executor executor, boolean enabled) {
        this.transport = transport;
        this.calls = calls;
        this.executor = executor;
        this.enabled = enabled;
    }

    /** The KILL statement for a query id, the id quoted safely. */
    static String statement(String queryId) {
        return "KILL QUERY WHERE query_id = '" + ValueText.escape(queryId, '\'') + "' ASYNC";
    }

    /** Sends the kill in the background (when enabled). */
    void kill(String queryId) {
        if (!enabled || queryId == null) {
            return;
        }
        try {
            executor.execute(() -> killNow(queryId));
        } catch (RejectedExecutionException e) {
            log.debug("client closing; KILL QUERY for {} not sent", queryId);
        }
    }

    void killNow(String queryId) {
        HttpCall.Builder b = HttpCall.builder("POST", "/")
                .body(HttpBody.text(statement(queryId), ChCalls.TEXT))
                .idempotent(true)
                .deadline(Deadline.after(Duration.ofSeconds(10)));
        calls.auth(b);
        try (HttpResponse r = transport.execute(b.build())) {
            r.body().readNBytes(64 * 1024);
            log.debug("KILL QUERY sent for {}", queryId);
        } catch (SqlClientException | IOException e) {
            log.warn("KILL QUERY for {} failed: {}", queryId, e.getMessage());
        }
    }
}
