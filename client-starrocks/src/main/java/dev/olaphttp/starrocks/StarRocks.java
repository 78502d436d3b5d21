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
 *
 * <p>Bulk loads ({@link SqlClient#insert(String)}) run as Stream Load: rows as JSON lines typed per column, or
 * CSV/TSV/NDJSON data passed through (Parquet is not a Stream Load format); see the module README.
 */
public final class StarRocks {
    /** Key in {@link dev.olaphttp.RowCursor#serverInfo()}: the FE connection id (for {@code KILL QUERY}). */
    public static final String CONNECTION_ID = "connectionId";

    /** Key in {@link dev.olaphttp.RowCursor#serverInfo()}: the FE's query id, from {@code X-StarRocks-Query-Id}. */
    public static final String QUERY_ID = "queryId";

    /**
     * Load option ({@link dev.olaphttp.Insert#option(String, String)}) {@code "true"}: run the load as a Transaction
     * Stream Load (begin, load, prepare, commit on one backend coordinator; rolled back on failure).
     */
    public static final String TRANSACTION = "transaction";

    /**
     * Client option ({@code SqlClient.Builder#option} or DSN parameter) {@code "true"}: let Stream Load follow a
     * redirect from https to http, which sends the credentials and data in clear text. By default such a redirect
     * fails with a {@link dev.olaphttp.ProtocolException} and nothing is sent to its target.
     */
    public static final String LOAD_REDIRECT_ALLOW_HTTP = "load_redirect_allow_http";

    /**
     * Client option: comma-separated {@code host} or {@code host:port} entries, the only targets a Stream Load
     * redirect may go to (default: any host the FE names, since it picks a backend per load).
     */
    public static final String LOAD_REDIRECT_HOSTS = "load_redirect_hosts";

    /**
     * Key in {@link dev.olaphttp.InsertResult#serverInfo()}: what the load did, one of {@link #VISIBLE},
     * {@link #COMMITTED} or {@link #ALREADY_LOADED}.
     */
    public static final String OUTCOME = "outcome";

    /** {@link #OUTCOME}: the rows are loaded and visible ({@code Status: Success}). */
    public static final String VISIBLE = "VISIBLE";

    /** {@link #OUTCOME}: committed, visible shortly ({@code Status: Publish Timeout}); never load it again. */
    public static final String COMMITTED = "COMMITTED";

    /**
     * {@link #OUTCOME}: an earlier load under the same label already loaded the data ({@code Label Already Exists}
     * with {@code ExistingJobStatus: FINISHED}); this attempt loaded nothing more.
     */
    public static final String ALREADY_LOADED = "ALREADY_LOADED";

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
