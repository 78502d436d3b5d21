package dev.olaphttp;


/**
 * The query was cancelled through {@link RowCursor#cancel()} or the cursor was closed while a call was
 * blocked.
 */
public class QueryCancelledException extends SqlClientException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public QueryCancelledException(String message, ErrorDetails details) {
        super(message, null, details, false);
    }
}
