package dev.olaphttp;


/**
 * The statement did not finish within its time budget ({@link Query#timeout}) or a read timed out.
 */
public class QueryTimeoutException extends SqlClientException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public QueryTimeoutException(String message, Throwable cause, ErrorDetails details) {
        super(message, cause, details, false);
    }
}
