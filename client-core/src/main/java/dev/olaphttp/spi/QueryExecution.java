package dev.olaphttp.spi;

import dev.olaphttp.QueryStats;
import dev.olaphttp.Schema;
import java.util.Map;

/**
 * One running statement, created by {@link DialectClient#start}. The core drives it from one thread, except
 * {@link #cancel()}, which any thread may call.
 *
 * <p>Contract: {@link #advance()} returns {@code false} only at the server's confirmed end of the result; a body that
 * ends early must raise {@link dev.olaphttp.ResultInterruptedException}, a mid-stream server error
 * {@link dev.olaphttp.QueryFailedException}. Every exception thrown is a {@link dev.olaphttp.SqlClientException}.
 */
public interface QueryExecution extends AutoCloseable {
    /**
     * An execution for a statement the dialect applied on the client side (ClickHouse or StarRocks {@code SET} and
     * {@code USE} without a server session): nothing is sent, there are no rows, and {@code delta} is folded into
     * the session.
     */
    static QueryExecution sessionOnly(String queryId, SessionDelta delta) {
        return new SessionOnlyExecution(queryId, delta);
    }

    /** The query id sent to the server. */
    String queryId();

    /** The result's columns (may block until the server sent them). Empty for statements without a result. */
    Schema schema();

    /** Moves to the next row; {@code false} at the confirmed end. */
    boolean advance();

    /** The current row, valid until the next {@link #advance()}. May return the same mutable object every time. */
    RowValues row();

    /** What the statement changed in the session; read after {@link #advance()} returned {@code false}. */
    SessionDelta sessionDelta();

    /**
     * The session as the server last reported it for a statement that did not reach its confirmed end: it failed
     * (Databend returns its session with the transaction marked failed), was cancelled, or was closed early. Folded
     * into a {@link dev.olaphttp.SqlSession} on each of those paths, so that an early close inside a transaction
     * keeps what the server said (Databend's {@code last_query_ids}, {@code txn_state}). The core reads it once,
     * after {@link #close()}, so what the dialect's close learnt from the server (a {@code final_uri} answer)
     * counts. None by default.
     */
    default SessionDelta failureDelta() {
        return SessionDelta.none();
    }

    /** Statistics so far. */
    QueryStats stats();

    /** Dialect-specific facts about the result (connection id, server name...). */
    default Map<String, String> serverInfo() {
        return Map.of();
    }

    /** Stops the statement: aborts the blocked call and asks the server to stop. Safe from any thread; idempotent. */
    void cancel();

    /**
     * Releases the response. If the result was not read to its end, stops the server's work (kill) first.
     * Idempotent; never throws.
     */
    @Override
    void close();
}
