package dev.olaphttp.spi;

import dev.olaphttp.SessionState;

/**
 * The part of a dialect bound to one {@link dev.olaphttp.SqlClient}: starts statements and owns per-client state.
 * Must be thread-safe.
 */
public interface DialectClient extends AutoCloseable {
    /**
     * Starts a statement: sends its first request and returns the execution that reads the result. Throws a
     * {@link dev.olaphttp.SqlClientException} when the statement cannot start.
     */
    QueryExecution start(StatementRequest request);

    /**
     * Runs one bulk load, streaming the data. Throws {@link UnsupportedOperationException} when the dialect has
     * no bulk loading.
     */
    default dev.olaphttp.InsertResult insert(InsertRequest request) {
        throw new UnsupportedOperationException("this dialect has no bulk loading");
    }

    /** Called when a {@link dev.olaphttp.SqlSession} closes with its last state (e.g. Databend logout). */
    default void closeSession(SessionState state) {}

    /**
     * Dialect-specific extensions reachable through {@link dev.olaphttp.SqlClient#extension(Class)} (stage
     * uploads, streamed inserts...); {@code null} when this dialect has none of that type.
     */
    default <T> T extension(Class<T> type) {
        return null;
    }

    /** Releases per-client resources. The core closes the transport afterwards. */
    @Override
    default void close() {}
}
