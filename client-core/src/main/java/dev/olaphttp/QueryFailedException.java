package dev.olaphttp;


/**
 * The server ran the statement and reported an error: a syntax error, an unknown table, a type mismatch,
 * a limit exceeded. Also raised when the error arrives in the middle of a streamed result.
 */
public class QueryFailedException extends SqlClientException {
    private static final long serialVersionUID = 1L;

    /** A server error that is not worth retrying. */
    public QueryFailedException(String message, ErrorDetails details) {
        this(message, null, details, false);
    }

    /** A server error; {@code retryable} when the server says trying again may succeed. */
    public QueryFailedException(String message, Throwable cause, ErrorDetails details, boolean retryable) {
        super(message, cause, details, retryable);
    }
}
