package dev.olaphttp.databend.internal;

import dev.olaphttp.Endpoint;
import dev.olaphttp.spi.Cancellation;
import dev.olaphttp.spi.ClientContext;
import dev.olaphttp.spi.Deadline;
import dev.olaphttp.spi.HttpCall;
import dev.olaphttp.spi.HttpErrors;
import dev.olaphttp.spi.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/** Builds the HTTP calls of one client with the headers every Databend request carries. */
final class Requests {
    static final String QUERY_ID = "X-DATABEND-QUERY-ID";
    static final String STICKY_NODE = "X-DATABEND-STICKY-NODE";
    static final String WAREHOUSE = "X-DATABEND-WAREHOUSE";
    static final String TENANT = "X-DATABEND-TENANT";
    static final String DEDUP_LABEL = "X-DATABEND-DEDUPLICATE-LABEL";
    private static final Duration HOUSEKEEPING_BUDGET = Duration.ofSeconds(10);

    final ClientContext context;
    final Options options;

    Requests(ClientContext context, Options options) {
        this.context = context;
        this.options = options;
    }

    /** A call with warehouse, tenant, session cookie and (when known) the sticky node. */
    HttpCall.Builder call(String method, String path, CookieSession session, String stickyNode) {
        HttpCall.Builder b = HttpCall.builder(method, path);
        if (options.warehouse() != null) {
            b.header(WAREHOUSE, options.warehouse());
        }
        if (options.tenant() != null) {
            b.header(TENANT, options.tenant());
        }
        if (session != null) {
            b.header("Cookie", session.cookieHeader());
        }
        if (stickyNode != null && !stickyNode.isEmpty()) {
            b.header(STICKY_NODE, stickyNode);
        }
        return b;
    }

    /** A bounded budget for login, logout, heartbeat, kill and final. */
    static Deadline housekeepingDeadline() {
        return Deadline.after(HOUSEKEEPING_BUDGET);
    }

    /** Sends a housekeeping call, reads and closes the response, learning cookies; returns the body text. */
    String send(HttpCall.Builder builder, CookieSession session, Endpoint endpoint) {
        HttpCall call = builder.endpoint(endpoint).deadline(housekeepingDeadline()).cancellation(new Cancellation())
                .build();
        try (HttpResponse r = context.transport().execute(call)) {
            if (session != null) {
                session.learn(r);
            }
            return drain(r);
        }
    }

    /** Reads a (small) body to its end so that the connection goes back to the pool. */
    static String drain(HttpResponse r) {
        String text = HttpErrors.bodyText(r);
        try {
            InputStream in = r.body();
            byte[] buf = new byte[8192];
            while (in.read(buf) >= 0) {
                // discard what exceeded the bounded read
            }
        } catch (IOException ignored) {
            // the response is closed by the caller either way
        }
        return text;
    }
}
