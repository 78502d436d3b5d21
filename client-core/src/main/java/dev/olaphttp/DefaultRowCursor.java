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

/**
 * The core's cursor over a dialect's {@link QueryExecution}: state, row limit, conversions, and the statement's one
 * {@link StatementEnd}. Every exception leaving it carries {@link SqlClientException#rowsDelivered()}.
 */
final class DefaultRowCursor implements RowCursor {
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
    private final StatementEnd end;
    private final ErrorDetails details;
    private Schema schema;
    private int columnCount;
    private Conversions conversions;
    private RowValues values;
    private long rows;
    private volatile State state = State.OPEN;

    /**
     * @param onComplete receives the statement's session delta at its confirmed end
     * @param onEarlyEnd receives {@link QueryExecution#failureDelta()} on a failure, cancel, early close or row limit
     */
    DefaultRowCursor(
            QueryExecution execution,
            QueryInfo info,
            Cancellation cancellation,
            long maxRows,
            QueryListener listener,
            Consumer<SessionDelta> onComplete,
            Consumer<SessionDelta> onEarlyEnd) {
        this.execution = execution;
        this.info = info;
        this.cancellation = cancellation;
        this.maxRows = maxRows;
        this.end = new StatementEnd(execution, info, listener, onComplete, onEarlyEnd);
        this.details = ErrorDetails.of(info.dialect(), info.queryId());
    }

    @Override
    public Schema schema() {
        if (schema == null) {
            if (state != State.OPEN) {
                throw new IllegalStateException("no schema: the cursor is " + state + " and never read the columns");
            }
            try {
                schema = execution.schema();
            } catch (RuntimeException e) {
                throw failWith(e);
            }
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
            throw failWith(cancelled());
        }
        schema();
        if (maxRows > 0 && rows >= maxRows) {
            values = null;
            state = State.DONE;
            end.limited(rows); // not at the server's end: the dialect's close stops the server's work
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
        end.completed(rows);
        return false;
    }

    private QueryCancelledException cancelled() {
        return new QueryCancelledException("query cancelled after " + rows + " rows", details);
    }

    /** Records the failure (state, session, listener) and returns the typed exception, stamped, to throw. */
    private SqlClientException failWith(RuntimeException e) {
        SqlClientException typed = e instanceof SqlClientException s
                ? s
                : new ProtocolException(
                        "dialect failed while reading the result: " + e.getClass().getName(), e, details);
        typed.rowsDelivered(rows);
        state = State.FAILED;
        values = null;
        end.failed(typed);
        return typed;
    }

    /**
     * A getter failed after {@link #col} accepted the call. A conversion error ({@link NullValueException},
     * {@link TypeConversionException}) leaves the cursor usable; anything else means the row could not be read and
     * fails the statement. Either way the exception says how many rows the caller had.
     */
    private SqlClientException getterFailed(RuntimeException e) {
        if (e instanceof NullValueException || e instanceof TypeConversionException) {
            SqlClientException s = (SqlClientException) e;
            s.rowsDelivered(rows);
            return s;
        }
        return failWith(e);
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
        int c = col(column);
        try {
            return values.isNull(c);
        } catch (RuntimeException e) {
            throw getterFailed(e);
        }
    }

    @Override
    public long getLong(int column) {
        int c = col(column);
        try {
            return conversions.getLong(values, c);
        } catch (RuntimeException e) {
            throw getterFailed(e);
        }
    }

    @Override
    public int getInt(int column) {
        int c = col(column);
        try {
            return conversions.getInt(values, c);
        } catch (RuntimeException e) {
            throw getterFailed(e);
        }
    }

    @Override
    public double getDouble(int column) {
        int c = col(column);
        try {
            return conversions.getDouble(values, c);
        } catch (RuntimeException e) {
            throw getterFailed(e);
        }
    }

    @Override
    public boolean getBoolean(int column) {
        int c = col(column);
        try {
            return conversions.getBoolean(values, c);
        } catch (RuntimeException e) {
            throw getterFailed(e);
        }
    }

    @Override
    public String getString(int column) {
        int c = col(column);
        try {
            return conversions.getString(values, c);
        } catch (RuntimeException e) {
            throw getterFailed(e);
        }
    }

    @Override
    public BigDecimal getBigDecimal(int column) {
        int c = col(column);
        try {
            return conversions.getBigDecimal(values, c);
        } catch (RuntimeException e) {
            throw getterFailed(e);
        }
    }

    @Override
    public BigInteger getBigInteger(int column) {
        int c = col(column);
        try {
            return conversions.getBigInteger(values, c);
        } catch (RuntimeException e) {
            throw getterFailed(e);
        }
    }

    @Override
    public Instant getInstant(int column) {
        int c = col(column);
        try {
            return conversions.getInstant(values, c);
        } catch (RuntimeException e) {
            throw getterFailed(e);
        }
    }

    @Override
    public LocalDate getLocalDate(int column) {
        int c = col(column);
        try {
            return conversions.getLocalDate(values, c);
        } catch (RuntimeException e) {
            throw getterFailed(e);
        }
    }

    @Override
    public LocalDateTime getLocalDateTime(int column) {
        int c = col(column);
        try {
            return conversions.getLocalDateTime(values, c);
        } catch (RuntimeException e) {
            throw getterFailed(e);
        }
    }

    @Override
    public OffsetDateTime getOffsetDateTime(int column) {
        int c = col(column);
        try {
            return conversions.getOffsetDateTime(values, c);
        } catch (RuntimeException e) {
            throw getterFailed(e);
        }
    }

    @Override
    public byte[] getBytes(int column) {
        int c = col(column);
        try {
            return conversions.getBytes(values, c);
        } catch (RuntimeException e) {
            throw getterFailed(e);
        }
    }

    @Override
    public Object getObject(int column) {
        int c = col(column);
        try {
            return conversions.getObject(values, c);
        } catch (RuntimeException e) {
            throw getterFailed(e);
        }
    }

    @Override
    public <T> T get(int column, Class<T> type) {
        int c = col(column);
        try {
            return conversions.get(values, c, type);
        } catch (RuntimeException e) {
            throw getterFailed(e);
        }
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

    /**
     * Before the end this is an early close ({@code onClosedEarly}), or, after {@link #cancel()}, the cancel's
     * failure ({@code onFailure} with {@link QueryCancelledException}); either way the session is folded first.
     */
    @Override
    public void close() {
        State s = state;
        if (s == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        values = null;
        if (s != State.OPEN) {
            return; // the end was reported when the cursor reached it
        }
        if (cancellation.isCancelled()) {
            QueryCancelledException e = cancelled();
            e.rowsDelivered(rows);
            end.failed(e);
        } else {
            end.closedEarly(rows);
        }
    }

    @Override
    public String toString() {
        return "RowCursor{queryId=" + info.queryId() + ", rows=" + rows + ", state=" + state + "}";
    }
}
