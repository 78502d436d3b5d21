package dev.olaphttp.spi;

import dev.olaphttp.Endpoint;
import dev.olaphttp.SqlClientException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * A response whose status and headers have arrived; the body streams. Must be closed on every path; closing
 * before the body ends aborts the connection instead of returning it to the pool.
 */
public interface HttpResponse extends AutoCloseable {
    /** The HTTP status code. */
    int status();

    /** The first value of a header, or {@code null}. */
    String header(String name);

    /** All values of a header. */
    List<String> headers(String name);

    /** The body as a stream (read once). */
    InputStream body();

    /** The endpoint that answered. */
    Endpoint endpoint();

    /** The call that produced this response. */
    HttpCall call();

    /**
     * Turns an {@link IOException} raised while reading the body into the right typed exception: cancelled,
     * timed out, or {@link dev.olaphttp.ResultInterruptedException} with the rows already delivered.
     */
    SqlClientException readFailure(IOException e, long rowsDelivered);

    /**
     * Releases the response and guarantees its connection is never used again (the socket is closed, not drained
     * back into the pool). Use it when the server will be told to stop the work tied to that connection (StarRocks'
     * {@code KILL <connectionId>}), so the kill cannot hit a later statement on a reused connection. Idempotent.
     */
    default void abort() {
        close();
    }

    @Override
    void close();
}
