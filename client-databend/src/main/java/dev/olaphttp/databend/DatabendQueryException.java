package dev.olaphttp.databend;

import dev.olaphttp.ErrorDetails;
import dev.olaphttp.QueryFailedException;
import java.util.Optional;

/**
 * An error Databend reported about a statement, with the server's numeric code ({@link #errorCode()}), its message
 * and its optional {@link #detail()}; {@link #reason()} says what kind of failure it was.
 */
public class DatabendQueryException extends QueryFailedException {
    private static final long serialVersionUID = 1L;

    /** What kind of failure the server reported. */
    public enum Reason {
        /** The statement ran and failed ({@code state: Failed}, an {@code error} object). */
        QUERY_FAILED,
        /** The server could not start the statement (empty query id), e.g. a lost or aborted transaction. */
        START_FAILED,
        /** The query was closed on the server (finalized, canceled or timed out): HTTP 400 on a page. */
        QUERY_CLOSED,
        /** The query expired or the page does not exist (HTTP 404). */
        QUERY_NOT_FOUND,
        /** The server rejected the request itself (other HTTP 4xx/5xx with an error envelope). */
        REQUEST_REJECTED
    }

    private final Reason reason;
    private final String serverMessage;
    private final String detail;

    public DatabendQueryException(Reason reason, String serverMessage, String detail, ErrorDetails details) {
        super(format(serverMessage, detail, details), null, details, false);
        this.reason = reason;
        this.serverMessage = serverMessage == null ? "" : serverMessage;
        this.detail = detail;
    }

    private static String format(String message, String detail, ErrorDetails details) {
        StringBuilder sb = new StringBuilder();
        details.errorCode().ifPresent(c -> sb.append('[').append(c).append("] "));
        sb.append(message == null || message.isEmpty() ? "query failed" : message);
        if (detail != null && !detail.isEmpty()) {
            sb.append(" (").append(detail).append(')');
        }
        return sb.toString();
    }

    public Reason reason() {
        return reason;
    }

    /** The server's message, without the code or the detail. */
    public String serverMessage() {
        return serverMessage;
    }

    /** The server's optional detail, e.g. {@code at file 'select.csv', line 1}. */
    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }
}
