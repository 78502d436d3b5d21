package dev.olaphttp;

import java.util.Map;

/**
 * A forward-only, lazily fetched result. {@link #next()} moves to the next row, pulling the next page, line or
 * buffer from the server only when needed, so memory stays bounded however large the result is. The getters of
 * {@link Row} read the current row.
 *
 * <p>Not thread-safe, except {@link #cancel()}, which may be called from any thread and unblocks a blocked read.
 * The cursor must be closed (try-with-resources); {@link #close()} is idempotent, throws no checked exception and,
 * if the result was not read to its end, stops the server's work. A result that ended early never looks complete:
 * {@code next()} returns {@code false} only at the server's confirmed end; otherwise it throws.
 */
public interface RowCursor extends Row, AutoCloseable {
    /**
     * Moves to the next row.
     *
     * @return {@code false} at the confirmed end of the result (or the query's {@code maxRows})
     * @throws SqlClientException on any failure; {@link ResultInterruptedException} if the stream broke
     */
    boolean next();

    /** The id of the query, as sent to the server. */
    String queryId();

    /** Rows returned by {@link #next()} so far. */
    long rowNumber();

    /** Statistics so far; final once {@link #next()} has returned {@code false}. */
    QueryStats stats();

    /**
     * Dialect-specific facts about this result, e.g. StarRocks' {@code connectionId}, ClickHouse's
     * {@code X-ClickHouse-Server-Display-Name} and {@code X-ClickHouse-Timezone}.
     */
    Map<String, String> serverInfo();

    /** Cancels the query: safe from any thread; a blocked {@link #next()} fails with {@link QueryCancelledException}. */
    void cancel();

    /** Releases the response and, if the result was not read to its end, asks the server to stop. Idempotent. */
    @Override
    void close();
}
