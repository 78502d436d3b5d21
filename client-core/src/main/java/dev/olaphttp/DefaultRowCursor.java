package dev.olaphttp;

import dev.olaphttp.spi.Cancellation;
import dev.olaphttp.spi.QueryExecution;
import dev.olaphttp.spi.RowValues;
import dev.olaphttp.spi.SessionDelta;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The core's cursor over a dialect's {@link QueryExecution}: state, row limit, conversions, listener, folding. */
final class DefaultRowCursor implements RowCursor {
    private static final Logger log = LoggerFactory.getLogger(DefaultRowCursor.class);

    private enum State {
        OPEN,
        DONE,
        FAILED,
        CLOSED
    }

    private final QueryExecution execution;
    private final QueryInfo info;
    private final Cancellation cancellation;
    private final long maxRows;
    private final QueryListener listener;
    private final Consumer<SessionDelta> onComplete;
    private final Consumer<SessionDelta> onFailure;
    private final ErrorDetails details;
    private Schema schema;
    private int columnCount;
    private Conversions conversions;
    private RowValues values;
    private long rows;
    private volatile State state = State.OPEN;

    DefaultRowCursor(
            QueryExecution execution,
            QueryInfo info,
            Cancellation cancellation,
            long maxRows,
            QueryListener listener,
            Consumer<SessionDelta> onComplete,
            Consumer<SessionDelta> onFailure) {
        this.execution = execution;
        this.info = info;
        this.cancellation = cancellation;
        this.maxRows = maxRows;
        this.listener = listener;
        this.onComplete = onComplete;
        this.onFailure = onFailure;
        this.details = ErrorDetails.of(info.dialect(), info.queryId());
    }

    @Override
    public Schema schema() {
        if (schema == null) {
            schema = guard(execution::schema);
            conversions = new Conversions(schema, details);
            columnCount = schema.size();
        }
        return schema;
    }

    @Override
    public boolean next() {
        switch (state) {
            case DONE:
                return false;
            case CLOSED:
                throw new IllegalStateException("cursor is closed");
            case FAILED:
                throw new IllegalStateException("cursor failed earlier; see the exception it threw");
            default:
                break;
        }
        if (cancellation.isCancelled()) {
            // rows already buffered must not be delivered after a cancel
            QueryCancelledException e = new QueryCancelledException("query cancelled after " + rows + " rows", details);
            e.rowsDelivered(rows);
            fail(e);
            throw e;
        }
        schema();
        if (maxRows > 0 && rows >= maxRows) {
            values = null;
            state = State.DONE;
            foldEarlyEnd();
            execution.close(); // not at the server's end: the dialect stops the server's work
            notifyEnd();
            return false;
        }
        boolean has;
        try { // hot path: no lambda, so nothing is allocated per row whatever the JIT inlines
            has = execution.advance();
        } catch (RuntimeException e) {
            throw failWith(e);
        }
        if (has) {
            rows++;
            values = execution.row();
            return true;
        }
        values = null;
        state = State.DONE;
        SessionDelta delta = execution.sessionDelta();
        execution.close();
        onComplete.accept(delta);
        notifyEnd();
        return false;
    }

    private void notifyEnd() {
        try {
            listener.onEnd(info, execution.stats(), rows);
        } catch (RuntimeException e) {
            log.warn("QueryListener.onEnd threw; ignored", e);
        }
    }

    private <T> T guard(java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (RuntimeException e) {
            throw failWith(e);
        }
    }

    /** Records the failure (state, session, listener) and returns the typed exception to throw. */
    private SqlClientException failWith(RuntimeException e) {
        SqlClientException typed = e instanceof SqlClientException s
                ? s
                : new ProtocolException("dialect failed while reading the result: " + e, e, details);
        typed.rowsDelivered(rows);
        fail(typed);
        return typed;
    }

    private void fail(SqlClientException e) {
        state = State.FAILED;
        values = null;
        try {
            onFailure.accept(execution.failureDelta());
        } catch (RuntimeException fe) {
            log.warn("dialect failed to report the session after an error; state kept", fe);
        }
        execution.close();
        try {
            listener.onFailure(info, e);
        } catch (RuntimeException le) {
            log.warn("QueryListener.onFailure threw; ignored", le);
        }
    }

    private int col(int index) {
        if (values == null) {
            throw new IllegalStateException(
                    state == State.OPEN ? "no current row: call next() first" : "no current row: the cursor is " + state);
        }
        if (index < 1 || index > columnCount) {
            throw new IndexOutOfBoundsException("column index " + index + " is outside 1.." + columnCount);
        }
        return index - 1;
    }

    @Override
    public boolean isNull(int column) {
        return values.isNull(col(column));
    }

    @Override
    public long getLong(int column) {
        return conversions.getLong(values, col(column));
    }

    @Override
    public int getInt(int column) {
        return conversions.getInt(values, col(column));
    }

    @Override
    public double getDouble(int column) {
        return conversions.getDouble(values, col(column));
    }

    @Override
    public boolean getBoolean(int column) {
        return conversions.getBoolean(values, col(column));
    }

    @Override
    public String getString(int column) {
        return conversions.getString(values, col(column));
    }

    @Override
    public BigDecimal getBigDecimal(int column) {
        return conversions.getBigDecimal(values, col(column));
    }

    @Override
    public BigInteger getBigInteger(int column) {
        return conversions.getBigInteger(values, col(column));
    }

    @Override
    public Instant getInstant(int column) {
        return conversions.getInstant(values, col(column));
    }

    @Override
    public LocalDate getLocalDate(int column) {
        return conversions.getLocalDate(values, col(column));
    }

    @Override
    public LocalDateTime getLocalDateTime(int column) {
        return conversions.getLocalDateTime(values, col(column));
    }

    @Override
    public OffsetDateTime getOffsetDateTime(int column) {
        return conversions.getOffsetDateTime(values, col(column));
    }

    @Override
    public byte[] getBytes(int column) {
        return conversions.getBytes(values, col(column));
    }

    @Override
    public Object getObject(int column) {
        return conversions.getObject(values, col(column));
    }

    @Override
    public <T> T get(int column, Class<T> type) {
        return conversions.get(values, col(column), type);
    }

    @Override
    public String queryId() {
        return info.queryId();
    }

    @Override
    public long rowNumber() {
        return rows;
    }

    @Override
    public QueryStats stats() {
        return execution.stats();
    }

    @Override
    public Map<String, String> serverInfo() {
        return execution.serverInfo();
    }

    @Override
    public void cancel() {
        cancellation.cancel();
        execution.cancel();
    }

    @Override
    public void close() {
        State s = state;
        if (s == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        values = null;
        if (s == State.OPEN) {
            foldEarlyEnd(); // closed before the end: keep what the server reported (e.g. Databend's transaction)
        }
        execution.close();
    }

    /** Folds the session as the server last reported it for a statement that stops before its confirmed end. */
    private void foldEarlyEnd() {
        try {
            onFailure.accept(execution.failureDelta());
        } catch (RuntimeException fe) {
            log.warn("dialect failed to report the session of a statement closed early; state kept", fe);
        }
    }

    @Override
    public String toString() {
        return "RowCursor{queryId=" + info.queryId() + ", rows=" + rows + ", state=" + state + "}";
    }
}
