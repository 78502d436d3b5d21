package dev.olaphttp.clickhouse.internal.format;

import java.io.IOException;
import java.io.OutputStream;

/** A buffered little-endian writer of RowBinary values over a request body; counts the bytes written. */
public final class BinaryOut {
    private final OutputStream out;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private long flushed;

    public BinaryOut(OutputStream out) {
        this.out = out;
    }

    void ensure(int n) throws IOException {
        if (buf.length - pos < n) {
            flushBuffer();
        }
    }

    void writeByte(int v) throws IOException {
        ensure(1);
        buf[pos++] = (byte) v;
    }

    void writeShortLE(int v) throws IOException {
        ensure(2);
        buf[pos++] = (byte) v;
        buf[pos++] = (byte) (v >>> 8);
    }

    void writeIntLE(int v) throws IOException {
        ensure(4);
        for (int i = 0; i < 4; i++) {
            buf[pos++] = (byte) (v >>> (8 * i));
        }
    }

    void writeLongLE(long v) throws IOException {
        ensure(8);
        for (int i = 0; i < 8; i++) {
            buf[pos++] = (byte) (v >>> (8 * i));
        }
    }

    void writeVarUInt(long v) throws IOException {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buf[pos++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[pos++] = (byte) v;
    }

    void write(byte[] b, int off, int len) throws IOException {
        if (len > buf.length - pos) {
            flushBuffer();
            if (len > buf.length) {
                out.write(b, off, len);
                flushed += len;
                return;
            }
        }
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
    }

    /**
     * Writes a string as a varint length and its UTF-8 bytes, encoding straight into the buffer (no byte array per
     * value).
     *
     * @throws IllegalArgumentException for an unpaired surrogate (not valid UTF-16)
     */
    void writeUtf8(CharSequence s) throws IOException {
        int n = s.length();
        long len = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                len++;
            } else if (c < 0x800) {
                len += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                len += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("the string has an unpaired surrogate (not valid UTF-16)");
            } else {
                len += 3;
            }
        }
        writeVarUInt(len);
        if (len > buf.length) {
            byte[] b = s.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            write(b, 0, b.length);
            return;
        }
        ensure((int) len);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                buf[pos++] = (byte) c;
            } else if (c < 0x800) {
                buf[pos++] = (byte) (0xC0 | c >> 6);
                buf[pos++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c)) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                buf[pos++] = (byte) (0xF0 | cp >> 18);
                buf[pos++] = (byte) (0x80 | (cp >> 12 & 0x3F));
                buf[pos++] = (byte) (0x80 | (cp >> 6 & 0x3F));
                buf[pos++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                buf[pos++] = (byte) (0xE0 | c >> 12);
                buf[pos++] = (byte) (0x80 | (c >> 6 & 0x3F));
                buf[pos++] = (byte) (0x80 | (c & 0x3F));
            }
        }
    }

    void zeros(int n) throws IOException {
        for (int i = 0; i < n; i++) {
            writeByte(0);
        }
    }

    /** Writes the buffered bytes to the body. */
    public void flushBuffer() throws IOException {
        if (pos > 0) {
            out.write(buf, 0, pos);
            flushed += pos;
            pos = 0;
        }
    }

    /** Bytes written so far (buffered included). */
    public long count() {
        return flushed + pos;
    }
}
