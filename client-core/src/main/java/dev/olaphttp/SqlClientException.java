package dev.olaphttp;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The root of every exception olaphttp throws. Unchecked; carries the query id, the dialect, the server's error code
 * and whether the failed operation may safely be tried again.
 *
 * <p>Messages never contain credentials, tokens or parameter values.
 */
public abstract class SqlClientException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ErrorDetails details;
    /** Whether trying again could succeed. */
    private final boolean retryable;
    /** Rows of the failed statement's result the caller had received; stamped once by the core's cursor. */
    private long rowsDelivered;

    protected SqlClientException(String message, Throwable cause, ErrorDetails details, boolean retryable) {
        super(message, cause);
        this.details = details == null ? ErrorDetails.none() : details;
        this.retryable = retryable;
    }

    /** All known details about where the error came from. */
    public ErrorDetails details() {
        return details;
    }

    /** The id of the query that failed, when one was assigned. */
    public Optional<String> queryId() {
        return details.queryId();
    }

    /** The dialect id ({@code databend}, {@code clickhouse}, {@code starrocks}). */
    public Optional<String> dialect() {
        return details.dialect();
    }

    /** The server's numeric error code. */
    public OptionalInt errorCode() {
        return details.errorCode();
    }

    /** The HTTP status of the response that reported the error, 0 if none. */
    public int httpStatus() {
        return details.httpStatus();
    }

    /**
     * Whether trying the same operation again could succeed and is safe from this error's point of view. The
     * client's retry additionally requires the request itself to be safe to repeat.
     */
    public boolean isRetryable() {
        return retryable;
    }

    /**
     * How many rows of the failed statement's result the caller had received before this failure: 0 when it failed
     * before any row (or was not a query). A failure with {@code rowsDelivered() > 0} means the rows seen so far
     * are an incomplete result.
     */
    public long rowsDelivered() {
        return rowsDelivered;
    }

    /** Records the rows delivered before the failure; the core's cursor calls this once, before throwing. */
    void rowsDelivered(long rows) {
        this.rowsDelivered = rows;
    }

    /** The message without the {@code [dialect=..., queryId=...]} suffix that {@link #getMessage()} adds. */
    public String baseMessage() {
        return super.getMessage();
    }

    @Override
    public String getMessage() {
        String base = super.getMessage();
        String d = details.toString();
        return d.isEmpty() ? base : base + " [" + d + "]";
    }
}
