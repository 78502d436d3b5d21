package dev.olaphttp.starrocks.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.olaphttp.AuthenticationException;
import dev.olaphttp.ErrorDetails;
import dev.olaphttp.QueryFailedException;
import dev.olaphttp.SqlClientException;
import dev.olaphttp.spi.ErrorClassifier;
import dev.olaphttp.spi.HttpErrors;
import dev.olaphttp.spi.HttpResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * StarRocks' failures: the FE answers {@code {"status":"FAILED","code":"1","msg":…,"message":…}} (Gson escaping,
 * whatever the content type, even {@code text/html} on 401). 401 is an {@link AuthenticationException}; 400, 403
 * and 500 with the envelope are a {@link QueryFailedException} carrying {@code msg} (or {@code message});
 * 408/429/502/503/504 a retryable {@link dev.olaphttp.ServerBusyException}; any other body a
 * {@link dev.olaphttp.ProtocolException} quoting the status and a snippet. Not API.
 */
public final class StarRocksErrors {
    private static final JsonFactory JSON = new JsonFactory();

    private StarRocksErrors() {}

    /** The dialect's classifier. */
    public static ErrorClassifier classifier() {
        return StarRocksErrors::classify;
    }

    static SqlClientException classify(HttpResponse response) {
        int status = response.status();
        if (status / 100 == 2) {
            return null;
        }
        ErrorDetails details = HttpErrors.details(response, "starrocks");
        String body = HttpErrors.bodyText(response);
        String message = envelopeMessage(body);
        if (status == 401) {
            return new AuthenticationException(
                    "authentication failed (HTTP 401)" + (message == null ? "" : ": " + message), details);
        }
        if (message != null && (status == 400 || status == 403 || status == 500 || status == 404)) {
            return new QueryFailedException(message, details);
        }
        if (message == null) {
            if (status == 408 || status == 429 || status == 502 || status == 503 || status == 504) {
                return HttpErrors.fromStatus(response, HttpErrors.snippet(body), details);
            }
            return HttpErrors.protocolError(response, HttpErrors.snippet(body), details);
        }
        return HttpErrors.fromStatus(response, message, details);
    }

    /**
     * The {@code msg} (else {@code message}) of a StarRocks error envelope, or {@code null} when the body is not
     * one (HTML, plain text, other JSON).
     */
    static String envelopeMessage(String body) {
        String t = body.strip();
        if (!t.startsWith("{")) {
            return null;
        }
        try (JsonParser p = JSON.createParser(t.getBytes(StandardCharsets.UTF_8))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String msg = null;
            String message = null;
            boolean failed = false;
            String name;
            while ((name = p.nextFieldName()) != null) {
                JsonToken v = p.nextToken();
                switch (name) {
                    case "msg" -> msg = v == JsonToken.VALUE_STRING ? p.getText() : msg;
                    case "message" -> message = v == JsonToken.VALUE_STRING ? p.getText() : message;
                    case "status" -> failed = v == JsonToken.VALUE_STRING && !"OK".equalsIgnoreCase(p.getText());
                    default -> p.skipChildren();
                }
            }
            String m = msg != null && !msg.isBlank() ? msg : message;
            if (m == null || m.isBlank()) {
                return failed ? "the server reported FAILED without a message" : null;
            }
            return m;
        } catch (IOException e) {
            return null;
        }
    }
}
