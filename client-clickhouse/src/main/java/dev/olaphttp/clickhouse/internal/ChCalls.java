package dev.olaphttp.clickhouse.internal;

import dev.olaphttp.Credentials;
import dev.olaphttp.ErrorDetails;
import dev.olaphttp.InvalidRequestException;
import dev.olaphttp.SessionState;
import dev.olaphttp.spi.HttpBody;
import dev.olaphttp.spi.HttpCall;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Builds the HTTP calls of the ClickHouse dialect: reserved URL parameters, settings as URL parameters (client,
 * session, statement level, later ones winning), authentication headers, compression. User and password never go
 * into the URL.
 */
final class ChCalls {
    static final String TEXT = "text/plain; charset=UTF-8";

    private final ChOptions options;
    private final Credentials credentials;

    ChCalls(ChOptions options, Credentials credentials) {
        this.options = options;
        this.credentials = credentials;
    }

    /**
     * A call with the common parameters: query id, database, session, roles, quota key, settings, compression
     * and authentication. {@code session_check=1} goes only with a session the state already knew (the first
     * statement of a new server session creates it).
     */
    HttpCall.Builder base(String method, String queryId, SessionState state, Map<String, String> statementSettings,
            String sessionId) {
        HttpCall.Builder b = HttpCall.builder(method, "/");
        if (queryId != null) {
            b.queryParam("query_id", queryId);
        }
        state.database().ifPresent(db -> b.queryParam("database", db));
        if (sessionId != null) {
            b.queryParam("session_id", sessionId);
            if (options.sessionTimeout() > 0) {
                b.queryParam("session_timeout", Long.toString(options.sessionTimeout()));
            }
            if (options.sessionCheck() && state.serverSessionId().isPresent()) {
                b.queryParam("session_check", "1");
            }
        }
        for (String role : options.roles()) {
            b.queryParam("role", role);
        }
        if (options.quotaKey() != null) {
            b.queryParam("quota_key", options.quotaKey());
        }
        if (options.waitEndOfQuery() != null) {
            b.queryParam("wait_end_of_query", options.waitEndOfQuery() ? "1" : "0");
        }
        if (options.bufferSize() > 0) {
            b.queryParam("buffer_size", Long.toString(options.bufferSize()));
        }
        Map<String, String> settings = new LinkedHashMap<>(state.settings());
        settings.putAll(statementSettings);
        if (options.sendProgress()) {
            settings.putIfAbsent("send_progress_in_http_headers", "1");
        }
        if (options.compression() != Compression.NONE) {
            settings.put("enable_http_compression", "1");
            b.header("Accept-Encoding", options.compression().encoding());
        }
        settings.forEach(b::queryParam);
        auth(b);
        return b;
    }

    /** Header authentication when asked for; otherwise the transport's Basic {@code Authorization}. */
    void auth(HttpCall.Builder b) {
        if (options.headerAuth() && credentials.kind() == Credentials.Kind.BASIC) {
            String user = credentials.user().orElse("default");
            String key = credentials.password();
            if (!headerSafe(user) || !headerSafe(key)) {
                // never quote the values: one of them is a password
                throw new InvalidRequestException("the user name or password holds CR, LF or NUL, which cannot be "
                        + "sent in the X-ClickHouse-User/X-ClickHouse-Key headers of auth=headers (auth=basic can "
                        + "carry them)", ErrorDetails.of(ChErrors.DIALECT, null));
            }
            b.authenticate(false);
            b.header("X-ClickHouse-User", user);
            if (!key.isEmpty()) {
                b.header("X-ClickHouse-Key", key);
            }
        }
    }

    /** True when a value can go into an HTTP header as is. */
    static boolean headerSafe(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                return false;
            }
        }
        return true;
    }

    /** A SQL text body, gzip-compressed when {@code compress_request} is on. */
    HttpBody sqlBody(String sql) {
        byte[] bytes = sql.getBytes(StandardCharsets.UTF_8);
        return options.compressRequest() ? gzip(HttpBody.of(bytes, TEXT)) : HttpBody.of(bytes, TEXT);
    }

    /** Gzips a body on the fly (the length becomes unknown). */
    static HttpBody gzip(HttpBody body) {
        return new HttpBody() {
            @Override
            public String contentType() {
                return body.contentType();
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                GZIPOutputStream gz = new GZIPOutputStream(new NonClosing(out), 8192);
                body.writeTo(gz);
                gz.finish();
                gz.flush();
            }

            @Override
            public boolean isRepeatable() {
                return body.isRepeatable();
            }
        };
    }

    /** Whether request bodies get {@code Content-Encoding: gzip}. */
    boolean compressRequest() {
        return options.compressRequest();
    }

    /** An output stream whose close only flushes (the connection's stream belongs to OkHttp). */
    static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
