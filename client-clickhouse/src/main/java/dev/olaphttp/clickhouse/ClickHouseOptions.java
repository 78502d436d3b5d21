package dev.olaphttp.clickhouse;

import java.util.Set;

/**
 * The ClickHouse dialect's options, set with {@code SqlClient.Builder#option(name, value)} or as DSN parameters
 * ({@code clickhouse://u:p@host:8123/db?format=tsv&compression=zstd}). Every other DSN parameter is sent to the
 * server as a ClickHouse setting.
 *
 * <ul>
 *   <li>{@link #FORMAT}: {@code auto} (default: {@code RowBinaryWithNamesAndTypes} on servers from 20.1,
 *       {@code TabSeparatedWithNamesAndTypes} on older ones, by the version looked up once per endpoint),
 *       {@code rowbinary}, {@code tsv}, {@code jsoncompact} ({@code JSONCompactEachRowWithNamesAndTypes})</li>
 *   <li>{@link #AUTH}: {@code basic} (default) or {@code headers} ({@code X-ClickHouse-User}/{@code -Key})</li>
 *   <li>{@link #SESSION}: {@code client} (default: {@code USE db} and {@code SET a = 1[, b = 2]} in a
 *       {@code SqlSession} send nothing; they change the session's database and settings, which every following
 *       statement sends as {@code database=} and setting URL parameters, so any server of a cluster can answer; an
 *       unknown setting is reported by the next statement, code 115) or {@code server} (each {@code SqlSession}
 *       gets a random server {@code session_id} on its first statement, kept in {@code SessionState.serverSessionId};
 *       {@code USE}/{@code SET}/temporary tables then live on that server, the session is sticky to it, and
 *       ClickHouse runs one statement at a time per session: a concurrent one fails with code 373). A
 *       {@code SessionState} whose {@code serverSessionId} is set uses that server session in either mode.</li>
 *   <li>{@link #SESSION_TIMEOUT} (seconds), {@link #SESSION_CHECK} ({@code true/false})</li>
 *   <li>{@link #SERVER_PARAMS}: {@code auto} (default: {@code param_} binding on servers from 20.1, safe
 *       client-side literals before), {@code true}, {@code false}</li>
 *   <li>{@link #COMPRESSION}: response compression {@code none} (default), {@code gzip}, {@code zstd},
 *       {@code lz4}</li>
 *   <li>{@link #COMPRESS_REQUEST}: gzip request bodies ({@code false} by default)</li>
 *   <li>{@link #HTTP_GET}: send read-only statements as {@code GET /?query=} ({@code false} by default)</li>
 *   <li>{@link #WAIT_END_OF_QUERY}, {@link #BUFFER_SIZE}, {@link #ROLE} (comma-separated), {@link #QUOTA_KEY}</li>
 *   <li>{@link #SEND_PROGRESS}: ask for {@code X-ClickHouse-Progress} headers ({@code send_progress_in_http_headers=1}).
 *       OkHttp hands over headers only once all of them have arrived, that is when the first body bytes are about
 *       to follow, so {@code QueryListener.onProgress} is called for each progress header in one burst when the
 *       result starts, not live while the server works (it still keeps idle proxies from closing the connection).
 *       18.16 never sends them.</li>
 *   <li>{@link #KILL_ON_CANCEL}: send {@code KILL QUERY} on cancel and early close ({@code true} by default)</li>
 *   <li>{@link #SERVER_VERSION}: skip the version look-up and assume this version (e.g. {@code 24.8})</li>
 *   <li>{@link #MAX_VALUE_BYTES}: the most bytes one result value may take ({@code 16m} by default)</li>
 * </ul>
 */
public final class ClickHouseOptions {
    /** Result format: {@code auto}, {@code rowbinary}, {@code tsv} or {@code jsoncompact}. */
    public static final String FORMAT = "format";
    /** Authentication: {@code basic} or {@code headers}. */
    public static final String AUTH = "auth";
    /** Session mode: {@code client} or {@code server}. */
    public static final String SESSION = "session";
    /** Server session timeout in seconds ({@code session_timeout}). */
    public static final String SESSION_TIMEOUT = "session_timeout";
    /** Send {@code session_check=1} once the server session exists. */
    public static final String SESSION_CHECK = "session_check";
    /** Parameter binding: {@code auto}, {@code true} ({@code param_}) or {@code false} (client-side literals). */
    public static final String SERVER_PARAMS = "server_params";
    /** Response compression: {@code none}, {@code gzip}, {@code zstd} or {@code lz4}. */
    public static final String COMPRESSION = "compression";
    /** Gzip request bodies. */
    public static final String COMPRESS_REQUEST = "compress_request";
    /** Send read-only statements with GET. */
    public static final String HTTP_GET = "http_get";
    /** {@code wait_end_of_query}: buffer the whole result on the server before sending it. */
    public static final String WAIT_END_OF_QUERY = "wait_end_of_query";
    /** {@code buffer_size}: the server's response buffer in bytes. */
    public static final String BUFFER_SIZE = "buffer_size";
    /** Roles for every statement, comma-separated ({@code role=}, repeated). */
    public static final String ROLE = "role";
    /** {@code quota_key}. */
    public static final String QUOTA_KEY = "quota_key";
    /** Ask for {@code X-ClickHouse-Progress} headers. */
    public static final String SEND_PROGRESS = "send_progress";
    /** Send {@code KILL QUERY} on cancel and early close. */
    public static final String KILL_ON_CANCEL = "kill_on_cancel";
    /** Assume this server version instead of asking the server. */
    public static final String SERVER_VERSION = "server_version";

    /**
     * The most bytes one result value may take (a string, a TSV field, a JSON value, an array's element count;
     * also the whole header): {@code 16m} by default, at most {@code 1g}; plain bytes or a {@code k}/{@code m}/{@code g}
     * suffix. A longer value fails the result with a {@code ProtocolException} before more than that is buffered, so
     * a corrupt or hostile length prefix cannot exhaust the heap.
     */
    public static final String MAX_VALUE_BYTES = "max_value_bytes";

    /** Every option name. */
    public static final Set<String> ALL = Set.of(
            FORMAT, AUTH, SESSION, SESSION_TIMEOUT, SESSION_CHECK, SERVER_PARAMS, COMPRESSION, COMPRESS_REQUEST,
            HTTP_GET, WAIT_END_OF_QUERY, BUFFER_SIZE, ROLE, QUOTA_KEY, SEND_PROGRESS, KILL_ON_CANCEL,
            SERVER_VERSION, MAX_VALUE_BYTES);

    private ClickHouseOptions() {}
}
