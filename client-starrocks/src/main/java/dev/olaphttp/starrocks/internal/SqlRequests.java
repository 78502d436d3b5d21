package dev.olaphttp.starrocks.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.olaphttp.SessionState;
import dev.olaphttp.spi.HttpBody;
import dev.olaphttp.spi.HttpCall;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the SQL API's HTTP calls: {@code POST /api/v1/catalogs/{catalog}[/databases/{db}]/sql} with
 * {@code {"query": …, "sessionVariables": {…}}}.
 *
 * <p><b>Session variables and pooled connections.</b> The FE keeps {@code sessionVariables} on the TCP connection
 * for every later request on it. So that one session's variables never reach another session's request, a call
 * that sends any variable also asks for {@code Connection: close}: its connection is dropped after the response and
 * never returns to the pool. Calls without variables keep the connection; every pooled connection therefore holds
 * only the server's defaults, and each request that needs variables sends its full set on a connection that no
 * other request will use.
 */
public final class SqlRequests {
    static final String DEFAULT_CATALOG = "default_catalog";
    private static final JsonFactory JSON = new JsonFactory();

    private SqlRequests() {}

    /** The path for a state's catalog and database (percent-encoded segments). */
    static String path(SessionState state) {
        String catalog = state.catalog().orElse(DEFAULT_CATALOG);
        String db = state.database().orElse(null);
        return "/api/v1/catalogs/" + encode(catalog) + (db == null ? "" : "/databases/" + encode(db)) + "/sql";
    }

    /** The variables to send: the session's, then the statement's over them. */
    static Map<String, String> variables(SessionState state, Map<String, String> statementSettings) {
        Map<String, String> vars = new LinkedHashMap<>(state.settings());
        vars.putAll(statementSettings);
        return vars;
    }

    /** A call builder for one statement; the caller adds info, deadline, cancellation and idempotency. */
    static HttpCall.Builder call(String path, String query, Map<String, String> variables) {
        HttpCall.Builder b = HttpCall.builder("POST", path)
                .header("Accept", "application/x-ndjson, application/json")
                .body(HttpBody.of(body(query, variables), "application/json"));
        if (!variables.isEmpty()) {
            b.header("Connection", "close");
        }
        return b;
    }

    /** The JSON request body. */
    static byte[] body(String query, Map<String, String> variables) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(query.length() + 64);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("query", query);
            if (!variables.isEmpty()) {
                g.writeObjectFieldStart("sessionVariables");
                for (Map.Entry<String, String> e : variables.entrySet()) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Percent-encodes a path segment (everything but unreserved characters). */
    public static String encode(String segment) {
        if (segment.equals(".") || segment.equals("..")) {
            return segment.replace(".", "%2E"); // never a relative path step
        }
        StringBuilder sb = new StringBuilder(segment.length());
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }
}
