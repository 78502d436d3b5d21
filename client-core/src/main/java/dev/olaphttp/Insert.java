package dev.olaphttp;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * A bulk load into one table: a fluent, single-use specification ended by one terminal that streams the data to
 * the server without holding it in memory (ClickHouse {@code INSERT ... FORMAT}, Databend stage upload and
 * {@code stage_attachment}, StarRocks Stream Load).
 *
 * <pre>{@code
 * InsertResult r = client.insert("sales.orders")
 *         .columns("id", "customer", "amount", "created_at")
 *         .rows(Stream.of(new Object[] {1L, "ada", new BigDecimal("9.50"), Instant.now()}));
 *
 * client.insert("sales.orders").from(Path.of("orders.csv"), DataFormat.CSV);
 * }</pre>
 *
 * <p>Rows are encoded per the table's column types (the dialect looks them up once); values are the Java types of
 * {@link TypeKind#javaType()} or close relatives (an {@code int} for a 64-bit column, a {@code String} for a
 * date...). A retry never loads data twice: each load runs under a {@link #label(String) label} (generated when not
 * given) that the server deduplicates on.
 */
public interface Insert {
    /** The target columns, in the order of each row's values; default: all columns of the table. */
    Insert columns(String... columns);

    /** The target columns as a list. */
    Insert columns(List<String> columns);

    /** A server setting for this load (ClickHouse settings such as {@code async_insert}). */
    Insert setting(String name, String value);

    /** A dialect load option (StarRocks {@code max_filter_ratio}, {@code column_separator}...; see each dialect). */
    Insert option(String name, String value);

    /** The deduplication label / token; loading twice under the same label loads once. */
    Insert label(String label);

    /** The time budget of the whole load. */
    Insert timeout(Duration timeout);

    /**
     * Cancels the load from any thread: the upload is aborted and the terminal throws
     * {@link QueryCancelledException}. Whether rows already sent were committed depends on the dialect; the
     * {@link #label(String) label} makes a later retry safe. Idempotent.
     */
    void cancel();

    /** Loads rows given as arrays of values in {@link #columns} order. */
    InsertResult rows(Iterable<Object[]> rows);

    /** Loads rows from a stream (it is consumed and closed). */
    InsertResult rows(Stream<Object[]> rows);

    /**
     * Loads records: each component fills the column of the same name (exact, case-insensitive, or with
     * underscores ignored). Without {@link #columns}, the columns are the record's components.
     */
    <R extends Record> InsertResult records(Iterable<R> records, Class<R> type);

    /** Streams data already in a server-readable format; the stream is read once and closed. Not retried. */
    InsertResult from(InputStream data, DataFormat format);

    /** Streams a file in a server-readable format; may be re-sent on a retry. */
    InsertResult from(Path file, DataFormat format);
}
