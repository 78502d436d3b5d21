package dev.olaphttp;

/**
 * A sequence of statements that carries state forward: after each statement that succeeds, the session folds in
 * what the dialect reports changed ({@code USE}, {@code SET}, Databend's returned session, transaction state).
 *
 * <pre>{@code
 * try (SqlSession s = client.openSession()) {
 *     s.sql("USE sales").execute();
 *     long n = s.sql("SELECT count(*) FROM orders").single(r -> r.getLong(1));
 * }
 * }</pre>
 *
 * <p>Single-threaded: use it from one thread at a time. {@link #close()} releases any server-side session.
 */
public interface SqlSession extends AutoCloseable {
    /** Starts a statement in this session. */
    Query sql(String sql);

    /** The current state; an immutable snapshot that can seed another session. */
    SessionState state();

    /** Releases the server side of the session, if any (Databend logout). Idempotent. */
    @Override
    void close();
}
