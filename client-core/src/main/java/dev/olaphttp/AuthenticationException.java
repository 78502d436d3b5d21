package dev.olaphttp;


/**
 * The server rejected the credentials or the user may not do this (HTTP 401/403, or the server's own
 * authentication error codes). Never retried; never opens the circuit breaker.
 */
public class AuthenticationException extends SqlClientException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception; the message must not contain credentials. */
    public AuthenticationException(String message, ErrorDetails details) {
        super(message, null, details, false);
    }
}
