package dev.olaphttp.spi;

import dev.olaphttp.SqlClientException;

/**
 * Decides, before a response is handed to the dialect, whether it is an error, and which. A dialect reads its own
 * error bodies and headers (ClickHouse's {@code X-ClickHouse-Exception-Code} even with status 200, Databend's
 * error object, StarRocks' {@code {"status":"FAILED"}}); {@link HttpErrors} has the common parts.
 */
@FunctionalInterface
public interface ErrorClassifier {
    /**
     * Returns the exception this response means, or {@code null} when it is usable. May read the body; the transport
     * closes the response when an exception is returned. The retry decision follows
     * {@link SqlClientException#isRetryable()}.
     */
    SqlClientException classify(HttpResponse response);

    /** The generic classifier: every 2xx is fine; other statuses per {@link HttpErrors#fromStatus}. */
    static ErrorClassifier standard() {
        return response -> response.status() / 100 == 2 ? null : HttpErrors.fromStatus(response, null);
    }
}
