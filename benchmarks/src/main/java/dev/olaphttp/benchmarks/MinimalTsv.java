package dev.olaphttp.benchmarks;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

/**
 * A minimal {@code TabSeparatedWithNamesAndTypes} reader for the benchmark's schema: a byte scanner over a 64 KiB
 * buffer, one line at a time; strings unescaped only when they contain a backslash; {@code \N} is NULL.
 */
final class MinimalTsv implements MinimalDecoder {
    private final ZoneId zone;

    MinimalTsv(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public long decode(Canned server, RowSink sink) throws IOException {
        try (InputStream in = server.open("POST", "/")) {
            Lines l = new Lines(in);
            l.next(); // names
            l.next(); // types
            long rows = 0;
            while (l.next()) {
                byte[] b = l.buf;
                int s = l.start;
                int e = field(b, s, l.end);
                long id = Text.parseLong(b, s, e - s);
                s = e + 1;
                e = field(b, s, l.end);
                String name = string(b, s, e);
                s = e + 1;
                e = field(b, s, l.end);
                double price = Double.parseDouble(new String(b, s, e - s, StandardCharsets.ISO_8859_1));
                s = e + 1;
                e = field(b, s, l.end);
                Object ts = Text.dateTime(b, s).atZone(zone);
                s = e + 1;
                e = l.end;
                boolean qtyNull = e - s == 2 && b[s] == '\\' && b[s + 1] == 'N';
                int qty = qtyNull ? 0 : (int) Text.parseLong(b, s, e - s);
                sink.row(id, name, price, ts, qtyNull, qty);
                rows++;
            }
            return rows;
        }
    }

    private static int field(byte[] b, int from, int end) {
        for (int i = from; i < end; i++) {
            if (b[i] == '\t') {
                return i;
            }
        }
        return end;
    }

    private static String string(byte[] b, int s, int e) {
        for (int i = s; i < e; i++) {
            if (b[i] == '\\') {
                return unescape(b, s, e);
            }
        }
        return new String(b, s, e - s, StandardCharsets.UTF_8);
    }

    private static String unescape(byte[] b, int s, int e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(e - s);
        for (int i = s; i < e; i++) {
            byte c = b[i];
            if (c == '\\' && i + 1 < e) {
                byte n = b[++i];
                out.write(switch (n) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case '0' -> 0;
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    default -> n;
                });
            } else {
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Lines of a stream, each ending in a newline, handed out as [start, end) of a refilled buffer. */
    private static final class Lines {
        private final InputStream in;
        byte[] buf = new byte[1 << 16];
        int start;
        int end;
        private int pos;
        private int limit;

        Lines(InputStream in) {
            this.in = in;
        }

        boolean next() throws IOException {
            int scan = pos;
            while (true) {
                for (int i = scan; i < limit; i++) {
                    if (buf[i] == '\n') {
                        start = pos;
                        end = i;
                        pos = i + 1;
                        return true;
                    }
                }
                scan = limit - pos;
                if (pos > 0) {
                    System.arraycopy(buf, pos, buf, 0, limit - pos);
                    limit -= pos;
                    pos = 0;
                } else if (limit == buf.length) {
                    buf = java.util.Arrays.copyOf(buf, buf.length * 2);
                }
                int n = in.read(buf, limit, buf.length - limit);
                if (n < 0) {
                    if (limit > pos) {
                        throw new EOFException("last line has no newline");
                    }
                    return false;
                }
                limit += n;
            }
        }
    }
}
