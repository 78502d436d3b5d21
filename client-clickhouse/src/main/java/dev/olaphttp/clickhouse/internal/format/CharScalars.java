package dev.olaphttp.clickhouse.internal.format;

import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Integers and date-times parsed straight from a JSON parser's character buffer, for the JSONCompact row path: no
 * String per value. Date-times are copied (ASCII only, at most 32 characters) into a reusable byte buffer and read
 * by {@link TextTimes}; every method returns {@link TextTimes#NO_MATCH} for text of another shape, so the caller
 * falls back to the general parser and its error message.
 */
final class CharScalars {
    private final byte[] scratch = new byte[32];

    /** A signed decimal integer, or NO_MATCH (also on overflow). */
    static long parseLong(char[] ch, int off, int len) {
        int i = off;
        int end = off + len;
        boolean neg = len > 0 && ch[i] == '-';
        if (neg) {
            i++;
        }
        if (i == end || end - i > 19) {
            return TextTimes.NO_MATCH;
        }
        long v = 0;
        for (; i < end; i++) {
            int d = ch[i] - '0';
            if (d < 0 || d > 9) {
                return TextTimes.NO_MATCH;
            }
            v = v * 10 - d;
            if (v > 0) {
                return TextTimes.NO_MATCH;
            }
        }
        if (!neg && v == Long.MIN_VALUE) {
            return TextTimes.NO_MATCH;
        }
        return neg ? v : -v;
    }

    /** A UInt64 kept as its raw 64 bits. */
    static long parseUnsigned(char[] ch, int off, int len) throws StreamSignals.Malformed {
        if (len == 0 || len > 20) {
            throw notUInt64(ch, off, len);
        }
        long v = 0;
        for (int i = off; i < off + len; i++) {
            int d = ch[i] - '0';
            if (d < 0 || d > 9) {
                throw notUInt64(ch, off, len);
            }
            long next = v * 10 + d;
            if (Long.compareUnsigned(v, 1844674407370955161L) > 0 || Long.compareUnsigned(next, v) < 0) {
                throw notUInt64(ch, off, len);
            }
            v = next;
        }
        return v;
    }

    private static StreamSignals.Malformed notUInt64(char[] ch, int off, int len) {
        return new StreamSignals.Malformed("'" + Values.snippet(new String(ch, off, len)) + "' is not a UInt64");
    }

    /** Days since the epoch of {@code yyyy-MM-dd}, or NO_MATCH. */
    long epochDay(char[] ch, int off, int len) {
        return ascii(ch, off, len) ? TextTimes.epochDay(scratch, len) : TextTimes.NO_MATCH;
    }

    /** Ticks of {@code yyyy-MM-dd HH:mm:ss[.f]} in a zone ({@code fixed}: its offset if it never changes). */
    long epochTicks(char[] ch, int off, int len, int precision, ZoneId zone, ZoneOffset fixed) {
        return ascii(ch, off, len) ? TextTimes.epochTicks(scratch, len, precision, zone, fixed) : TextTimes.NO_MATCH;
    }

    private boolean ascii(char[] ch, int off, int len) {
        if (len > scratch.length) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            char c = ch[off + i];
            if (c > 127) {
                return false;
            }
            scratch[i] = (byte) c;
        }
        return true;
    }
}
