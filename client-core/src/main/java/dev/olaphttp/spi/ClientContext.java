package dev.olaphttp.spi;

import dev.olaphttp.ErrorDetails;
import dev.olaphttp.QueryListener;
import java.util.concurrent.ScheduledExecutorService;

/** What the core gives a {@link DialectClient}: configuration, the resilient HTTP transport, hooks and a timer. */
public interface ClientContext {
    /** The dialect id, for error details and logs. */
    String dialectId();

    /** The client's settled configuration. */
    ClientConfig config();

    /** Sends HTTP calls with auth, retries, circuit breakers and endpoint failover applied. */
    HttpTransport transport();

    /** The user's listener; call it through the core's hooks, it must not break statements. */
    QueryListener listener();

    /** A daemon scheduler owned by the client, for heartbeats and similar timers. */
    ScheduledExecutorService scheduler();

    /** Error details naming this dialect and a query. */
    default ErrorDetails details(String queryId) {
        return ErrorDetails.of(dialectId(), queryId);
    }
}
