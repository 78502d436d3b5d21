package dev.olaphttp.spi;

/**
 * Sends one {@link HttpCall} and returns its response once the status and headers have arrived; the body streams.
 * The core's implementation applies credentials, User-Agent, timeouts, the dialect's {@link ErrorClassifier},
 * resilience4j retries and per-endpoint circuit breakers. Thread-safe.
 */
public interface HttpTransport {
    /**
     * Sends the call. Returns only responses the classifier accepted; the caller must close them.
     *
     * @throws dev.olaphttp.SqlClientException when the call failed after any retries
     */
    HttpResponse execute(HttpCall call);
}
