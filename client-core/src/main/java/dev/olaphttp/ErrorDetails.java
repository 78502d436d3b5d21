package dev.olaphttp;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where an error came from: the dialect, the query id, the HTTP status and the server's own error code and name.
 * Immutable; every field may be absent.
 */
public final class ErrorDetails {
    private static final ErrorDetails NONE = new ErrorDetails(null, null, 0, null, null);

    private final String dialect;
    private final String queryId;
    private final int httpStatus;
    private final Integer errorCode;
    private final String errorName;

    private ErrorDetails(String dialect, String queryId, int httpStatus, Integer errorCode, String errorName) {
        this.dialect = dialect;
        this.queryId = queryId;
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.errorName = errorName;
    }

    /** No details known. */
    public static ErrorDetails none() {
        return NONE;
    }

    /** Details naming the dialect and query id. */
    public static ErrorDetails of(String dialect, String queryId) {
        return new ErrorDetails(dialect, queryId, 0, null, null);
    }

    /** A copy naming the dialect. */
    public ErrorDetails withDialect(String dialect) {
        return new ErrorDetails(dialect, queryId, httpStatus, errorCode, errorName);
    }

    /** A copy naming the query id. */
    public ErrorDetails withQueryId(String queryId) {
        return new ErrorDetails(dialect, queryId, httpStatus, errorCode, errorName);
    }

    /** A copy with the HTTP status. */
    public ErrorDetails withHttpStatus(int httpStatus) {
        return new ErrorDetails(dialect, queryId, httpStatus, errorCode, errorName);
    }

    /** A copy with the server's numeric error code. */
    public ErrorDetails withErrorCode(int errorCode) {
        return new ErrorDetails(dialect, queryId, httpStatus, errorCode, errorName);
    }

    /** A copy with the server's symbolic error name. */
    public ErrorDetails withErrorName(String errorName) {
        return new ErrorDetails(dialect, queryId, httpStatus, errorCode, errorName);
    }

    /** The dialect id, when known. */
    public Optional<String> dialect() {
        return Optional.ofNullable(dialect);
    }

    /** The query id, when one was assigned. */
    public Optional<String> queryId() {
        return Optional.ofNullable(queryId);
    }

    /** The HTTP status of the response that carried the error, or 0 when there was none. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The server's numeric error code (ClickHouse {@code Code: 60}, Databend {@code 1025}). */
    public OptionalInt errorCode() {
        return errorCode == null ? OptionalInt.empty() : OptionalInt.of(errorCode);
    }

    /** The server's symbolic error name, e.g. {@code UNKNOWN_TABLE}. */
    public Optional<String> errorName() {
        return Optional.ofNullable(errorName);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (dialect != null) {
            sb.append("dialect=").append(dialect);
        }
        if (queryId != null) {
            sb.append(sb.isEmpty() ? "" : ", ").append("queryId=").append(queryId);
        }
        if (httpStatus != 0) {
            sb.append(sb.isEmpty() ? "" : ", ").append("http=").append(httpStatus);
        }
        if (errorCode != null) {
            sb.append(sb.isEmpty() ? "" : ", ").append("code=").append(errorCode);
        }
        if (errorName != null) {
            sb.append(sb.isEmpty() ? "" : ", ").append("name=").append(errorName);
        }
        return sb.toString();
    }
}
