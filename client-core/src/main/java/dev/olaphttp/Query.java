package dev.olaphttp;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One statement to run: a fluent, single-use specification ended by exactly one terminal operation.
 *
 * <pre>{@code
 * long n = client.sql("SELECT count() FROM t WHERE day = {day:Date}")
 *                .param("day", LocalDate.of(2026, 1, 1))
 *                .single(row -> row.getLong(1));
 * }</pre>
 *
 * <p>Not thread-safe. Parameters are either named or positional, not both; how they reach the server (server-side
 * parameters or safe client-side rendering) is the dialect's business. Parameter values never appear in logs or
 * exception messages.
 *
 * <p>All terminals except {@link #stream()} and {@link #stream(RowMapper)} close the result themselves.
 */
public interface Query {
    /** Binds a named parameter. */
    Query param(String name, Object value);

    /** Binds the next positional parameter. */
    Query param(Object value);

    /** Binds several named parameters. */
    Query params(Map<String, ?> values);

    /** A server setting for this statement only, over the session's. */
    Query setting(String name, String value);

    /** The time budget of the whole statement, retries and paging included. */
    Query timeout(Duration timeout);

    /**
     * The query id to send instead of a generated one: printable ASCII (it travels in headers, URLs and KILL
     * statements); anything else raises {@link InvalidRequestException} when the statement runs, before anything
     * is sent. Generated ids ({@link SqlClient.Builder#queryIdGenerator}) follow the same rule.
     */
    Query queryId(String queryId);

    /** Stops reading after this many rows (and stops the server's work); 0 means no limit. */
    Query maxRows(long maxRows);

    /**
     * Declares that running the statement twice is harmless, so the first request may be retried after a failure
     * that left its fate unknown. Defaults to the dialect's judgement (reads are idempotent where the dialect can
     * tell).
     */
    Query idempotent(boolean idempotent);

    /**
     * Cancels the statement; the one method callable from any thread. Before the statement runs, its terminal
     * operation then fails with {@link QueryCancelledException} without sending anything; while the first request is
     * in flight (a slow server has not answered yet) that request is aborted; once rows stream, it is
     * {@link RowCursor#cancel()}. Idempotent.
     */
    void cancel();

    /** Runs the statement and returns a lazy cursor. The caller must close it. */
    RowCursor stream();

    /** Runs the statement as a lazy {@link Stream}; the stream must be closed (try-with-resources). */
    <T> Stream<T> stream(RowMapper<T> mapper);

    /** Runs the statement and maps every row. */
    <T> List<T> list(RowMapper<T> mapper);

    /** Runs the statement and maps its only row; {@link ResultSizeException} unless there is exactly one. */
    <T> T single(RowMapper<T> mapper);

    /** Runs the statement and maps its row if any; {@link ResultSizeException} if there are more. */
    <T> Optional<T> optional(RowMapper<T> mapper);

    /** Runs the statement and hands every row to {@code action}. */
    void forEach(Consumer<? super Row> action);

    /** Runs the statement to completion, discarding any rows. */
    ExecutionResult execute();

    /** Maps rows to a record type, column to component by name (exact, case-insensitive, or snake_case). */
    <R> MappedQuery<R> mapTo(Class<R> recordType);
}
