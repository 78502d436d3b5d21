package dev.olaphttp.clickhouse.internal;

import dev.olaphttp.QueryStats;
import dev.olaphttp.Schema;
import dev.olaphttp.spi.QueryExecution;
import dev.olaphttp.spi.RowValues;
import dev.olaphttp.spi.SessionDelta;

/**
 * A {@code USE} or {@code SET} handled client-side (no server session): sends nothing; its delta moves the session's
 * database or settings, which the following statements send as URL parameters.
 */
final class LocalExecution implements QueryExecution {
    private final String queryId;
    private final SessionDelta delta;

    LocalExecution(String queryId, SessionDelta delta) {
        this.queryId = queryId;
        this.delta = delta;
    }

    @Override
    public String queryId() {
        return queryId;
    }

    @Override
    public Schema schema() {
        return Schema.empty();
    }

    @Override
    public boolean advance() {
        return false;
    }

    @Override
    public RowValues row() {
        return null;
    }

    @Override
    public SessionDelta sessionDelta() {
        return delta;
    }

    @Override
    public QueryStats stats() {
        return QueryStats.unknown();
    }

    @Override
    public void cancel() {}

    @Override
    public void close() {}
}
