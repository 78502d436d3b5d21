package dev.olaphttp.starrocks.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Passes a body through while keeping its first bytes, to quote them when the body turns out not to be JSON, and
 * noting when the transport has delivered the whole body (at which point OkHttp may already have pooled the
 * connection, even though the parser has not yet reached the result's end marker).
 */
final class HeadCapture extends FilterInputStream {
    private static final int KEEP = 512;
    private final byte[] head = new byte[KEEP];
    private final long contentLength;
    private int kept;
    private long count;
    private volatile boolean ended;

    /** {@code contentLength} is the body's declared length, or -1 when it is chunked or unknown. */
    HeadCapture(InputStream in, long contentLength) {
        super(in);
        this.contentLength = contentLength;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            if (kept < KEEP) {
                head[kept++] = (byte) b;
            }
            counted(1);
        } else {
            ended = true;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            if (kept < KEEP) {
                int copy = Math.min(n, KEEP - kept);
                System.arraycopy(b, off, head, kept, copy);
                kept += copy;
            }
            counted(n);
        } else if (n < 0) {
            ended = true;
        }
        return n;
    }

    private void counted(int n) {
        count += n;
        if (count == contentLength) {
            ended = true;
        }
    }

    /** Whether the whole body has arrived: end of stream seen, or the declared length read. */
    boolean ended() {
        return ended;
    }

    /** The first bytes read, as text (invalid UTF-8 replaced). */
    String head() {
        return new String(head, 0, kept, StandardCharsets.UTF_8);
    }
}
