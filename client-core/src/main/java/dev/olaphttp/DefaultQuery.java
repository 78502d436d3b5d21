package dev.olaphttp;

import dev.olaphttp.spi.Cancellation;
import dev.olaphttp.spi.Deadline;
import dev.olaphttp.spi.QueryExecution;
import dev.olaphttp.spi.SessionDelta;
import dev.olaphttp.spi.StatementRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** The single-use statement spec behind {@link Query}; runs through the client's dialect. */
final class DefaultQuery implements Query {
    private final DefaultSqlClient client;
    private final String sql;
    private final DefaultSqlSession session;
    private final Map<String, Object> named = new LinkedHashMap<>();
    private final List<Object> positional = new ArrayList<>();
    private final Map<String, String> settings = new LinkedHashMap<>();
    private Duration timeout;
    private String queryId;
    private long maxRows;
    private Boolean idempotent;
    private boolean used;
    private final Cancellation cancellation = new Cancellation();
    private volatile DefaultRowCursor cursor;

    DefaultQuery(DefaultSqlClient client, String sql, DefaultSqlSession session) {
        this.client = client;
        this.sql = Objects.requireNonNull(sql, "sql");
        this.session = session;
    }

    @Override
    public Query param(String name, Object value) {
        Objects.requireNonNull(name, "name");
        if (!positional.isEmpty()) {
            throw new IllegalStateException("use either named or positional parameters, not both");
        }
        named.put(name, value);
        return this;
    }

    @Override
    public Query param(Object value) {
        if (!named.isEmpty()) {
            throw new IllegalStateException("use either named or positional parameters, not both");
        }
        positional.add(value);
        return this;
    }

    @Override
    public Query params(Map<String, ?> values) {
        values.forEach(this::param);
        return this;
    }

    @Override
    public Query setting(String name, String value) {
        settings.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    @Override
    public Query timeout(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    @Override
    public Query queryId(String queryId) {
        this.queryId = Objects.requireNonNull(queryId, "queryId");
        return this;
    }

    @Override
    public Query maxRows(long maxRows) {
        if (maxRows < 0) {
            throw new IllegalArgumentException("maxRows must be >= 0");
        }
        this.maxRows = maxRows;
        return this;
    }

    @Override
    public Query idempotent(boolean idempotent) {
        this.idempotent = idempotent;
        return this;
    }

    @Override
    public void cancel() {
        cancellation.cancel();
        DefaultRowCursor c = cursor;
        if (c != null) {
            c.cancel();
        }
    }

    @Override
    public RowCursor stream() {
        return start();
    }

    @Override
    public <T> Stream<T> stream(RowMapper<T> mapper) {
        DefaultRowCursor cursor = start();
        return toStream(cursor, mapper);
    }

    static <T> Stream<T> toStream(RowCursor cursor, RowMapper<T> mapper) {
        Spliterator<T> split = new Spliterators.AbstractSpliterator<T>(Long.MAX_VALUE, Spliterator.ORDERED) {
            @Override
            public boolean tryAdvance(Consumer<? super T> action) {
                if (!cursor.next()) {
                    return false;
                }
                action.accept(mapper.map(cursor));
                return true;
            }
        };
        return StreamSupport.stream(split, false).onClose(cursor::close);
    }

    @Override
    public <T> List<T> list(RowMapper<T> mapper) {
        try (DefaultRowCursor cursor = start()) {
            List<T> out = new ArrayList<>();
            while (cursor.next()) {
                out.add(mapper.map(cursor));
            }
            return out;
        }
    }

    @Override
    public <T> T single(RowMapper<T> mapper) {
        try (DefaultRowCursor cursor = start()) {
            if (!cursor.next()) {
                throw new ResultSizeException("expected exactly one row, got none", details(cursor), 1, 0);
            }
            T value = mapper.map(cursor);
            if (cursor.next()) {
                throw new ResultSizeException("expected exactly one row, got more", details(cursor), 1, 2);
            }
            return value;
        }
    }

    @Override
    public <T> Optional<T> optional(RowMapper<T> mapper) {
        try (DefaultRowCursor cursor = start()) {
            if (!cursor.next()) {
                return Optional.empty();
            }
            T value = mapper.map(cursor);
            if (cursor.next()) {
                throw new ResultSizeException("expected at most one row, got more", details(cursor), 1, 2);
            }
            return Optional.ofNullable(value);
        }
    }

    @Override
    public void forEach(Consumer<? super Row> action) {
        try (DefaultRowCursor cursor = start()) {
            while (cursor.next()) {
                action.accept(cursor);
            }
        }
    }

    @Override
    public ExecutionResult execute() {
        SessionState[] after = {startState()}; // unchanged unless the statement completes
        try (DefaultRowCursor cursor = start(delta -> after[0] = delta.applyTo(after[0]))) {
            long n = 0;
            while (cursor.next()) {
                n++;
            }
            QueryStats stats = cursor.stats();
            SessionState state = session != null ? session.state() : after[0];
            return new ExecutionResult(cursor.queryId(), stats.affectedRows(), n, stats, state);
        }
    }

    @Override
    public <R> MappedQuery<R> mapTo(Class<R> recordType) {
        return new RecordQuery<>(this, recordType);
    }

    private ErrorDetails details(RowCursor cursor) {
        return ErrorDetails.of(client.dialect(), cursor.queryId());
    }

    private SessionState startState() {
        return session != null ? session.state() : client.defaultState();
    }

    DefaultRowCursor start() {
        return start(delta -> {});
    }

    private DefaultRowCursor start(Consumer<SessionDelta> extra) {
        if (used) {
            throw new IllegalStateException("a Query runs once; build a new one with sql(...)");
        }
        used = true;
        String id = QueryIds.check(queryId != null ? queryId : client.newQueryId(), client.dialect());
        QueryInfo info = new QueryInfo(id, client.dialect(), sql);
        Duration budget = timeout != null ? timeout : client.config().queryTimeout();
        StatementRequest request = new StatementRequest(
                info,
                new LinkedHashMap<>(named),
                new ArrayList<>(positional),
                new LinkedHashMap<>(settings),
                startState(),
                Deadline.after(budget),
                cancellation,
                maxRows,
                idempotent,
                session != null);
        QueryListener listener = client.listener();
        if (cancellation.isCancelled()) {
            throw new QueryCancelledException("query cancelled before it started", ErrorDetails.of(client.dialect(), id));
        }
        safe(() -> listener.onStart(info));
        long ticket = session != null ? session.begin() : 0;
        QueryExecution execution;
        try {
            execution = client.dialectClient().start(request);
        } catch (RuntimeException e) {
            SqlClientException typed = DialectFailures.typed(e, ErrorDetails.of(client.dialect(), id));
            safe(() -> listener.onFailure(info, typed));
            throw typed;
        }
        Consumer<SessionDelta> fold = session != null ? delta -> session.fold(ticket, delta) : delta -> {};
        DefaultRowCursor c =
                new DefaultRowCursor(execution, info, cancellation, maxRows, listener, fold.andThen(extra), fold);
        cursor = c;
        return c;
    }

    private static void safe(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException ignored) {
            // listeners must not break statements
        }
    }

    @Override
    public String toString() {
        return "Query{" + (sql.length() > 80 ? sql.substring(0, 80) + "..." : sql) + ", params="
                + (named.isEmpty() ? positional.size() : named.size()) + "}";
    }
}
