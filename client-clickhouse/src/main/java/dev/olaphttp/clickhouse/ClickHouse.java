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
 * <p>Bulk loads ({@code client.insert("db.t")...}): rows are written as TabSeparated, each value rendered for its
 * column's type (looked up once per load with {@code DESCRIBE TABLE}); files and streams pass through as CSV,
 * TabSeparated, JSONEachRow or Parquet. Servers from 22.4 deduplicate on the load's label
 * ({@code insert_deduplication_token}); a load is never re-sent once its body may have reached the server. For an
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
