package dev.olaphttp;

import dev.olaphttp.spi.SessionDelta;
import java.util.concurrent.atomic.AtomicBoolean;

/** The session behind {@link SqlSession}: holds the current state and folds each statement's delta into it. */
final class DefaultSqlSession implements SqlSession {
    private final DefaultSqlClient client;
    private volatile SessionState state;
    private final AtomicBoolean closed = new AtomicBoolean();

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

    void fold(SessionDelta delta) {
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
