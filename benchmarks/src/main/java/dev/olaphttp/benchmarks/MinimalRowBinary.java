package dev.olaphttp.benchmarks;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A minimal {@code RowBinaryWithNamesAndTypes} reader for the benchmark's schema: a 64 KiB buffer, little-endian
 * reads, strings decoded as UTF-8 from the buffer; the header's names and types are read and skipped.
 */
final class MinimalRowBinary implements MinimalDecoder {
    private final ZoneId zone;

    MinimalRowBinary(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public long decode(Canned server, RowSink sink) throws IOException {
        try (InputStream in = server.open("POST", "/")) {
            Reader r = new Reader(in);
            long columns = r.varUInt();
            for (long k = 0; k < columns * 2; k++) {
                r.skip((int) r.varUInt());
            }
            long rows = 0;
            while (r.more()) {
                long id = r.i64();
                String name = r.string();
                double price = Double.longBitsToDouble(r.i64());
                Object ts = Instant.ofEpochSecond(r.i32() & 0xffffffffL).atZone(zone);
                boolean qtyNull = r.u8() != 0;
                int qty = qtyNull ? 0 : r.i32();
                sink.row(id, name, price, ts, qtyNull, qty);
                rows++;
            }
            return rows;
        }
    }

    /** Little-endian reads over a refilled buffer. */
    private static final class Reader {
        private final InputStream in;
        private final byte[] buf = new byte[1 << 16];
        private int pos;
        private int limit;

        Reader(InputStream in) {
            this.in = in;
        }

        boolean more() throws IOException {
            return pos < limit || fill(1, false);
        }

        private boolean fill(int need, boolean required) throws IOException {
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, limit - pos);
                limit -= pos;
                pos = 0;
            }
            while (limit < need) {
                int n = in.read(buf, limit, buf.length - limit);
                if (n < 0) {
                    if (required) {
                        throw new EOFException("truncated RowBinary");
                    }
                    return limit > 0;
                }
                limit += n;
            }
            return true;
        }

        private void need(int n) throws IOException {
            if (limit - pos < n) {
                fill(n, true);
            }
        }

        int u8() throws IOException {
            need(1);
            return buf[pos++] & 0xff;
        }

        int i32() throws IOException {
            need(4);
            byte[] b = buf;
            int p = pos;
            pos = p + 4;
            return (b[p] & 0xff) | (b[p + 1] & 0xff) << 8 | (b[p + 2] & 0xff) << 16 | (b[p + 3] & 0xff) << 24;
        }

        long i64() throws IOException {
            need(8);
            byte[] b = buf;
            int p = pos;
            pos = p + 8;
            return (b[p] & 0xffL) | (b[p + 1] & 0xffL) << 8 | (b[p + 2] & 0xffL) << 16 | (b[p + 3] & 0xffL) << 24
                    | (b[p + 4] & 0xffL) << 32 | (b[p + 5] & 0xffL) << 40 | (b[p + 6] & 0xffL) << 48
                    | (b[p + 7] & 0xffL) << 56;
        }

        long varUInt() throws IOException {
            long v = 0;
            for (int shift = 0; ; shift += 7) {
                int b = u8();
                v |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
        }

        String string() throws IOException {
            int len = (int) varUInt();
            if (len > buf.length) {
                byte[] big = new byte[len];
                int have = limit - pos;
                System.arraycopy(buf, pos, big, 0, have);
                pos = limit;
                if (in.readNBytes(big, have, len - have) != len - have) {
                    throw new EOFException("truncated RowBinary");
                }
                return new String(big, StandardCharsets.UTF_8);
            }
            need(len);
            String s = new String(buf, pos, len, StandardCharsets.UTF_8);
            pos += len;
            return s;
        }

        void skip(int len) throws IOException {
            need(len);
            pos += len;
        }
    }
}
