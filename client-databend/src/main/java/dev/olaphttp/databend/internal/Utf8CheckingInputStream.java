package dev.olaphttp.databend.internal;

import java.io.CharConversionException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes a response body through unchanged while checking that it is well-formed UTF-8 (RFC 3629: no overlong forms,
 * no encoded surrogates, nothing above U+10FFFF, no sequence cut short at the end). The server only writes valid
 * UTF-8, so anything else is a corrupt body: {@link InvalidUtf8} fails the query rather than letting a decoder turn
 * it into other characters. A body that ends inside a sequence is left to the JSON parser (a truncated body). ASCII
 * costs one comparison per byte.
 */
final class Utf8CheckingInputStream extends FilterInputStream {
    /** The body is not valid UTF-8; never retried (the same bytes would come again). */
    static final class InvalidUtf8 extends CharConversionException {
        private static final long serialVersionUID = 1L;

        InvalidUtf8(String message) {
            super(message);
        }
    }

    /** Continuation bytes still expected by the current sequence. */
    private int pending;
    /** The allowed range of the next continuation byte (narrower after E0, ED, F0, F4). */
    private int low = 0x80;
    private int high = 0xBF;

    Utf8CheckingInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            end();
        } else {
            check((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n < 0) {
            end();
            return n;
        }
        int i = off;
        int stop = off + n;
        while (i < stop) {
            if (pending == 0) {
                while (i < stop && b[i] >= 0) {
                    i++;
                }
                if (i == stop) {
                    break;
                }
            }
            check(b[i++]);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buf = new byte[(int) Math.min(8192, Math.max(0, n))];
        int r = read(buf, 0, buf.length);
        return Math.max(r, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void check(byte x) throws InvalidUtf8 {
        int b = x & 0xFF;
        if (pending > 0) {
            if (b < low || b > high) {
                throw invalid(b);
            }
            pending--;
            low = 0x80;
            high = 0xBF;
            return;
        }
        if (b < 0x80) {
            return;
        }
        if (b >= 0xC2 && b <= 0xDF) {
            pending = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            pending = 2;
            if (b == 0xE0) {
                low = 0xA0;
            } else if (b == 0xED) {
                high = 0x9F;
            }
        } else if (b >= 0xF0 && b <= 0xF4) {
            pending = 3;
            if (b == 0xF0) {
                low = 0x90;
            } else if (b == 0xF4) {
                high = 0x8F;
            }
        } else {
            throw invalid(b);
        }
    }

    private void end() {
        pending = 0;
    }

    private InvalidUtf8 invalid(int b) {
        pending = 0;
        return new InvalidUtf8(String.format("the body is not valid UTF-8 (byte 0x%02X)", b));
    }
}
