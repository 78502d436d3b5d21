package dev.olaphttp.databend.internal;

import dev.olaphttp.Endpoint;
import dev.olaphttp.QueryInfo;
import dev.olaphttp.SqlClientException;
import dev.olaphttp.spi.HttpCall;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where one query lives: the endpoint that answered its POST, its node and the URIs the server returned. Builds the
 * follow-up calls (pinned to the endpoint, carrying the session cookie and sticky node) and stops the query (kill
 * then final, each once, best effort). Thread-safe.
 */
final class QueryLocation {
    private static final Logger log = LoggerFactory.getLogger(QueryLocation.class);

    private final DatabendClient client;
    private final QueryInfo info;
    private final CookieSession cookie;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile Endpoint endpoint;
    private volatile String nodeId;
    private volatile String finalUri;
    private volatile String killUri;
    private volatile String statsUri;

    QueryLocation(DatabendClient client, QueryInfo info, CookieSession cookie) {
        this.client = client;
        this.info = info;
        this.cookie = cookie;
    }

    /** The endpoint of the first response; later ones are pinned to it. */
    void answeredBy(Endpoint e) {
        if (endpoint == null) {
            endpoint = e;
        }
    }

    /** Learns the node and URIs a page carries (absent ones keep their last value). */
    void learn(Page p) {
        if (p.nodeId != null && !p.nodeId.isEmpty()) {
            nodeId = p.nodeId;
        }
        finalUri = p.finalUri != null ? p.finalUri : finalUri;
        killUri = p.killUri != null ? p.killUri : killUri;
        statsUri = p.statsUri != null ? p.statsUri : statsUri;
    }

    Endpoint endpoint() {
        return endpoint;
    }

    String nodeId() {
        return nodeId;
    }

    String statsUri() {
        return statsUri;
    }

    boolean hasFinalUri() {
        return finalUri != null;
    }

    boolean hasKillUri() {
        return killUri != null;
    }

    boolean stopping() {
        return stopping.get();
    }

    /** A follow-up call (page, final, stats) to {@code uri}. */
    HttpCall.Builder follow(String method, String uri) {
        return client.requests.call(method, uri, cookie, nodeId).endpoint(endpoint).info(info);
    }

    /** Kill (when asked) then final, each once, best effort, on the calling thread. */
    void stop(boolean kill) {
        if (stopping.compareAndSet(false, true)) {
            send(kill);
        }
    }

    /**
     * Kill (when asked) then final, each once, sent from the client's scheduler so that the caller (a thread cancelling another
     * thread's read) never waits on the server: a stalled kill endpoint would otherwise hold it for two housekeeping
     * budgets. The stop is claimed at once, so a concurrent {@link #stop(boolean)} (the reader's close after its read
     * was aborted) sends nothing. On closing, the client lets such already-queued work finish (bounded). If the
     * scheduler is gone, the requests are sent on the calling thread.
     */
    void stopInBackground(boolean kill) {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        try {
            client.requests.context.scheduler().execute(() -> send(kill));
        } catch (RejectedExecutionException e) {
            send(kill);
        }
    }

    private void send(boolean kill) {
        if (kill && killUri != null) {
            sendQuietly("POST", killUri);
        }
        if (finalUri != null) {
            sendQuietly("GET", finalUri);
        }
    }

    private void sendQuietly(String method, String uri) {
        try {
            client.requests.send(client.requests.call(method, uri, cookie, nodeId).info(info), cookie, endpoint);
        } catch (SqlClientException | IllegalArgumentException e) {
            log.debug("{} {} for query {} failed: {}", method, uri.replaceAll("\\?.*", ""), info.queryId(),
                    e instanceof SqlClientException s ? s.baseMessage() : e.getMessage());
        }
    }
}
