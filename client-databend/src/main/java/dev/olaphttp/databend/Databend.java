package dev.olaphttp.databend;

import dev.olaphttp.SessionState;
import dev.olaphttp.SqlClient;
import dev.olaphttp.databend.internal.DialectSupport;
import java.util.Optional;

/**
 * Entry points for Databend.
 *
 * <pre>{@code
 * try (SqlClient client = Databend.client("databend://user:pass@host:443/db?warehouse=wh")) {
 *     long n = client.sql("SELECT count(*) FROM t").single(r -> r.getLong(1));
 * }
 * }</pre>
 *
 * <p>DSN parameters: {@code warehouse}, {@code tenant}, {@code sslmode=disable|require} (TLS and port 443 by
 * default; {@code disable} means plain HTTP, port 8000 by default), {@code access_token} (bearer/JWT instead of
 * user and password), {@code wait_time_secs}, {@code max_rows_per_page}, {@code max_rows_in_buffer},
 * {@code login=disable}, and {@code setting.<name>=<value>} for session settings.
 *
 * <p>Bulk loads ({@code client.insert("db.t")...}): rows are encoded to NDJSON per the table's column types (read
 * once with {@code SELECT * FROM t LIMIT 0}) while they are uploaded to {@code @~/olaphttp/load/<label>.ndjson}
 * ({@code PUT /v1/upload_to_stage}), then loaded with {@code INSERT INTO t (cols) VALUES} and a
 * {@code stage_attachment} ({@code purge=true}) under {@code X-DATABEND-DEDUPLICATE-LABEL}; a failed load removes the
 * staged file. Files and streams ({@code from(...)}) are passed through in their format. Load options:
 * {@code method=stage|streaming_load} ({@code PUT /v1/streaming_load}, servers above 1.2.781), {@code stage=<name>},
 * {@code format.<file format option>}, {@code copy.<copy option>}.
 *
 * <p>Sessions: a failed statement still returns the server's session (a transaction becomes {@code Fail});
 * {@link dev.olaphttp.SqlSession#state()} shows it and the next statement sends it, so {@code ROLLBACK} works.
 * Cancel: a statement cancelled before its first response is killed by its query id
 * ({@code POST /v1/query/{id}/kill}); later it is killed through the {@code kill_uri} the server returned.
 */
public final class Databend {
    private Databend() {}

    /** A client for a {@code databend://} DSN. */
    public static SqlClient client(String dsn) {
        return builder(dsn).build();
    }

    /** A builder preset from a {@code databend://} DSN, to refine (timeouts, HTTP client, options). */
    public static SqlClient.Builder builder(String dsn) {
        return SqlClient.builder().dialect(new DatabendDialect()).dsn(dsn);
    }

    /** The transaction state ({@code AutoCommit}, {@code Active}, {@code Fail}) of a session, when known. */
    public static Optional<String> transactionState(SessionState state) {
        return state.dialectState().map(DialectSupport::transactionState);
    }
}
