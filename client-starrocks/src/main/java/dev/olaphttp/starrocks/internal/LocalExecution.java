package dev.olaphttp.starrocks.internal;

import dev.olaphttp.QueryStats;
import dev.olaphttp.Schema;
import dev.olaphttp.spi.QueryExecution;
import dev.olaphttp.spi.RowValues;
import dev.olaphttp.spi.SessionDelta;

/** A SET or USE applied by the client: nothing is sent, no rows, only a {@link SessionDelta}. */
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
        throw new IllegalStateException("a session command has no rows");
    }

    @Override
    public SessionDelta sessionDelta() {
        return delta;
    }

    @Override
    public QueryStats stats() {
        return QueryStats.builder().resultRows(0).affectedRows(0).build();
    }

    @Override
    public void cancel() {}

    @Override
    public void close() {}
}
