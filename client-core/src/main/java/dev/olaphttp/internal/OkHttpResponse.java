package dev.olaphttp.internal;

import dev.olaphttp.Endpoint;
import dev.olaphttp.ErrorDetails;
import dev.olaphttp.QueryCancelledException;
import dev.olaphttp.ResultInterruptedException;
import dev.olaphttp.SqlClientException;
import dev.olaphttp.spi.Cancellation;
import dev.olaphttp.spi.HttpCall;
import dev.olaphttp.spi.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Response;

/** An OkHttp response seen through our {@link HttpResponse}; closing it releases the connection. */
final class OkHttpResponse implements HttpResponse {
    private final Response response;
    private final okhttp3.Call okCall;
    private final HttpCall call;
    private final Endpoint endpoint;
    private final ErrorDetails details;
    private final Cancellation.Registration cancelRegistration;
    private final AtomicBoolean closed = new AtomicBoolean();

    OkHttpResponse(
            Response response,
            okhttp3.Call okCall,
            HttpCall call,
            Endpoint endpoint,
            ErrorDetails details,
            Cancellation.Registration cancelRegistration) {
        this.response = response;
        this.okCall = okCall;
        this.call = call;
        this.endpoint = endpoint;
        this.details = details;
        this.cancelRegistration = cancelRegistration;
    }

    @Override
    public int status() {
        return response.code();
    }

    @Override
    public String header(String name) {
        return response.header(name);
    }

    @Override
    public List<String> headers(String name) {
        return response.headers(name);
    }

    @Override
    public InputStream body() {
        return response.body().byteStream();
    }

    @Override
    public Endpoint endpoint() {
        return endpoint;
    }

    @Override
    public HttpCall call() {
        return call;
    }

    @Override
    public SqlClientException readFailure(IOException e, long rowsDelivered) {
        ErrorDetails d = details.withHttpStatus(status());
        if (call.cancellation().isCancelled()) {
            return new QueryCancelledException("query cancelled after " + rowsDelivered + " rows", d);
        }
        if (call.deadline().isExpired() || OkHttpExchange.isCallTimeout(e)) {
            return OkHttpExchange.timeout(call, d, e);
        }
        if (e instanceof SocketTimeoutException) {
            return new dev.olaphttp.QueryTimeoutException(
                    "timed out reading the result after " + rowsDelivered + " rows", e, d);
        }
        return new ResultInterruptedException(
                "result stream broke after " + rowsDelivered + " rows: " + e.getClass().getSimpleName() + ": "
                        + e.getMessage(),
                e,
                d,
                rowsDelivered);
    }

    /** Waits for the rest with the socket's read timeout set to {@code wait}; the rest stays in the source. */
    @Override
    public byte[] awaitRest(int maxBytes, java.time.Duration wait) {
        if (closed.get()) {
            return null;
        }
        okio.BufferedSource source = response.body().source();
        okio.Timeout timeout = source.timeout();
        long before = timeout.timeoutNanos();
        timeout.timeout(Math.max(1, wait.toNanos()), java.util.concurrent.TimeUnit.NANOSECONDS);
        try {
            if (source.request((long) maxBytes + 1)) {
                return null; // more than maxBytes left
            }
            return source.getBuffer().snapshot().toByteArray(); // request() returned false: the body ended
        } catch (IOException | RuntimeException e) {
            return null;
        } finally {
            timeout.timeout(before, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    /** Cancels the call first, so OkHttp closes the socket instead of draining it back into the pool. */
    @Override
    public void abort() {
        if (closed.compareAndSet(false, true)) {
            cancelRegistration.close();
            okCall.cancel();
            response.close();
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            cancelRegistration.close();
            response.close();
        }
    }
}
