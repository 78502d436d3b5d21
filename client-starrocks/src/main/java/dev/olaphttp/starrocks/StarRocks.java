package dev.olaphttp.starrocks;

import dev.olaphttp.SqlClient;

/**
 * Entry points for StarRocks.
 *
 * <pre>{@code
 * try (SqlClient client = StarRocks.connect("starrocks://root:@127.0.0.1:8030/default_catalog.demo")) {
 *     long n = client.sql("SELECT count(*) FROM orders WHERE day = ?").param(LocalDate.now())
 *                    .single(r -> r.getLong(1));
 * }
 * }</pre>
 *
 * <p>The HTTP SQL API runs SELECT/WITH, SHOW, DESC, EXPLAIN and KILL, one statement per request. {@code SET} and
 * {@code USE} are applied by the client to the session; anything else fails before sending with
 * {@link dev.olaphttp.UnsupportedStatementException}. Parameters are rendered client-side as escaped literals.
 */
public final class StarRocks {
    /** Key in {@link dev.olaphttp.RowCursor#serverInfo()}: the FE connection id (for {@code KILL QUERY}). */
    public static final String CONNECTION_ID = "connectionId";

    /** Key in {@link dev.olaphttp.RowCursor#serverInfo()}: the FE's query id, from {@code X-StarRocks-Query-Id}. */
    public static final String QUERY_ID = "queryId";

    private StarRocks() {}

    /** A client for a {@code starrocks://} DSN. */
    public static SqlClient connect(String dsn) {
        return builder().dsn(dsn).build();
    }

    /** A builder with the StarRocks dialect chosen; add endpoints and credentials, or a DSN. */
    public static SqlClient.Builder builder() {
        return SqlClient.builder().dialect(new StarRocksDialect());
    }
}
