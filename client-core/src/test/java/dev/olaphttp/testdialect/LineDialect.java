package dev.olaphttp.testdialect;

import dev.olaphttp.Dsn;
import dev.olaphttp.ErrorDetails;
import dev.olaphttp.QueryFailedException;
import dev.olaphttp.SqlClient;
import dev.olaphttp.spi.ClientContext;
import dev.olaphttp.spi.DialectClient;
import dev.olaphttp.spi.ErrorClassifier;
import dev.olaphttp.spi.HttpErrors;
import dev.olaphttp.spi.HttpResponse;
import java.util.Set;

/**
 * A test-only dialect over a trivial line protocol, for testing the core against mockwebserver3.
 *
 * <p>Request: {@code POST /query}, the SQL as a {@code text/plain} body; settings as query parameters
 * {@code setting_<name>}, the session database as {@code database}, named parameters as {@code param_<name>},
 * positional ones as {@code p1, p2...}; the query id in {@code X-Query-Id}.
 *
 * <p>Response (200): a header line {@code name:type,...} (types are {@link dev.olaphttp.TypeKind} names, a trailing
 * {@code ?} means nullable, {@code TIMESTAMP@Zone} a zoned timestamp; an empty line means no columns), then one
 * tab-separated line per row ({@code \N} is NULL), then a line {@code END}, the only end marker. A line starting with
 * {@code ERROR\t} is a mid-stream server error. Error responses: HTTP 400 with {@code ERROR <code>: <message>} is a
 * SQL error; anything else goes through {@link HttpErrors#fromStatus}.
 *
 * <p>Session: a successful {@code USE db} sets the database, {@code SET name = value} a setting. A response header
 * {@code X-Session-State} is the server's session (think Databend's transaction state): a statement that does not
 * reach {@code END} reports it as its {@code failureDelta()}, and a session sends its dialect state back in the same
 * request header. Statements are
 * idempotent by default when {@link dev.olaphttp.spi.SqlText#isReadOnly} says so. Scheme: {@code linetest}.
 */
public final class LineDialect implements dev.olaphttp.spi.Dialect {
    /** The DSN scheme. */
    public static final String SCHEME = "linetest";

    /** The request and response header carrying the session's dialect state. */
    public static final String SESSION_STATE = "X-Session-State";

    @Override
    public String id() {
        return "linetest";
    }

    @Override
    public Set<String> schemes() {
        return Set.of(SCHEME, SCHEME + "+https");
    }

    @Override
    public void configure(Dsn dsn, SqlClient.Builder builder) {
        String scheme = dsn.scheme().endsWith("+https") ? "https" : "http";
        for (Dsn.HostPort hp : dsn.hosts()) {
            String host = hp.host().contains(":") ? "[" + hp.host() + "]" : hp.host();
            builder.endpoint(scheme + "://" + host + ":" + (hp.port() > 0 ? hp.port() : 8080));
        }
        if (dsn.user().isPresent()) {
            builder.user(dsn.user().get(), dsn.password().orElse(""));
        }
        if (!dsn.path().isEmpty()) {
            builder.database(dsn.path());
        }
        dsn.params().forEach((k, v) -> {
            if (k.startsWith("setting_")) {
                builder.setting(k.substring("setting_".length()), v);
            } else {
                builder.option(k, v);
            }
        });
    }

    @Override
    public ErrorClassifier errorClassifier() {
        return LineDialect::classify;
    }

    static QueryFailedException sqlError(String line, ErrorDetails details) {
        // "ERROR <code>: <message>"
        String rest = line.substring("ERROR".length()).trim();
        int colon = rest.indexOf(':');
        ErrorDetails d = details;
        if (colon > 0) {
            try {
                d = d.withErrorCode(Integer.parseInt(rest.substring(0, colon).trim()));
                rest = rest.substring(colon + 1).trim();
            } catch (NumberFormatException ignored) {
                // no code
            }
        }
        return new QueryFailedException(rest, d);
    }

    private static dev.olaphttp.SqlClientException classify(HttpResponse response) {
        if (response.status() / 100 == 2) {
            return null;
        }
        ErrorDetails details = HttpErrors.details(response, "linetest");
        if (response.status() == 400) {
            String body = HttpErrors.bodyText(response).strip();
            if (body.startsWith("ERROR")) {
                return sqlError(body, details);
            }
            return HttpErrors.protocolError(response, HttpErrors.snippet(body), details);
        }
        return HttpErrors.fromStatus(response, null, details);
    }

    /** The test dialect's extension: the states of the sessions closed so far. */
    public interface ClosedSessions {
        /** States passed to {@code closeSession}, in order. */
        java.util.List<dev.olaphttp.SessionState> closedSessions();
    }

    @Override
    public DialectClient open(ClientContext context) {
        return new LineClient(context);
    }
}
