package dev.olaphttp.clickhouse.internal.format;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Allocation-free parsing of ClickHouse's date and date-time text ({@code yyyy-MM-dd},
 * {@code yyyy-MM-dd HH:mm:ss[.fffffffff]} in the column's zone, {@code yyyy-MM-ddTHH:mm:ss[.fffffffff]Z} in UTC)
 * straight from bytes, for the TSV row path. A local time inside a daylight-saving overlap has no match. Returns
 * {@link #NO_MATCH} when the text has another shape, so the caller can fall back to the general parser.
 */
final class TextTimes {
    static final long NO_MATCH = Long.MIN_VALUE;

    private TextTimes() {
    }

    /** Days since 1970-01-01 of a {@code yyyy-MM-dd} date, or {@link #NO_MATCH}. */
    static long epochDay(byte[] b, int len) {
        if (len != 10 || b[4] != '-' || b[7] != '-') {
            return NO_MATCH;
        }
        int y = digits(b, 0, 4);
        int m = digits(b, 5, 2);
        int d = digits(b, 8, 2);
        if (y < 0 || m < 1 || m > 12 || d < 1 || d > monthLength(y, m)) {
            return NO_MATCH;
        }
        return daysFromCivil(y, m, d);
    }

    /**
     * Ticks of 10^-precision seconds since the epoch of a {@code yyyy-MM-dd HH:mm:ss[.f]} text in a zone, or
     * {@link #NO_MATCH}. {@code fixed} is the zone's offset when it never changes, else null.
     */
    static long epochTicks(byte[] b, int len, int precision, ZoneId zone, ZoneOffset fixed) {
        if (fixed == IRREGULAR) {
            return NO_MATCH;
        }
        boolean utc = len > 19 && b[len - 1] == 'Z' && b[10] == 'T';
        if (utc) {
            len--; // date_time_output_format=iso: UTC, unambiguous
            zone = null;
        } else if (len < 19 || b[10] != ' ') {
            return NO_MATCH;
        }
        if (b[13] != ':' || b[16] != ':') {
            return NO_MATCH;
        }
        long day = epochDay(b, 10);
        int h = digits(b, 11, 2);
        int mi = digits(b, 14, 2);
        int s = digits(b, 17, 2);
        if (day == NO_MATCH || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59) {
            return NO_MATCH;
        }
        long frac = 0;
        if (len > 19) {
            int n = len - 20;
            if (b[19] != '.' || n < 1 || n > precision) {
                return NO_MATCH;
            }
            int f = digits(b, 20, n);
            if (f < 0) {
                return NO_MATCH;
            }
            frac = f * Values.POW10[precision - n];
        }
        long local = day * 86_400 + h * 3600L + mi * 60L + s;
        long seconds;
        if (zone == null) {
            seconds = local;
        } else if (fixed != null) {
            seconds = local - fixed.getTotalSeconds();
        } else {
            LocalDateTime t = LocalDateTime.ofEpochSecond(local, 0, ZoneOffset.UTC);
            java.time.zone.ZoneOffsetTransition tr = zone.getRules().getTransition(t);
            if (tr != null && tr.isOverlap()) {
                return NO_MATCH; // the local time occurs twice: the general parser refuses it
            }
            seconds = t.atZone(zone).toEpochSecond();
        }
        if (Math.abs(seconds) > Long.MAX_VALUE / Values.POW10[precision] - 1) {
            return NO_MATCH;
        }
        return seconds * Values.POW10[precision] + frac;
    }

    /** The {@code fixed} argument of a zone the general parser must check (see {@link #fastOffset}). */
    static final ZoneOffset IRREGULAR = ZoneOffset.ofTotalSeconds(-18 * 3600);

    /**
     * The {@code fixed} argument for a column's zone, decided once per column: its offset if fixed, null for a
     * zone with whole-hour changes, {@link #IRREGULAR} for a zone that has changed its offset by a fraction of an
     * hour since 1970 (Australia/Lord_Howe), whose values the general parser checks (old servers render local
     * times wrongly around such changes).
     */
    static ZoneOffset fastOffset(ZoneId zone) {
        ZoneOffset fixed = fixedOffset(zone);
        return fixed == null && zone != null && ZoneQuirks.hasIrregularChanges(zone) ? IRREGULAR : fixed;
    }

    /** The zone's offset if it is fixed, else null. */
    static ZoneOffset fixedOffset(ZoneId zone) {
        if (zone == null) {
            return null;
        }
        return zone.getRules().isFixedOffset() ? zone.getRules().getOffset(java.time.Instant.EPOCH) : null;
    }

    private static int digits(byte[] b, int off, int n) {
        int v = 0;
        for (int i = off; i < off + n; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    private static int monthLength(int y, int m) {
        return switch (m) {
            case 2 -> (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Howard Hinnant's days_from_civil. */
    private static long daysFromCivil(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }
}
