package dev.olaphttp.clickhouse;

import java.io.InputStream;
import java.util.Map;

/**
 * Results in any ClickHouse output format (CSV, Parquet, Arrow, JSON, Pretty...) as a raw byte stream, for ETL.
 * Reach it with {@code client.extension(ClickHouseRaw.class)}. The SQL carries its own {@code FORMAT} clause (or
 * the server's default, {@code TabSeparated}).
 *
 * <pre>{@code
 * try (InputStream csv = client.extension(ClickHouseRaw.class).stream("SELECT * FROM t FORMAT CSVWithNames")) {
 *     csv.transferTo(out);
 * }
 * }</pre>
 *
 * <p>The caller must close the stream; closing it before the end stops the server's work. A stream that breaks
 * early, or whose tail holds a server exception, throws an {@link java.io.IOException} whose cause is the typed
 * {@link dev.olaphttp.SqlClientException} ({@link dev.olaphttp.ResultInterruptedException},
 * {@link dev.olaphttp.QueryFailedException}); it never just ends.
 */
public interface ClickHouseRaw {
    /** Runs the statement and returns its body. */
    default InputStream stream(String sql) {
        return stream(sql, Map.of(), Map.of());
    }

    /**
     * Runs the statement with {@code {name:Type}} parameters and settings and returns its body.
     *
     * @param params   named parameters (never logged)
     * @param settings ClickHouse settings for this statement
     */
    InputStream stream(String sql, Map<String, ?> params, Map<String, String> settings);
}
