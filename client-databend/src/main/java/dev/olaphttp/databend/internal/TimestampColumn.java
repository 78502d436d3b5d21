package dev.olaphttp.databend.internal;

import com.fasterxml.jackson.core.JsonParser;
import dev.olaphttp.SqlType;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneRules;
import java.util.Arrays;

/**
 * Timestamps, parsed from the parser's characters (no {@code String} per cell) into unboxed longs and nanos: the
 * packed fields of the local date-time of the text form {@code YYYY-MM-DD HH:MM:SS[.f...]}, or the epoch seconds of
 * the driver-mode form (epoch microseconds). The zone is applied when a value is read, with the zone's rules looked up once per column.
 */
final class TimestampColumn extends CellColumn {
    private long[] seconds = new long[0];
    private int[] nanos = new int[0];
    private boolean[] instant = new boolean[0];
    private SqlType zoneOf;
    private ZoneId zone;
    private ZoneOffset fixed;

    TimestampColumn(String name, SqlType type) {
        super(name, type, TIMESTAMPS);
    }

    @Override
    void grow(int capacity) {
        seconds = Arrays.copyOf(seconds, capacity);
        nanos = Arrays.copyOf(nanos, capacity);
        instant = Arrays.copyOf(instant, capacity);
    }

    @Override
    void read(JsonParser p, int row) throws IOException {
        nulls[row] = false;
        char[] b = p.getTextCharacters();
        int off = p.getTextOffset();
        int len = p.getTextLength();
        if (len >= 19 && b[off + 4] == '-') {
            instant[row] = false;
            parseLocal(b, off, len, row);
        } else {
            instant[row] = true; // driver mode: epoch microseconds
            long micros = ValueText.parseLong(b, off, len);
            seconds[row] = Math.floorDiv(micros, 1_000_000L);
            nanos[row] = (int) Math.floorMod(micros, 1_000_000L) * 1000;
        }
    }

    /** {@code YYYY-MM-DD HH:MM:SS[.f...]} (a {@code T} separator is accepted too) to packed fields and nanos. */
    private void parseLocal(char[] b, int off, int len, int row) {
        if (b[off + 7] != '-' || (b[off + 10] != ' ' && b[off + 10] != 'T') || b[off + 13] != ':'
                || b[off + 16] != ':') {
            throw new IllegalArgumentException("not a timestamp");
        }
        int century = d2(b, off);
        int low = d2(b, off + 2);
        int year = century * 100 + low | (century | low) >> 31; // -1 when either half is not two digits
        int month = d2(b, off + 5);
        int day = d2(b, off + 8);
        int hour = d2(b, off + 11);
        int minute = d2(b, off + 14);
        int second = d2(b, off + 17);
        if ((year | hour | minute | second) < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month) || hour > 23 || minute > 59
                || second > 59) {
            throw new IllegalArgumentException("not a valid date-time");
        }
        int nano = 0;
        if (len > 19) {
            if (b[off + 19] != '.' || len == 20 || len > 29) {
                throw new IllegalArgumentException("not a timestamp");
            }
            nano = digits(b, off + 20, len - 20);
            for (int k = len - 20; k < 9; k++) {
                nano *= 10;
            }
        }
        seconds[row] = pack(year, month, day, hour, minute, second); // no epoch-day round trip per value
        nanos[row] = nano;
    }

    /** The validated fields of a local date-time in one long (year 14 bits, then 4, 5, 5, 6 and 6 bits). */
    private static long pack(int year, int month, int day, int hour, int minute, int second) {
        return (long) year << 26 | month << 22 | day << 17 | hour << 12 | minute << 6 | second;
    }

    private static LocalDateTime unpack(long v, int nano) {
        int f = (int) v;
        return LocalDateTime.of((int) (v >>> 26), f >>> 22 & 0xF, f >>> 17 & 0x1F, f >>> 12 & 0x1F, f >>> 6 & 0x3F,
                f & 0x3F, nano);
    }

    /** Two decimal digits, or -1 (one test per field instead of a branch per digit). */
    private static int d2(char[] b, int i) {
        int h = b[i] - '0';
        int l = b[i + 1] - '0';
        return h * 10 + l | (h | l | 9 - h | 9 - l) >> 31;
    }

    private static int digits(char[] b, int off, int len) {
        int v = 0;
        for (int i = off; i < off + len; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                throw new IllegalArgumentException("not a timestamp");
            }
            v = v * 10 + d;
        }
        return v;
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    @Override
    void finish(int rows, ResultFormat fmt) {
        if (zoneOf != type) { // the type (and its zone) is fixed when the schema resolves
            zoneOf = type;
            zone = type.zone().orElse(null);
            ZoneRules rules = zone == null ? null : zone.getRules();
            fixed = rules != null && rules.isFixedOffset() ? rules.getOffset(Instant.EPOCH) : null;
        }
        if (!fmt.driverMode()) {
            for (int r = 0; r < rows; r++) {
                if (instant[r] && !nulls[r]) {
                    throw new ObjectColumn.CellException(name, type, new IllegalArgumentException("not a timestamp"));
                }
            }
        }
    }

    @Override
    Object getObject(int row) {
        if (nulls[row]) {
            return null;
        }
        long s = seconds[row];
        int n = nanos[row];
        if (instant[row]) {
            return zone != null ? Instant.ofEpochSecond(s, n).atZone(zone) : LocalDateTime.ofEpochSecond(s, n, ZoneOffset.UTC);
        }
        LocalDateTime local = unpack(s, n);
        if (zone == null) {
            return local;
        }
        return fixed != null ? ZonedDateTime.ofStrict(local, fixed, zone) : local.atZone(zone);
    }
}
