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
     * Waits at most {@code wait} for the rest of the body, when that rest is at most {@code maxBytes}: returns the
     * bytes that {@link #body()} has not yet delivered (they stay readable there), or {@code null} when the body
     * goes on beyond {@code maxBytes}, did not end within {@code wait}, broke, or the transport cannot tell.
     * A non-null answer means the whole body has arrived, so {@link #close()} returns the connection to the pool.
     * Lets a dialect tell "the server already finished" from "the server is still producing" when a caller stops
     * reading early (StarRocks sends no KILL for a finished statement). The default cannot tell.
     */
    default byte[] awaitRest(int maxBytes, java.time.Duration wait) {
        return null;
    }

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
