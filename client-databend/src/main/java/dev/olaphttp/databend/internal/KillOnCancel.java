package dev.olaphttp.databend.internal;

import dev.olaphttp.SqlClientException;
import dev.olaphttp.spi.Cancellation;
import dev.olaphttp.spi.StatementRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A cancel that fires while {@code POST /v1/query} still waits for its response: the transport aborts the call, but
 * the server may already run the statement, and without a response there is no {@code kill_uri}. The query id is
 * the client's ({@code X-DATABEND-QUERY-ID}), so once the aborted POST returned, the query is killed by id with
 * {@code POST /v1/query/{id}/kill} (the one path the protocol notes allow building), under the same client session
 * cookie and sticky node. The kill is sent from the statement's thread, after the abort, so that the cancelling
 * thread never waits on the server and the abort is never delayed by it. A kill that reaches the server before the
 * query was registered gets a 404 and is only logged.
 */
final class KillOnCancel {
    private static final Logger log = LoggerFactory.getLogger(KillOnCancel.class);

    private final DatabendClient client;
    private final StatementRequest request;
    private final CookieSession cookie;
    private final String stickyNode;
    private final AtomicBoolean answered = new AtomicBoolean();
    private final AtomicBoolean cancelledUnanswered = new AtomicBoolean();
    private volatile Cancellation.Registration registration;

    private KillOnCancel(DatabendClient client, StatementRequest request, CookieSession cookie, String stickyNode) {
        this.client = client;
        this.request = request;
        this.cookie = cookie;
        this.stickyNode = stickyNode;
    }

    /** Watches the statement's cancellation until {@link #answered()}. */
    static KillOnCancel register(DatabendClient client, StatementRequest request, CookieSession cookie,
            String stickyNode) {
        KillOnCancel k = new KillOnCancel(client, request, cookie, stickyNode);
        k.registration = request.cancellation().onCancel(k::onCancel);
        return k;
    }

    private void onCancel() {
        if (!answered.get()) {
            cancelledUnanswered.set(true);
        }
    }

    /** The POST returned (with a response or an error): later cancels go through the execution's kill_uri. */
    void answered() {
        answered.set(true);
        Cancellation.Registration r = registration;
        if (r != null) {
            r.close();
        }
    }

    /** Kills the query by id if the cancel came before the POST's response; best effort, never throws. */
    void killIfCancelled() {
        if (!cancelledUnanswered.get() || !request.cancellation().isCancelled()) {
            return;
        }
        String path = "/v1/query/" + URLEncoder.encode(request.queryId(), StandardCharsets.UTF_8).replace("+", "%20")
                + "/kill";
        try {
            client.requests.send(client.requests.call("POST", path, cookie, stickyNode).info(request.info()), cookie,
                    null);
            log.debug("killed query {} cancelled before its first response", request.queryId());
        } catch (SqlClientException | IllegalArgumentException e) {
            log.debug("kill of query {} cancelled before its first response failed: {}", request.queryId(),
                    e instanceof SqlClientException s ? s.baseMessage() : e.getMessage());
        }
    }
}
