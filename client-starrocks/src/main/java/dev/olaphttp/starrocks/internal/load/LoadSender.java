package dev.olaphttp.starrocks.internal.load;

import dev.olaphttp.Endpoint;
import dev.olaphttp.ErrorDetails;
import dev.olaphttp.ProtocolException;
import dev.olaphttp.QueryInfo;
import dev.olaphttp.spi.Cancellation;
import dev.olaphttp.spi.Deadline;
import dev.olaphttp.spi.HttpBody;
import dev.olaphttp.spi.HttpCall;
import dev.olaphttp.spi.HttpErrors;
import dev.olaphttp.spi.HttpResponse;
import dev.olaphttp.spi.HttpTransport;
import dev.olaphttp.starrocks.internal.StarRocksErrors;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Sends one load request with {@code Expect: 100-continue} and follows the FE's 307 to a backend itself (OkHttp
 * does not follow 307 for PUT, and the client's OkHttpClient follows no redirects): the same method, headers and
 * body go to the {@code Location}, pinned to that host, and the transport adds {@code Authorization} there too,
 * where {@link RedirectPolicy} allows it (never from https to http unless the caller opts in). The
 * FE answers 307 before the body is sent, so even rows that can be written only once reach the backend whole; if
 * a server read the body and then redirected, the load fails instead of sending part of it.
 */
final class LoadSender {
    private static final int MAX_REDIRECTS = 3;
    private static final int MAX_RESPONSE = 256 * 1024;

    private final HttpTransport transport;
    private final RedirectPolicy redirects;
    private final ErrorDetails details;

    LoadSender(HttpTransport transport, RedirectPolicy redirects, ErrorDetails details) {
        this.transport = transport;
        this.redirects = redirects;
        this.details = details;
    }

    /** What answered: the parsed body and the endpoint (the backend after a redirect). */
    record Answer(LoadResponse response, Endpoint endpoint) {}

    /** One request: method, path, headers, body (or none), the load's info, deadline and cancel signal. */
    record Request(String method, String path, List<Map.Entry<String, String>> headers, HttpBody body,
            QueryInfo info, Deadline deadline, Cancellation cancellation, Duration readTimeout) {}

    /**
     * Sends {@code request} to {@code endpoint} (the transport's choice when null) and follows redirects. The call
     * is idempotent while its body can be sent again: the label makes a repeated load a no-op.
     */
    Answer send(Request request, Endpoint endpoint) {
        Endpoint target = endpoint;
        String path = request.path();
        for (int hop = 0; ; hop++) {
            HttpCall call = call(request, path, target, hop == 0 && endpoint == null);
            try (HttpResponse r = transport.execute(call)) {
                if (isRedirect(r.status())) {
                    if (hop >= MAX_REDIRECTS) {
                        throw new ProtocolException("more than " + MAX_REDIRECTS + " redirects for " + call, null,
                                details.withHttpStatus(r.status()));
                    }
                    if (request.body() != null && !request.body().isRepeatable()) {
                        throw new ProtocolException("the server read the data and then redirected (HTTP "
                                + r.status() + "); rows can be sent only once, so nothing more was sent", null,
                                details.withHttpStatus(r.status()));
                    }
                    URI next = location(r);
                    redirects.check(r.endpoint(), next, r.status(), details); // before anything goes there
                    target = Endpoint.parse(next.getScheme() + "://" + next.getRawAuthority());
                    path = (next.getRawPath() == null || next.getRawPath().isEmpty() ? "/" : next.getRawPath())
                            + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery());
                    continue;
                }
                byte[] body;
                try {
                    body = HttpErrors.readBounded(r, MAX_RESPONSE);
                } catch (IOException e) {
                    throw r.readFailure(e, 0);
                }
                LoadResponse parsed = LoadResponse.parse(body);
                if (parsed == null) {
                    String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
                    throw HttpErrors.protocolError(r, HttpErrors.snippet(text), details);
                }
                return new Answer(parsed, r.endpoint());
            }
        }
    }

    private HttpCall call(Request request, String path, Endpoint endpoint, boolean first) {
        HttpCall.Builder b = HttpCall.builder(request.method(), path)
                .header("Expect", "100-continue")
                .info(request.info())
                .deadline(request.deadline())
                .cancellation(request.cancellation())
                .idempotent(true)
                .classifier(LoadSender::classify)
                .endpoint(endpoint);
        if (first) {
            // a FE that answered the Expect with 307 leaves the request unfinished: never reuse that connection
            b.header("Connection", "close");
        }
        if (request.readTimeout() != null) {
            b.readTimeout(request.readTimeout());
        }
        for (Map.Entry<String, String> h : request.headers()) {
            b.header(h.getKey(), h.getValue());
        }
        if (request.body() != null) {
            b.body(request.body());
        }
        return b.build();
    }

    private URI location(HttpResponse r) {
        String loc = r.header("Location");
        if (loc == null || loc.isBlank()) {
            throw new ProtocolException("redirect (HTTP " + r.status() + ") without a Location", null,
                    details.withHttpStatus(r.status()));
        }
        try {
            URI base = new URI(r.endpoint().url() + "/");
            URI next = base.resolve(loc.strip());
            String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || next.getHost() == null) {
                throw new URISyntaxException(loc, "not an http(s) URL with a host");
            }
            return next;
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new ProtocolException("redirect (HTTP " + r.status() + ") to an unusable Location", e,
                    details.withHttpStatus(r.status()));
        }
    }

    static boolean isRedirect(int status) {
        return status == 307 || status == 308 || status == 301 || status == 302;
    }

    /** Redirects and 2xx go to the loader; anything else is StarRocks' usual error. */
    private static dev.olaphttp.SqlClientException classify(HttpResponse r) {
        if (isRedirect(r.status()) || r.status() / 100 == 2) {
            return null;
        }
        return StarRocksErrors.classifier().classify(r);
    }
}
