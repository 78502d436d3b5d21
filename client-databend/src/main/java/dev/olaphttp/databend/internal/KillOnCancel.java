package dev.olaphttp.databend.internal;

import dev.olaphttp.SqlClientException;
import dev.olaphttp.spi.StatementRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

    private KillOnCancel(DatabendClient client, StatementRequest request, CookieSession cookie, String stickyNode) {
        this.client = client;
        this.request = request;
        this.cookie = cookie;
        this.stickyNode = stickyNode;
    }

    /** What a kill by id needs: the statement, its client session and sticky node. */
    static KillOnCancel register(DatabendClient client, StatementRequest request, CookieSession cookie,
            String stickyNode) {
        return new KillOnCancel(client, request, cookie, stickyNode);
    }

    /**
     * Kills the query by id if the statement was cancelled; called when the POST failed without a {@code kill_uri}.
     * The cancellation flag alone decides: a flag set by a cancel action would race with the aborted POST's return
     * (the abort runs first, so the statement thread could give up before the flag was set). Best effort, never
     * throws; a kill the server does not know answers 404 and is only logged.
     */
    void killIfCancelled() {
        if (!request.cancellation().isCancelled()) {
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
