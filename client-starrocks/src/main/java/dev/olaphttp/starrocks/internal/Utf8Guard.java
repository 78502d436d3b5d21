package dev.olaphttp.starrocks.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes a body through while checking that it is well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates,
 * nothing above U+10FFFF), which the JSON parser does not fully check (it decodes {@code C0 AF} as {@code /}). The
 * first bad byte is an {@link Invalid}, so a body that is not UTF-8 fails the query instead of changing a value.
 * ASCII costs one comparison per byte.
 */
final class Utf8Guard extends FilterInputStream {
    /** The body is not well-formed UTF-8. */
    static final class Invalid extends IOException {
        private static final long serialVersionUID = 1L;

        Invalid(long offset) {
            super("the response body is not valid UTF-8 (at byte " + offset + ")");
        }
    }

    private int need; // continuation bytes still due
    private int lo = 0x80; // the range of the next continuation byte
    private int hi = 0xBF;
    private long offset;

    Utf8Guard(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            check((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = in.read(buf, off, len);
        for (int i = off; i < off + n; i++) {
            byte b = buf[i];
            if (b >= 0 && need == 0) {
                offset++;
                continue;
            }
            check(b);
        }
        return n;
    }

    private void check(byte signed) throws Invalid {
        int b = signed & 0xff;
        if (need > 0) {
            if (b < lo || b > hi) {
                throw new Invalid(offset);
            }
            need--;
            lo = 0x80;
            hi = 0xBF;
        } else if (b >= 0x80) {
            if (b >= 0xC2 && b <= 0xDF) {
                need = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                need = 2;
                lo = b == 0xE0 ? 0xA0 : 0x80;
                hi = b == 0xED ? 0x9F : 0xBF;
            } else if (b >= 0xF0 && b <= 0xF4) {
                need = 3;
                lo = b == 0xF0 ? 0x90 : 0x80;
                hi = b == 0xF4 ? 0x8F : 0xBF;
            } else {
                throw new Invalid(offset);
            }
        }
        offset++;
    }
}
