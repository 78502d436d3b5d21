package dev.olaphttp.benchmarks;

import java.time.LocalDateTime;

/**
 * What any hand-written decoder needs: integers and {@code yyyy-MM-dd HH:mm:ss[.ffffff]} date-times parsed straight
 * from characters or bytes, without an intermediate String.
 */
final class Text {
    private Text() {}

    static long parseLong(char[] c, int off, int len) {
        int i = off;
        int end = off + len;
        boolean neg = c[i] == '-';
        if (neg) {
            i++;
        }
        long v = 0;
        for (; i < end; i++) {
            int d = c[i] - '0';
            if (d < 0 || d > 9) {
                throw new NumberFormatException(new String(c, off, len));
            }
            v = v * 10 + d;
        }
        return neg ? -v : v;
    }

    static long parseLong(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        boolean neg = b[i] == '-';
        if (neg) {
            i++;
        }
        long v = 0;
        for (; i < end; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                throw new NumberFormatException(new String(b, off, len, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
            v = v * 10 + d;
        }
        return neg ? -v : v;
    }

    static LocalDateTime dateTime(char[] c, int o, int len) {
        int nanos = 0;
        if (len > 20 && c[o + 19] == '.') {
            int digits = 0;
            for (int i = o + 20; i < o + len; i++, digits++) {
                nanos = nanos * 10 + (c[i] - '0');
            }
            for (; digits < 9; digits++) {
                nanos *= 10;
            }
        }
        return LocalDateTime.of(d4(c[o], c[o + 1], c[o + 2], c[o + 3]), d2(c[o + 5], c[o + 6]), d2(c[o + 8], c[o + 9]),
                d2(c[o + 11], c[o + 12]), d2(c[o + 14], c[o + 15]), d2(c[o + 17], c[o + 18]), nanos);
    }

    static LocalDateTime dateTime(byte[] b, int o) {
        return LocalDateTime.of(d4(b[o], b[o + 1], b[o + 2], b[o + 3]), d2(b[o + 5], b[o + 6]), d2(b[o + 8], b[o + 9]),
                d2(b[o + 11], b[o + 12]), d2(b[o + 14], b[o + 15]), d2(b[o + 17], b[o + 18]));
    }

    private static int d2(int a, int b) {
        return (a - '0') * 10 + (b - '0');
    }

    private static int d4(int a, int b, int c, int d) {
        return d2(a, b) * 100 + d2(c, d);
    }
}
