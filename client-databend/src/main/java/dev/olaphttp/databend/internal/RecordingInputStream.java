package dev.olaphttp.databend.internal;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps the first bytes of a response body (up to a limit, until {@link #stop()}) so that the {@code session} object
 * can be kept byte for byte as the server sent it.
 */
final class RecordingInputStream extends FilterInputStream {
    private final int limit;
    private ByteArrayOutputStream recorded = new ByteArrayOutputStream(1024);

    RecordingInputStream(InputStream in, int limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0 && recorded != null) {
            if (recorded.size() >= limit) {
                recorded = null;
            } else {
                recorded.write(b);
            }
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0 && recorded != null) {
            if (recorded.size() + n > limit) {
                recorded = null;
            } else {
                recorded.write(b, off, n);
            }
        }
        return n;
    }

    /** Stops recording and frees the buffer. */
    void stop() {
        recorded = null;
    }

    /** The first recorded bytes as text (invalid UTF-8 replaced), for error messages; "" when not kept. */
    String head() {
        if (recorded == null) {
            return "";
        }
        byte[] all = recorded.toByteArray();
        return new String(all, 0, Math.min(all.length, 4096), StandardCharsets.UTF_8);
    }

    /** The recorded bytes {@code [from, to)} as UTF-8 text, or {@code null} when they were not kept. */
    String slice(long from, long to) {
        if (recorded == null || from < 0 || to > recorded.size() || from > to) {
            return null;
        }
        byte[] all = recorded.toByteArray();
        return new String(all, (int) from, (int) (to - from), StandardCharsets.UTF_8);
    }
}
