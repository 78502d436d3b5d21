package dev.olaphttp.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte array for building canned responses (set-up only, never on the measured path). */
final class Bytes {
    private byte[] buf = new byte[1 << 16];
    private int size;

    Bytes ascii(String s) {
        return raw(s.getBytes(StandardCharsets.UTF_8));
    }

    Bytes raw(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
        return this;
    }

    Bytes u8(int b) {
        ensure(1);
        buf[size++] = (byte) b;
        return this;
    }

    Bytes le(long v, int width) {
        ensure(width);
        for (int k = 0; k < width; k++) {
            buf[size++] = (byte) (v >>> (8 * k));
        }
        return this;
    }

    Bytes varUInt(long v) {
        while ((v & ~0x7FL) != 0) {
            u8((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        return u8((int) v);
    }

    /** A RowBinary string: LEB128 length then UTF-8 bytes. */
    Bytes binString(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return varUInt(b.length).raw(b);
    }

    byte[] toArray() {
        return Arrays.copyOf(buf, size);
    }

    private void ensure(int n) {
        if (size + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
        }
    }
}
