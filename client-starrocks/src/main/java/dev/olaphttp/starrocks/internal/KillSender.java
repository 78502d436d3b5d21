package dev.olaphttp.starrocks.internal;

import dev.olaphttp.Endpoint;
import dev.olaphttp.SessionState;
import dev.olaphttp.spi.ClientContext;
import dev.olaphttp.spi.Deadline;
import dev.olaphttp.spi.HttpCall;
import dev.olaphttp.spi.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@code KILL QUERY <connectionId>} to the FE that runs a statement, as a separate call through the client's
 * transport (on another connection: the statement's own was just aborted), on the client's timer thread. Failures
 * are logged, never thrown: the statement has already ended for the caller.
 */
final class KillSender {
    private static final Logger log = LoggerFactory.getLogger(KillSender.class);
    private static final Duration BUDGET = Duration.ofSeconds(10);

    private final ClientContext context;

    KillSender(ClientContext context) {
        this.context = context;
    }

    /** Kills the running query of {@code connectionId} on {@code endpoint}; completes when done or failed. */
    CompletableFuture<Void> killQuery(String connectionId, Endpoint endpoint, SessionState state, String queryId) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (connectionId == null || !connectionId.chars().allMatch(Character::isDigit) || connectionId.isEmpty()) {
            done.complete(null);
            return done;
        }
        Runnable task = () -> {
            try {
                send(connectionId, endpoint, state);
                log.debug("sent KILL QUERY {} for query {}", connectionId, queryId);
            } catch (RuntimeException e) {
                log.warn("KILL QUERY {} for query {} failed: {}", connectionId, queryId, e.getMessage());
            } finally {
                done.complete(null);
            }
        };
        try {
            context.scheduler().execute(task);
        } catch (RuntimeException e) {
            log.warn("could not schedule KILL QUERY {} for query {}: {}", connectionId, queryId, e.toString());
            done.complete(null);
        }
        return done;
    }

    private void send(String connectionId, Endpoint endpoint, SessionState state) {
        SessionState catalogOnly = SessionState.empty().withCatalog(state.catalog().orElse(null));
        HttpCall call = SqlRequests.call(SqlRequests.path(catalogOnly), "KILL QUERY " + connectionId, Map.of())
                .endpoint(endpoint)
                .deadline(Deadline.after(BUDGET))
                .idempotent(false)
                .build();
        try (HttpResponse response = context.transport().execute(call)) {
            response.body().readAllBytes();
        } catch (java.io.IOException e) {
            log.debug("reading the KILL QUERY response failed: {}", e.toString());
        }
    }
}
