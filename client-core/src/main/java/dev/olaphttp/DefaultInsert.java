package dev.olaphttp;

import dev.olaphttp.spi.Cancellation;
import dev.olaphttp.spi.DataSource;
import dev.olaphttp.spi.Deadline;
import dev.olaphttp.spi.InsertRequest;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/** The single-use bulk load spec behind {@link Insert}; runs through the client's dialect. */
final class DefaultInsert implements Insert {
    private final DefaultSqlClient client;
    private final String table;
    private final List<String> columns = new ArrayList<>();
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final Map<String, String> options = new LinkedHashMap<>();
    private String label;
    private Duration timeout;
    private boolean used;
    private final Cancellation cancellation = new Cancellation();

    DefaultInsert(DefaultSqlClient client, String table) {
        this.client = client;
        this.table = Objects.requireNonNull(table, "table");
        if (table.isBlank()) {
            throw new IllegalArgumentException("table name is empty");
        }
    }

    @Override
    public Insert columns(String... names) {
        return columns(Arrays.asList(names));
    }

    @Override
    public Insert columns(List<String> names) {
        columns.clear();
        for (String n : names) {
            columns.add(Objects.requireNonNull(n, "column name"));
        }
        return this;
    }

    @Override
    public Insert setting(String name, String value) {
        settings.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
        return this;
    }

    @Override
    public Insert option(String name, String value) {
        options.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
        return this;
    }

    @Override
    public Insert label(String label) {
        this.label = Objects.requireNonNull(label);
        return this;
    }

    @Override
    public Insert timeout(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout);
        return this;
    }

    @Override
    public void cancel() {
        cancellation.cancel();
    }

    @Override
    public InsertResult rows(Iterable<Object[]> rows) {
        return run(rows.iterator(), null, null);
    }

    @Override
    public InsertResult rows(Stream<Object[]> rows) {
        try (rows) {
            return run(rows.iterator(), null, null);
        }
    }

    @Override
    public <R extends Record> InsertResult records(Iterable<R> records, Class<R> type) {
        RecordColumns<R> mapping = RecordColumns.of(type, columns);
        if (columns.isEmpty()) {
            columns.addAll(mapping.columns());
        }
        Iterator<R> it = records.iterator();
        Iterator<Object[]> rows = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Object[] next() {
                return mapping.values(it.next());
            }
        };
        return run(rows, null, null);
    }

    @Override
    public InsertResult from(InputStream data, DataFormat format) {
        return run(null, DataSource.of(Objects.requireNonNull(data)), Objects.requireNonNull(format));
    }

    @Override
    public InsertResult from(Path file, DataFormat format) {
        return run(null, DataSource.of(Objects.requireNonNull(file)), Objects.requireNonNull(format));
    }

    private InsertResult run(Iterator<Object[]> rows, DataSource data, DataFormat format) {
        if (used) {
            throw new IllegalStateException("an Insert runs once; start a new one with insert(...)");
        }
        used = true;
        String id = QueryIds.check(client.newQueryId(), client.dialect());
        CallerRows callerRows = rows == null ? null : new CallerRows(rows);
        QueryInfo info = new QueryInfo(id, client.dialect(), "INSERT INTO " + table);
        Duration budget = timeout != null ? timeout : client.config().queryTimeout();
        InsertRequest request = new InsertRequest(
                info,
                table,
                columns,
                callerRows,
                data,
                format,
                settings,
                options,
                label,
                client.defaultState(),
                Deadline.after(budget),
                cancellation);
        QueryListener listener = client.listener();
        notify(() -> listener.onStart(info));
        try {
            InsertResult result = client.dialectClient().insert(request);
            QueryStats stats = QueryStats.builder()
                    .rowsWritten(result.rowsWritten())
                    .bytesWritten(result.bytesWritten())
                    .build();
            notify(() -> listener.onEnd(info, stats, 0));
            return result;
        } catch (RuntimeException e) {
            ErrorDetails details = ErrorDetails.of(client.dialect(), info.queryId());
            RuntimeException own = callerRows == null ? null : callerRows.failure();
            if (own != null && !(own instanceof SqlClientException)) { // the caller's exception, not ours to type
                InvalidRequestException told = new InvalidRequestException(
                        "the rows to insert threw " + own.getClass().getName(), own, details);
                notify(() -> listener.onFailure(info, told));
                throw own;
            }
            SqlClientException typed = DialectFailures.typed(e, details);
            notify(() -> listener.onFailure(info, typed));
            throw typed;
        }
    }

    private static void notify(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException ignored) {
            // listeners must not break loads
        }
    }

    @Override
    public String toString() {
        return "Insert{" + table + ", columns=" + columns + "}";
    }
}
