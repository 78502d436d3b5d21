package dev.olaphttp;

import java.time.Duration;
import java.util.Optional;

/**
 * The server or a gateway in front of it cannot take the request now (HTTP 429, 502, 503, 504, or an
 * open circuit breaker). Retryable; {@link #retryAfter()} carries the server's {@code Retry-After} hint.
 */
public class ServerBusyException extends SqlClientException {
    private static final long serialVersionUID = 1L;

    /** The server's {@code Retry-After} hint, or {@code null}. */
    private final Duration retryAfter;

    /** A retryable busy error. */
    public ServerBusyException(String message, Throwable cause, ErrorDetails details, Duration retryAfter) {
        this(message, cause, details, retryAfter, true);
    }

    /** A busy error; {@code retryable} false when trying again now cannot help (an open circuit breaker). */
    public ServerBusyException(
            String message, Throwable cause, ErrorDetails details, Duration retryAfter, boolean retryable) {
        super(message, cause, details, retryable);
        this.retryAfter = retryAfter;
    }

    /** How long the server asked us to wait, when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
