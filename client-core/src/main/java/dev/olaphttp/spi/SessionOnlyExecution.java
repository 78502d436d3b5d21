package dev.olaphttp.spi;

import dev.olaphttp.QueryStats;
import dev.olaphttp.Schema;

/** A statement the client applied itself (a client-side {@code SET} or {@code USE}): nothing sent, no rows. */
final class SessionOnlyExecution implements QueryExecution {
    private static final QueryStats NO_ROWS = QueryStats.builder().resultRows(0).affectedRows(0).build();

    private final String queryId;
    private final SessionDelta delta;

    SessionOnlyExecution(String queryId, SessionDelta delta) {
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
        return NO_ROWS;
    }

    @Override
    public void cancel() {}

    @Override
    public void close() {}
}
