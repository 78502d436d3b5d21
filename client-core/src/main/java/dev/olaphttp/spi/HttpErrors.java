package dev.olaphttp.spi;

import dev.olaphttp.AuthenticationException;
import dev.olaphttp.ErrorDetails;
import dev.olaphttp.ProtocolException;
import dev.olaphttp.QueryFailedException;
import dev.olaphttp.ServerBusyException;
import dev.olaphttp.SqlClientException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Helpers for turning HTTP error responses into typed exceptions, shared by the dialects. */
public final class HttpErrors {
    /** The most bytes read from an error body. */
    public static final int MAX_ERROR_BODY = 64 * 1024;

    /** The most characters of a body quoted in a message ({@link BodySnippet#MAX_CHARS}). */
    public static final int SNIPPET_CHARS = BodySnippet.MAX_CHARS;

    private HttpErrors() {}

    /** Reads at most {@code max} bytes of the body (error bodies are small; a huge one is cut). */
    public static byte[] readBounded(HttpResponse response, int max) throws IOException {
        InputStream in = response.body();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int total = 0;
        int n;
        while (total < max && (n = in.read(buf, 0, Math.min(buf.length, max - total))) > 0) {
            out.write(buf, 0, n);
            total += n;
        }
        return out.toByteArray();
    }

    /** The body as text (at most {@link #MAX_ERROR_BODY} bytes, invalid UTF-8 replaced), or "" if unreadable. */
    public static String bodyText(HttpResponse response) {
        try {
            return new String(readBounded(response, MAX_ERROR_BODY), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * A short, single-line quote of a body for a message, through {@link BodySnippet}: HTML tags dropped, white
     * space folded, at most 200 characters, control characters escaped, marked {@code [body snippet, N of M bytes]};
     * "" for an empty body.
     */
    public static String snippet(String body) {
        if (body == null || body.isEmpty()) {
            return "";
        }
        String s = body;
        if (looksLikeHtml(null, s)) {
            s = s.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ").replaceAll("(?s)<[^>]*>", " ");
        }
        s = s.replaceAll("\\s+", " ").trim();
        return BodySnippet.quote(s, body.getBytes(StandardCharsets.UTF_8).length);
    }

    /** True when the content type or the first characters say HTML. */
    public static boolean looksLikeHtml(String contentType, String body) {
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html")) {
            String t = body.stripLeading();
            return t.isEmpty() || t.startsWith("<");
        }
        String t = body.stripLeading().toLowerCase(Locale.ROOT);
        return t.startsWith("<!doctype html") || t.startsWith("<html") || t.startsWith("<head") || t.startsWith("<body");
    }

    /** The {@code Retry-After} header as a duration (seconds or an HTTP date), or {@code null}. */
    public static Duration retryAfter(HttpResponse response) {
        String v = response.header("Retry-After");
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            long secs = Long.parseLong(v.trim());
            return secs < 0 ? null : Duration.ofSeconds(secs);
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException ignored) {
                return null;
            }
        }
    }

    /** Details for a response: the call's query id and the status. */
    public static ErrorDetails details(HttpResponse response, String dialect) {
        return ErrorDetails.of(dialect, response.call().queryId()).withHttpStatus(response.status());
    }

    /**
     * The standard mapping of a failed status: 401/403 authentication; 408, 429, 502, 503, 504 server busy
     * (retryable, {@code Retry-After} honoured); any other status a query failure when the dialect understood a
     * server message, else a protocol error quoting the status and a snippet of the body. Reads the body when
     * {@code serverMessage} is null.
     */
    public static SqlClientException fromStatus(HttpResponse response, String serverMessage) {
        return fromStatus(response, serverMessage, ErrorDetails.of(null, response.call().queryId()));
    }

    /** {@link #fromStatus(HttpResponse, String)} with explicit details (dialect, server code). */
    public static SqlClientException fromStatus(HttpResponse response, String serverMessage, ErrorDetails details) {
        int status = response.status();
        ErrorDetails d = details.withHttpStatus(status);
        String body = serverMessage;
        String quoted = serverMessage != null ? serverMessage : snippet(bodyText(response));
        if (status == 401 || status == 403) {
            return new AuthenticationException(
                    "authentication failed (HTTP " + status + ")" + (quoted.isEmpty() ? "" : ": " + quoted), d);
        }
        if (status == 408 || status == 429 || status == 502 || status == 503 || status == 504) {
            return new ServerBusyException(
                    "server busy or unavailable (HTTP " + status + ")" + (quoted.isEmpty() ? "" : ": " + quoted),
                    null,
                    d,
                    retryAfter(response));
        }
        if (body != null) {
            return new QueryFailedException(body, d);
        }
        return protocolError(response, quoted, d);
    }

    /** A protocol error quoting the status and a snippet of what arrived. */
    public static ProtocolException protocolError(HttpResponse response, String snippet, ErrorDetails details) {
        String ct = response.header("Content-Type");
        return new ProtocolException(
                "unexpected response (HTTP " + response.status() + (ct == null ? "" : ", " + ct) + "): "
                        + (snippet.isEmpty() ? "<empty body>" : snippet),
                null,
                details.withHttpStatus(response.status()));
    }
}
