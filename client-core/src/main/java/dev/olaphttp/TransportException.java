package dev.olaphttp;


/**
 * The request could not be sent or its response could not be read: connection refused or reset, TLS
 * failure, an I/O error. Retryable when the request is safe to repeat; {@link #requestSent()} says whether the
 * server may have seen it.
 */
public class TransportException extends SqlClientException {
    private static final long serialVersionUID = 1L;

    /** Whether the server may have seen the request. */
    private final boolean requestSent;

    /** Creates the exception; {@code requestSent} false only when no byte reached the server. */
    public TransportException(String message, Throwable cause, ErrorDetails details, boolean requestSent) {
        super(message, cause, details, true);
        this.requestSent = requestSent;
    }

    /** False when the failure happened before any byte of the request reached the server (safe to re-send). */
    public boolean requestSent() {
        return requestSent;
    }
}
