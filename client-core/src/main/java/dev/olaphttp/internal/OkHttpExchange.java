package dev.olaphttp.internal;

import dev.olaphttp.Credentials;
import dev.olaphttp.Endpoint;
import dev.olaphttp.ErrorDetails;
import dev.olaphttp.QueryCancelledException;
import dev.olaphttp.QueryTimeoutException;
import dev.olaphttp.SqlClientException;
import dev.olaphttp.TraceContext;
import dev.olaphttp.TransportException;
import dev.olaphttp.spi.Cancellation;
import dev.olaphttp.spi.HttpBody;
import dev.olaphttp.spi.HttpCall;
import dev.olaphttp.spi.HttpResponse;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;

/** Sends one attempt of an {@link HttpCall} to one endpoint over OkHttp and maps transport failures. */
final class OkHttpExchange {
    private final OkHttpClient client;
    private final String dialectId;
    private final String userAgent;

    OkHttpExchange(OkHttpClient client, String dialectId) {
        this.client = client;
        this.dialectId = dialectId;
        this.userAgent = "olaphttp/" + Version.get();
    }

    OkHttpClient client() {
        return client;
    }

    HttpResponse send(
            HttpCall call, Endpoint endpoint, Credentials credentials, boolean refreshToken, TraceContext trace) {
        ErrorDetails details = ErrorDetails.of(dialectId, call.queryId());
        Request request = buildRequest(call, endpoint, credentials, refreshToken, trace);
        OkHttpClient c = call.readTimeout() == null
                ? client
                : client.newBuilder().readTimeout(call.readTimeout()).build();
        Call okCall = c.newCall(request);
        if (call.deadline().isSet()) {
            Duration left = call.deadline().remaining();
            if (left.isZero()) {
                throw timeout(call, details, null);
            }
            okCall.timeout().timeout(left.toNanos(), TimeUnit.NANOSECONDS);
        }
        Cancellation.Registration reg = call.cancellation().onCancel(okCall::cancel);
        try {
            Response response = okCall.execute();
            return new OkHttpResponse(response, okCall, call, endpoint, details, reg);
        } catch (IOException e) {
            reg.close();
            throw failure(e, call, details);
        } catch (RuntimeException e) {
            reg.close();
            throw e;
        }
    }

    private Request buildRequest(
            HttpCall call, Endpoint endpoint, Credentials credentials, boolean refreshToken, TraceContext trace) {
        HttpUrl base = HttpUrl.parse(endpoint.url() + call.path());
        if (base == null) {
            throw new dev.olaphttp.InvalidRequestException("cannot build a URL for " + call, ErrorDetails.of(dialectId,
                    call.queryId()));
        }
        HttpUrl.Builder url = base.newBuilder();
        for (Map.Entry<String, String> p : call.queryParams()) {
            url.addQueryParameter(p.getKey(), p.getValue());
        }
        Request.Builder rb = new Request.Builder().url(url.build()).header("User-Agent", userAgent);
        if (call.authenticate()) {
            String auth = credentials.authorizationHeader(refreshToken);
            if (auth != null) {
                HttpCall.checkHeader("Authorization", auth);
                rb.header("Authorization", auth);
            }
        }
        for (Map.Entry<String, String> h : call.headers()) {
            rb.addHeader(h.getKey(), h.getValue());
        }
        if (trace != null) { // validated when made; replaces any a dialect set
            rb.header("traceparent", trace.traceparent());
            if (trace.tracestate() != null) {
                rb.header("tracestate", trace.tracestate());
            } else {
                rb.removeHeader("tracestate");
            }
        }
        // a statement that is not idempotent is sent one-shot: OkHttp then never re-sends it by itself (it follows a
        // 503 with "Retry-After: 0" even with retryOnConnectionFailure off)
        boolean oneShot = !call.idempotent();
        RequestBody body = call.body() == null ? emptyBodyFor(call.method(), oneShot)
                : new BodyAdapter(call.body(), oneShot);
        rb.method(call.method(), body);
        return rb.build();
    }

    private static RequestBody emptyBodyFor(String method, boolean oneShot) {
        return switch (method) {
            case "POST", "PUT", "PATCH" -> oneShot ? new BodyAdapter(HttpBody.of(new byte[0], null), true)
                    : RequestBody.create(new byte[0], null);
            default -> null;
        };
    }

    static SqlClientException failure(IOException e, HttpCall call, ErrorDetails details) {
        if (call.cancellation().isCancelled()) {
            return new QueryCancelledException("query cancelled", details);
        }
        if (call.deadline().isExpired() || isCallTimeout(e)) {
            return timeout(call, details, e);
        }
        if (e instanceof SocketTimeoutException && !isConnectPhase(e)) {
            return new QueryTimeoutException("timed out waiting for the server's response to " + call, e, details);
        }
        boolean sent = !(e instanceof ConnectException
                || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException
                || e instanceof SSLHandshakeException
                || isConnectPhase(e));
        return new TransportException(
                "HTTP request " + call + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage(),
                e,
                details,
                sent);
    }

    private static boolean isConnectPhase(IOException e) {
        String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        return m.contains("connect timed out") || m.startsWith("failed to connect");
    }

    /**
     * OkHttp's call timeout (our deadline) raises a plain {@link InterruptedIOException} "timeout"; a socket read
     * timeout raises {@link SocketTimeoutException} with the same message and is not a deadline.
     */
    static boolean isCallTimeout(IOException e) {
        return e instanceof InterruptedIOException
                && !(e instanceof SocketTimeoutException)
                && "timeout".equals(e.getMessage());
    }

    static QueryTimeoutException timeout(HttpCall call, ErrorDetails details, Throwable cause) {
        return new QueryTimeoutException(
                "statement exceeded its time budget of " + call.deadline().budget().toMillis() + " ms", cause, details);
    }

    /** Adapts our streamed body to OkHttp without letting the writer close the connection's sink. */
    private static final class BodyAdapter extends RequestBody {
        private final HttpBody body;
        private final boolean oneShot;

        BodyAdapter(HttpBody body, boolean oneShot) {
            this.body = body;
            this.oneShot = oneShot;
        }

        @Override
        public MediaType contentType() {
            return body.contentType() == null ? null : MediaType.parse(body.contentType());
        }

        @Override
        public long contentLength() {
            return body.contentLength();
        }

        @Override
        public boolean isOneShot() {
            return oneShot || !body.isRepeatable();
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            OutputStream out = new FilterOutputStream(sink.outputStream()) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    this.out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            };
            body.writeTo(out);
            out.flush();
        }
    }
}
