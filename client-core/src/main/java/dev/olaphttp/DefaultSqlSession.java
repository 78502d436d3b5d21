package dev.olaphttp;

import dev.olaphttp.spi.SessionDelta;
import java.util.concurrent.atomic.AtomicBoolean;

/** The session behind {@link SqlSession}: holds the current state and folds each statement's delta into it. */
final class DefaultSqlSession implements SqlSession {
    private final DefaultSqlClient client;
    private volatile SessionState state;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Statements started in this session, numbered from 1. */
    private long started;
    /** The newest statement whose report was folded: an older statement's later report is stale. */
    private long folded;

    DefaultSqlSession(DefaultSqlClient client, SessionState start) {
        this.client = client;
        this.state = start;
    }

    @Override
    public Query sql(String sql) {
        if (closed.get()) {
            throw new IllegalStateException("session is closed");
        }
        return new DefaultQuery(client, sql, this);
    }

    @Override
    public SessionState state() {
        return state;
    }

    /** Numbers a statement about to start, so that what it reports can be ordered against the others. */
    synchronized long begin() {
        return ++started;
    }

    /**
     * Folds what statement {@code ticket} reported, unless a statement started after it has already been folded: a
     * result closed late (a JDBC result set closed after the ROLLBACK that followed it) must not bring back the
     * session the server had before (a transaction already ended).
     */
    synchronized void fold(long ticket, SessionDelta delta) {
        if (ticket < folded) {
            return;
        }
        folded = ticket;
        if (!delta.isEmpty()) {
            state = delta.applyTo(state);
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            client.dialectClient().closeSession(state);
        }
    }

    @Override
    public String toString() {
        return "SqlSession{" + state + (closed.get() ? ", closed" : "") + "}";
    }
}
