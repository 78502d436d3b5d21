package dev.olaphttp;

/**
 * Identifies a statement to a {@link QueryListener}, with what is known about it at the time of the call. Immutable:
 * the core hands a listener an updated copy where something changed (the endpoint and attempt of a request, the rows
 * and bytes read so far at progress and at the end).
 *
 * @param queryId   the query id sent to the server
 * @param dialect   the dialect id
 * @param sql       the statement text (parameter values are never included); never use it as a metrics tag
 * @param kind      what the statement does, from its first keyword
 * @param endpoint  the endpoint ({@code host:port}) of the current request, or {@code null} before the first
 * @param attempt   the attempt number of the current request (1 for the first send), 0 before the first
 * @param rowsRead  rows the server reported scanned so far, {@code -1} if unknown
 * @param bytesRead bytes the server reported scanned so far, {@code -1} if unknown
 */
public record QueryInfo(
        String queryId,
        String dialect,
        String sql,
        StatementKind kind,
        String endpoint,
        int attempt,
        long rowsRead,
        long bytesRead) {

    /** Derives {@link #kind()} from the SQL when not given. */
    public QueryInfo {
        kind = kind != null ? kind : StatementKind.of(sql);
    }

    /** A statement not yet sent: kind from its SQL, no endpoint, attempt 0, counters unknown. */
    public QueryInfo(String queryId, String dialect, String sql) {
        this(queryId, dialect, sql, null, null, 0, -1, -1);
    }

    /** A copy naming the endpoint and attempt of the request about to be sent. */
    public QueryInfo atAttempt(String endpoint, int attempt) {
        return new QueryInfo(queryId, dialect, sql, kind, endpoint, attempt, rowsRead, bytesRead);
    }

    /** A copy with the attempt number, the endpoint kept. */
    public QueryInfo withAttempt(int attempt) {
        return new QueryInfo(queryId, dialect, sql, kind, endpoint, attempt, rowsRead, bytesRead);
    }

    /** A copy with the rows and bytes read so far ({@code -1} for unknown). */
    public QueryInfo withProgress(long rowsRead, long bytesRead) {
        return new QueryInfo(queryId, dialect, sql, kind, endpoint, attempt, rowsRead, bytesRead);
    }

    /** Never includes the SQL text (it may be long or sensitive). */
    @Override
    public String toString() {
        return "QueryInfo{queryId=" + queryId + ", dialect=" + dialect + ", kind=" + kind + ", endpoint=" + endpoint
                + ", attempt=" + attempt + ", rowsRead=" + rowsRead + ", bytesRead=" + bytesRead + "}";
    }
}
