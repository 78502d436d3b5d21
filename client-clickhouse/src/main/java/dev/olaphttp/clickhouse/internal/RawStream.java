package dev.olaphttp.clickhouse.internal;

import dev.olaphttp.ErrorDetails;
import dev.olaphttp.SqlClientException;
import dev.olaphttp.spi.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A raw result body handed to the caller: decompressed, its tail watched for a server exception at the end, I/O
 * errors turned into an {@link IOException} whose cause is the typed exception. Closing it before the end aborts
 * the connection and sends {@code KILL QUERY}.
 */
final class RawStream extends InputStream {
    /** An I/O error carrying the typed client exception. */
    static final class Failure extends IOException {
        private static final long serialVersionUID = 1L;

        Failure(SqlClientException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private final HttpResponse response;
    private final InputStream in;
    private final String queryId;
    private final Killer killer;
    private final TailBuffer tail = new TailBuffer();
    private final AtomicBoolean closed = new AtomicBoolean();
    private long bytes;
    private boolean ended;

    RawStream(HttpResponse response, InputStream decoded, String queryId, Killer killer) {
        this.response = response;
        this.in = decoded;
        this.queryId = queryId;
        this.killer = killer;
    }

    private final byte[] one = new byte[1];

    @Override
    public int read() throws IOException {
        int n;
        do {
            n = read(one, 0, 1);
        } while (n == 0);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (ended) {
            return -1;
        }
        if (closed.get()) {
            throw new IOException("stream closed");
        }
        int n;
        try {
            n = in.read(b, off, len);
        } catch (IOException e) {
            SqlClientException typed = TailBuffer.exceptionIn(tail.bytes(), response.header("X-ClickHouse-Exception-Tag"),
                    details());
            throw new Failure(typed != null ? typed : response.readFailure(e, 0));
        }
        if (n < 0) {
            SqlClientException err = TailBuffer.exceptionIn(tail.bytes(), response.header("X-ClickHouse-Exception-Tag"),
                    details());
            if (err != null) {
                throw new Failure(err);
            }
            ended = true;
            return -1;
        }
        tail.add(b, off, n);
        bytes += n;
        return n;
    }

    private ErrorDetails details() {
        return ErrorDetails.of(ChErrors.DIALECT, queryId).withHttpStatus(response.status());
    }

    /** Bytes read so far. */
    long bytesRead() {
        return bytes;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            if (!ended) {
                killer.kill(queryId);
            }
            response.close();
        }
    }
}
