package dev.olaphttp;


/**
 * The result stream ended or broke before its natural end. Rows may already have reached the caller, so the
 * result is incomplete; it is never retried automatically. Run the whole query again to get a complete result.
 */
public class ResultInterruptedException extends SqlClientException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with the number of rows already delivered. */
    public ResultInterruptedException(String message, Throwable cause, ErrorDetails details, long rowsDelivered) {
        super(message, cause, details, false);
        rowsDelivered(rowsDelivered);
    }
}
