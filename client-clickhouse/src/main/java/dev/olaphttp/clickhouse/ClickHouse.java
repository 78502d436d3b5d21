package dev.olaphttp.clickhouse;

import dev.olaphttp.SqlClient;

/**
 * Entry point for ClickHouse clients.
 *
 * <pre>{@code
 * try (SqlClient ch = ClickHouse.connect("clickhouse://default:@localhost:8123/default")) {
 *     long n = ch.sql("SELECT count() FROM system.numbers LIMIT 10").single(r -> r.getLong(1));
 * }
 * SqlClient tuned = ClickHouse.builder().endpoint("http://ch:8123").user("app", secret)
 *         .option(ClickHouseOptions.COMPRESSION, "zstd").build();
 * }</pre>
 *
 * <p>Bulk loads ({@code client.insert("db.t")...}) send {@code INSERT INTO t (cols) FORMAT X} in the URL and stream
 * the data as the POST body, so any number of rows uses constant memory:
 * <ul>
 *   <li>Rows ({@code rows(...)}, {@code records(...)}) are encoded per column type, looked up once per load with
 *   {@code DESCRIBE TABLE}: as {@code RowBinary} (default; every type from Int8 to UInt256, Float32/64 with nan/inf,
 *   Decimal32..256, String as text or {@code byte[]}, FixedString, UUID, Date/Date32, DateTime/DateTime64 with
 *   zones, Enum8/16 by label or code, IPv4/IPv6, Bool, Nullable, LowCardinality, Array, Map, Tuple, Nested) or as
 *   {@code TabSeparated} ({@code option("format", "TSV")}; also chosen automatically when a column's type has no
 *   RowBinary encoding, such as JSON or Time). A value that does not fit its column exactly (out of range, too many
 *   fraction digits, an unknown enum label or code) is rejected with an {@link dev.olaphttp.InvalidRequestException} naming the
 *   row and column, never rounded. Enum codes given as integers are sent as their labels in TabSeparated.</li>
 *   <li>Files and streams ({@code from(...)}) pass through as CSV, TabSeparated, JSONEachRow or Parquet.</li>
 *   <li>{@code option("compress", "gzip")} gzips the body ({@code Content-Encoding: gzip}; default: the client's
 *   {@code compress_request}); {@code setting(...)} passes ClickHouse settings such as {@code async_insert},
 *   {@code wait_for_async_insert} or {@code input_format_skip_unknown_fields} through.</li>
 * </ul>
 *
 * <p>Retries: a load is never re-sent once its body may have reached the server, because ClickHouse may already
 * have inserted some or all of it. Servers from 22.4 run every load under {@code insert_deduplication_token} = the
 * load's label (the caller's {@code label(...)} or the load id): calling the load again with the same label is then
 * deduplicated by the server (on tables that deduplicate: replicated MergeTree, or MergeTree with a
 * {@code non_replicated_deduplication_window}). Older servers have no such token; there the query id is the only
 * handle. If the connection fails after the data was sent, a {@link dev.olaphttp.TransportException} with
 * {@code requestSent()} says that the load may or may not have been applied and names the query id and the label
 * to retry with. A cancelled or client-timed-out load is killed on the server ({@code KILL QUERY}).
 *
 * <p>The {@link dev.olaphttp.InsertResult} carries written rows and bytes from {@code X-ClickHouse-Summary}; servers
 * that do not send it (such as 18.16) report the rows and (uncompressed) bytes the client sent, marked by
 * {@code serverInfo().get("writtenSource")}; {@code serverInfo().get("format")} names the format used. For an
 * {@code INSERT} of your own in any format use {@link ClickHouseInserts}.
 */
public final class ClickHouse {
    private ClickHouse() {}

    /** A client for a {@code clickhouse://} DSN. */
    public static SqlClient connect(String dsn) {
        return builder().dsn(dsn).build();
    }

    /** A builder with the ClickHouse dialect chosen; add endpoints, credentials, options. */
    public static SqlClient.Builder builder() {
        return SqlClient.builder().dialect(new ClickHouseDialect());
    }
}
