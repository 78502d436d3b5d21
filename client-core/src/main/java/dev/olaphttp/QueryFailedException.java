package dev.olaphttp;


/**
 * The server ran the statement and reported an error: a syntax error, an unknown table, a type mismatch,
 * a limit exceeded. Also raised when the error arrives in the middle of a streamed result.
 */
public class QueryFailedException extends SqlClientException {
    private static final long serialVersionUID = 1L;

    public QueryFailedException(String message, ErrorDetails details) {
        this(message, null, details, false);
    }

    public QueryFailedException(String message, Throwable cause, ErrorDetails details, boolean retryable) {
        super(message, cause, details, retryable);
    }
}
