package dev.olaphttp.clickhouse.internal;

import dev.olaphttp.AuthenticationException;
import dev.olaphttp.ErrorDetails;
import dev.olaphttp.QueryCancelledException;
import dev.olaphttp.QueryFailedException;
import dev.olaphttp.QueryTimeoutException;
import dev.olaphttp.ServerBusyException;
import dev.olaphttp.SqlClientException;
import dev.olaphttp.spi.ErrorClassifier;
import dev.olaphttp.spi.HttpErrors;
import dev.olaphttp.spi.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * ClickHouse's error classifier: {@code X-ClickHouse-Exception-Code} is honoured whatever the status (modern servers
 * send it with 200 when the status line was already out), the body's {@code Code: N} text is parsed into a typed
 * exception, and anything else falls back to {@link HttpErrors#fromStatus}.
 *
 * <p>A response carrying a ClickHouse error (the header or a {@code Code: N} text) came from the server that ran, or
 * began to run, the statement: whatever its HTTP status (503 for codes 209 and 439) it is a query failure, never a
 * "busy" refusal, so a non-idempotent statement is not re-sent. Only a bare 429/502/503/504 without ClickHouse's
 * text (a proxy in front) is {@link ServerBusyException}.
 */
public final class ChErrors implements ErrorClassifier {
    static final String DIALECT = "clickhouse";
    private final java.util.List<String> redact;

    /** The dialect's classifier. */
    public ChErrors() {
        this(java.util.List.of());
    }

    /**
     * A classifier for one statement whose parameters were rendered client-side: server messages that quote the
     * statement have those rendered values replaced by {@code ?}.
     */
    ChErrors(java.util.List<String> redact) {
        this.redact = redact;
    }
    private static final Set<Integer> AUTH = Set.of(192, 193, 194, 516);
    /**
     * Refused before the statement ran: 202 TOO_MANY_SIMULTANEOUS_QUERIES is raised while the query is being
     * registered, before any of it executes.
     */
    private static final Set<Integer> REFUSED = Set.of(202);
    /**
     * Transient server failures that may strike after part of the statement ran (ClickHouse answers 209 and 439 with
     * HTTP 503, but blocks of an INSERT may already be written): worth retrying only when the statement is
     * idempotent, so they are query failures, not "busy" (which the transport retries for any statement on 503).
     */
    private static final Set<Integer> TRANSIENT = Set.of(203, 209, 210, 439);

    @Override
    public SqlClientException classify(HttpResponse response) {
        String codeHeader = response.header("X-ClickHouse-Exception-Code");
        int status = response.status();
        if (status / 100 == 2 && codeHeader == null) {
            return null;
        }
        ErrorDetails details = HttpErrors.details(response, DIALECT);
        String text = readText(response);
        ServerError err = ServerError.parse(text);
        if (err == null && codeHeader != null) {
            try {
                int code = Integer.parseInt(codeHeader.trim());
                err = new ServerError(code, null, HttpErrors.snippet(text));
            } catch (NumberFormatException ignored) {
                // fall through to the status mapping
            }
        }
        if (err == null) {
            return byStatus(response, redact(HttpErrors.snippet(text)), details);
        }
        if (!redact.isEmpty()) {
            err = new ServerError(err.code(), err.name(), redact(err.message()));
        }
        return toException(err, details, HttpErrors.retryAfter(response));
    }

    private String redact(String text) {
        String out = text;
        for (String expr : redact) {
            out = out.replace(expr, "?");
            int q = expr.indexOf('\'');
            int end = expr.lastIndexOf('\'');
            if (q >= 0 && end > q + 1) {
                out = out.replace(expr.substring(q, end + 1), "?"); // the quoted literal alone
            }
        }
        return out;
    }

    /** A response without a ClickHouse error text (a proxy's page, an empty body): judged by its status. */
    private static SqlClientException byStatus(HttpResponse response, String snippet, ErrorDetails details) {
        int status = response.status();
        ErrorDetails d = details.withHttpStatus(status);
        String quoted = snippet.isEmpty() ? "" : ": " + snippet;
        if (status == 401 || status == 403) {
            return new AuthenticationException("authentication failed (HTTP " + status + ")" + quoted, d);
        }
        if (status == 408 || status == 429 || status == 502 || status == 503 || status == 504) {
            return new ServerBusyException("server busy or unavailable (HTTP " + status + ")" + quoted, null, d,
                    HttpErrors.retryAfter(response));
        }
        return HttpErrors.protocolError(response, snippet, d);
    }

    /** The typed exception for a server error. */
    static SqlClientException toException(ServerError err, ErrorDetails base, java.time.Duration retryAfter) {
        ErrorDetails d = base.withErrorCode(err.code());
        if (err.name() != null) {
            d = d.withErrorName(err.name());
        }
        String msg = err.display();
        int code = err.code();
        if (AUTH.contains(code)) {
            return new AuthenticationException("authentication failed: " + msg, d);
        }
        if (REFUSED.contains(code)) {
            return new ServerBusyException("server busy: " + msg, null, d, retryAfter);
        }
        if (TRANSIENT.contains(code)) {
            return new QueryFailedException("the server failed the statement, which may have partly run (retried "
                    + "only when idempotent): " + msg, null, d, true);
        }
        if (code == 159) {
            return new QueryTimeoutException("the server stopped the query at its time limit: " + msg, null, d);
        }
        if (code == 394) {
            return new QueryCancelledException("the query was cancelled on the server: " + msg, d);
        }
        if (code == 373) {
            return new QueryFailedException("the server session is busy with another statement (ClickHouse runs one "
                    + "statement at a time per session_id; wait for it or use another session): " + msg, d);
        }
        if (code == 372) {
            return new QueryFailedException("the server session has expired or does not exist: " + msg, d);
        }
        return new QueryFailedException(msg, d);
    }

    private static String readText(HttpResponse response) {
        try (InputStream in = Compression.decode(response.body(), response.header("Content-Encoding"))) {
            byte[] buf = in.readNBytes(HttpErrors.MAX_ERROR_BODY);
            return new String(buf, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
