package dev.olaphttp.databend.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;

/** Allocation-light parsers for the text forms Databend renders cells in. Throw on malformed input. */
final class ValueText {
    private ValueText() {}

    /** A signed decimal integer from a char range. */
    static long parseLong(char[] b, int off, int len) {
        if (len <= 0 || len > 20) {
            throw new NumberFormatException("not an integer");
        }
        int i = off;
        int end = off + len;
        boolean neg = false;
        if (b[i] == '-' || b[i] == '+') {
            neg = b[i] == '-';
            i++;
            if (i == end) {
                throw new NumberFormatException("not an integer");
            }
        }
        if (end - i <= 18) { // cannot overflow: no range check (a division) per digit, one digit test at the end
            long v = 0;
            int bad = 0;
            for (; i < end; i++) {
                int d = b[i] - '0';
                bad |= d | 9 - d;
                v = v * 10 + d;
            }
            if (bad < 0) {
                throw new NumberFormatException("not an integer");
            }
            return neg ? -v : v;
        }
        long v = 0;
        for (; i < end; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                throw new NumberFormatException("not an integer");
            }
            if (v < (Long.MIN_VALUE + d) / 10) {
                throw new NumberFormatException("integer out of range");
            }
            v = v * 10 - d; // accumulate negatively so that Long.MIN_VALUE fits
        }
        if (!neg) {
            if (v == Long.MIN_VALUE) {
                throw new NumberFormatException("integer out of range");
            }
            return -v;
        }
        return v;
    }

    /** An unsigned 64-bit integer from a char range, as the bits of a long. */
    static long parseUnsignedLong(char[] b, int off, int len) {
        if (len <= 0 || len > 20) {
            throw new NumberFormatException("not an unsigned integer");
        }
        long v = 0;
        for (int i = off; i < off + len; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                throw new NumberFormatException("not an unsigned integer");
            }
            // 2^64 - 1 = 18446744073709551615: v * 10 + d must not wrap
            if (Long.compareUnsigned(v, 1844674407370955161L) > 0 || v == 1844674407370955161L && d > 5) {
                throw new NumberFormatException("unsigned integer out of range");
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** A boolean rendered {@code 1}/{@code 0} (or {@code true}/{@code false}) as 1/0. */
    static long parseBoolean(char[] b, int off, int len) {
        if (len == 1 && (b[off] == '1' || b[off] == '0')) {
            return b[off] - '0';
        }
        String s = new String(b, off, len);
        if (s.equalsIgnoreCase("true")) {
            return 1;
        }
        if (s.equalsIgnoreCase("false")) {
            return 0;
        }
        throw new NumberFormatException("not a boolean");
    }

    /** A float in Rust's rendering, including {@code NaN}, {@code inf} and {@code Infinity}. */
    static double parseDouble(String s) {
        switch (s) {
            case "NaN", "nan", "-NaN", "-nan", "+NaN":
                return Double.NaN;
            case "Infinity", "inf", "+Infinity", "+inf", "infinity":
                return Double.POSITIVE_INFINITY;
            case "-Infinity", "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                if (s.isEmpty() || Character.isLetter(s.charAt(s.length() - 1))) {
                    throw new NumberFormatException("not a number");
                }
                return Double.parseDouble(s);
        }
    }

    /** {@code YYYY-MM-DD}. */
    static LocalDate date(String s) {
        if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
            return LocalDate.of(digits(s, 0, 4), digits(s, 5, 2), digits(s, 8, 2));
        }
        return LocalDate.parse(s);
    }

    /** {@code YYYY-MM-DD HH:MM:SS[.f...]} (a {@code T} separator is accepted too). */
    static LocalDateTime dateTime(String s) {
        int n = s.length();
        if (n < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != ' ' && s.charAt(10) != 'T')
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            throw new IllegalArgumentException("not a timestamp");
        }
        int nanos = 0;
        if (n > 19) {
            if (s.charAt(19) != '.' || n == 20 || n > 29) {
                throw new IllegalArgumentException("not a timestamp");
            }
            int frac = digits(s, 20, n - 20);
            for (int k = n - 20; k < 9; k++) {
                frac *= 10;
            }
            nanos = frac;
        }
        return LocalDateTime.of(digits(s, 0, 4), digits(s, 5, 2), digits(s, 8, 2), digits(s, 11, 2),
                digits(s, 14, 2), digits(s, 17, 2), nanos);
    }

    /** {@code YYYY-MM-DD HH:MM:SS[.f...] +HHMM} (or {@code +HH:MM}). */
    static OffsetDateTime offsetDateTime(String s) {
        int sp = s.lastIndexOf(' ');
        if (sp < 19) {
            throw new IllegalArgumentException("not a timestamp with time zone");
        }
        LocalDateTime local = dateTime(s.substring(0, sp));
        return OffsetDateTime.of(local, offset(s.substring(sp + 1)));
    }

    /** The driver-mode form of Timestamp_Tz: {@code <epoch micros> <offset seconds>}. */
    static OffsetDateTime offsetDateTimeFromMicros(String s) {
        int sp = s.indexOf(' ');
        if (sp < 0) {
            throw new IllegalArgumentException("not a timestamp with time zone");
        }
        long micros = Long.parseLong(s.substring(0, sp));
        ZoneOffset off = ZoneOffset.ofTotalSeconds(Integer.parseInt(s.substring(sp + 1).trim()));
        return java.time.Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000)
                .atOffset(off);
    }

    private static ZoneOffset offset(String o) {
        if (o.length() == 5 && (o.charAt(0) == '+' || o.charAt(0) == '-')) {
            int h = digits(o, 1, 2);
            int m = digits(o, 3, 2);
            return o.charAt(0) == '-' ? ZoneOffset.ofHoursMinutes(-h, -m) : ZoneOffset.ofHoursMinutes(h, m);
        }
        return ZoneOffset.of(o);
    }

    private static int digits(String s, int off, int len) {
        int v = 0;
        for (int i = off; i < off + len; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                throw new IllegalArgumentException("not a digit");
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** Upper- or lower-case hex to bytes. */
    static byte[] hex(String s) {
        int n = s.length();
        if ((n & 1) != 0) {
            throw new IllegalArgumentException("odd number of hex digits");
        }
        byte[] out = new byte[n / 2];
        for (int i = 0; i < n; i += 2) {
            int hi = Character.digit(s.charAt(i), 16);
            int lo = Character.digit(s.charAt(i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("not a hex digit");
            }
            out[i / 2] = (byte) (hi << 4 | lo);
        }
        return out;
    }

    /** Binary per {@code binary_output_format}. */
    static byte[] binary(String s, String format) {
        return switch (format.toUpperCase(java.util.Locale.ROOT)) {
            case "BASE64" -> Base64.getDecoder().decode(s);
            case "UTF-8", "UTF8", "UTF-8-LOSSY" -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            default -> hex(s);
        };
    }
}
