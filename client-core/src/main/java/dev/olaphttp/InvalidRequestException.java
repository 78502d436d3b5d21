package dev.olaphttp;

/**
 * The statement could not be sent as built: a placeholder left unbound, a parameter value the dialect cannot
 * represent exactly, a header-bound value (query id, role, label) holding CR or LF, a value over a limit. Nothing
 * reached the server. Not retryable: fix the call.
 */
public class InvalidRequestException extends SqlClientException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception; the message names what is wrong but never quotes a parameter value. */
    public InvalidRequestException(String message, ErrorDetails details) {
        super(message, null, details, false);
    }

    /** Creates the exception with the check that failed as its cause. */
    public InvalidRequestException(String message, Throwable cause, ErrorDetails details) {
        super(message, cause, details, false);
    }
}
