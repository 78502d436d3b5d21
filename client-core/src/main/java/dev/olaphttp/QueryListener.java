package dev.olaphttp;

import java.time.Duration;

/**
 * Hooks for metrics and tracing, called synchronously on the thread doing the work. Implementations must be fast
 * and must not throw (exceptions are logged and ignored). All methods have empty defaults.
 */
public interface QueryListener {
    /** A listener that does nothing. */
    QueryListener NONE = new QueryListener() {};

    /** A statement is about to be sent. */
    default void onStart(QueryInfo query) {}

    /** An HTTP request is about to be sent for the statement (first request, page, kill...). */
    default void onRequest(QueryInfo query, String method, String path, int attempt) {}

    /** A request failed and will be tried again after {@code delay}. */
    default void onRetry(QueryInfo query, int attempt, Duration delay, SqlClientException cause) {}

    /** A page arrived (Databend) or the server reported progress (ClickHouse headers). */
    default void onProgress(QueryInfo query, QueryStats progress) {}

    /** The statement ended normally: read to its confirmed end, or to the query's {@code maxRows}. */
    default void onEnd(QueryInfo query, QueryStats stats, long rows) {}

    /**
     * The statement failed or was cancelled ({@link QueryCancelledException}, also when the caller only closed the
     * cursor after {@code cancel()}); {@code error.rowsDelivered()} says how many rows the caller had.
     */
    default void onFailure(QueryInfo query, SqlClientException error) {}

    /**
     * The caller closed the result before its end (an early {@code close()}, {@code Stream.findFirst()}, a mapper
     * that threw, more rows than {@code single()} wanted). Every started statement gets exactly one of
     * {@link #onEnd}, {@link #onFailure} or this; a statement refused before it started (cancelled, an invalid
     * query id) gets none, not even {@link #onStart}.
     */
    default void onClosedEarly(QueryInfo query, QueryStats stats, long rowsDelivered) {}
}
