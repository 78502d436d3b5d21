package dev.olaphttp.starrocks.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Passes a body through while keeping its first bytes, to quote them when the body turns out not to be JSON. */
final class HeadCapture extends FilterInputStream {
    private static final int KEEP = 512;
    private final byte[] head = new byte[KEEP];
    private int kept;

    HeadCapture(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0 && kept < KEEP) {
            head[kept++] = (byte) b;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0 && kept < KEEP) {
            int copy = Math.min(n, KEEP - kept);
            System.arraycopy(b, off, head, kept, copy);
            kept += copy;
        }
        return n;
    }

    /** The first bytes read, as text (invalid UTF-8 replaced). */
    String head() {
        return new String(head, 0, kept, StandardCharsets.UTF_8);
    }
}
