package dev.olaphttp.clickhouse.internal.format;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A buffered reader over a result body that never hands out the last {@value #HOLD} bytes until the body's end is
 * known, so that no row overlapping a trailing ClickHouse exception block is decoded. At the end (clean EOF, or an
 * I/O error when an exception tag is known) it looks for the exception; if found, the data ends before it and the
 * next read past the data throws {@link StreamSignals.ServerFailure}.
 *
 * <p>Also the InputStream that Jackson reads for the JSON format.
 */
final class BodyReader extends InputStream {
    static final int HOLD = 16 * 1024;
    private static final int CHUNK = 64 * 1024;
    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_LE =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final InputStream in;
    private final String tag;
    private final boolean textFormat;
    final byte[] buf = new byte[HOLD + CHUNK];
    /** Next byte to hand out. */
    int pos;
    /** End of the bytes that may be handed out. */
    int limit;
    /** End of the bytes read from the body. */
    private int end;
    private boolean ended;
    private StreamSignals.ServerFailure pending;
    /** The most bytes one value (or the whole header) may take. */
    final int maxValue;
    /** Body offset of {@code buf[0]}. */
    private long base;
    /** Body offset where the watched value started (may be negative: the parser's read-ahead). */
    private long valueStart;
    private boolean watching;

    BodyReader(InputStream in, String tag, boolean textFormat) {
        this(in, tag, textFormat, DecoderContext.DEFAULT_MAX_VALUE_BYTES);
    }

    BodyReader(InputStream in, String tag, boolean textFormat, int maxValue) {
        this.in = in;
        this.tag = tag;
        this.textFormat = textFormat;
        this.maxValue = maxValue;
    }

    /**
     * Starts watching one value whose size is not known in advance (a JSON composite): reading more than
     * {@link #maxValue} bytes (plus the read-ahead of a parser) before {@link #endValue} raises
     * {@link StreamSignals.TooLarge}.
     */
    void startValue(int readAhead) {
        valueStart = base + pos - readAhead;
        watching = true;
    }

    void endValue() {
        watching = false;
    }

    /**
     * Makes at least one byte available at {@code pos}; false at the end of the data.
     *
     * @throws StreamSignals.ServerFailure when the data ended at a server exception
     */
    boolean fill() throws IOException {
        if (pos < limit) {
            return true;
        }
        if (watching && base + pos - valueStart > (long) maxValue + CHUNK) {
            throw new StreamSignals.TooLarge("a value longer than " + maxValue + " bytes");
        }
        while (!ended) {
            if (pos > 0 && end == buf.length) {
                System.arraycopy(buf, pos, buf, 0, end - pos);
                limit -= pos;
                end -= pos;
                base += pos;
                pos = 0;
            }
            int n;
            try {
                n = in.read(buf, end, buf.length - end);
            } catch (IOException e) {
                if (tag != null && finish(true)) {
                    break;
                }
                throw e;
            }
            if (n < 0) {
                finish(false);
                break;
            }
            end += n;
            limit = Math.max(limit, end - HOLD);
            if (pos < limit) {
                return true;
            }
        }
        if (pos < limit) {
            return true;
        }
        if (pending != null) {
            throw pending;
        }
        return false;
    }

    /** At the body's end: finds a trailing exception and fixes where the data ends. */
    private boolean finish(boolean broken) {
        int from = limit;
        ExceptionTail.Found found = tag != null
                ? ExceptionTail.tagged(buf, from, end, tag)
                : ExceptionTail.untagged(buf, from, end, textFormat);
        if (found == null && broken) {
            return false;
        }
        ended = true;
        if (found == null) {
            limit = end;
        } else {
            limit = found.dataEnd();
            pending = new StreamSignals.ServerFailure(found.message());
        }
        return true;
    }

    /** The next byte, or -1 at the clean end of the data. */
    int readOrEnd() throws IOException {
        if (pos >= limit && !fill()) {
            return -1;
        }
        return buf[pos++] & 0xff;
    }

    /** The next byte; the data must not end here. */
    int readByte() throws IOException {
        if (pos >= limit && !fill()) {
            throw new StreamSignals.Truncated("the body ended inside a value");
        }
        return buf[pos++] & 0xff;
    }

    /** Reads exactly {@code len} bytes. */
    void readFully(byte[] dst, int off, int len) throws IOException {
        while (len > 0) {
            if (pos >= limit && !fill()) {
                throw new StreamSignals.Truncated("the body ended inside a value");
            }
            int n = Math.min(len, limit - pos);
            System.arraycopy(buf, pos, dst, off, n);
            pos += n;
            off += n;
            len -= n;
        }
    }

    /** Skips exactly {@code len} bytes. */
    void skipFully(long len) throws IOException {
        while (len > 0) {
            if (pos >= limit && !fill()) {
                throw new StreamSignals.Truncated("the body ended inside a value");
            }
            int n = (int) Math.min(len, limit - pos);
            pos += n;
            len -= n;
        }
    }

    long readLongLE() throws IOException {
        if (limit - pos >= 8) {
            long v = (long) LONG_LE.get(buf, pos);
            pos += 8;
            return v;
        }
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v |= (long) readByte() << (8 * i);
        }
        return v;
    }

    int readIntLE() throws IOException {
        if (limit - pos >= 4) {
            int v = (int) INT_LE.get(buf, pos);
            pos += 4;
            return v;
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            v |= readByte() << (8 * i);
        }
        return v;
    }

    int readShortLE() throws IOException {
        int lo = readByte();
        return lo | readByte() << 8;
    }

    /** An unsigned LEB128 number. */
    long readVarUInt() throws IOException {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readByte();
            v |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new StreamSignals.Malformed("a LEB128 length longer than 10 bytes");
    }

    @Override
    public int read() throws IOException {
        return readOrEnd();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pos >= limit && !fill()) {
            return -1;
        }
        int n = Math.min(len, limit - pos);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        return n;
    }

    /** Bytes that can be handed out without blocking (never the held-back tail). */
    @Override
    public int available() {
        return limit - pos;
    }

    /** The body is closed by its owner, not here. */
    @Override
    public void close() {
        // the dialect closes the HTTP response
    }
}
