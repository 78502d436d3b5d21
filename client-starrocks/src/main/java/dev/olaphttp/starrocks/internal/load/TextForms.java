package dev.olaphttp.starrocks.internal.load;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** StarRocks' text forms of scalar values, written into a reused buffer without intermediate strings. */
final class TextForms {
    private TextForms() {}

    /** An exact integral value of a Java integer or integral decimal, or {@code null} when not integral. */
    static BigInteger integral(Object v) {
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return BigInteger.valueOf(((Number) v).longValue());
        }
        if (v instanceof BigInteger b) {
            return b;
        }
        if (v instanceof BigDecimal d) {
            try {
                return d.toBigIntegerExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }
        return null;
    }

    /** {@code yyyy-MM-dd}. */
    static void date(LocalDate d, StringBuilder out) {
        int y = d.getYear();
        if (y < 0 || y > 9999) {
            throw new IllegalArgumentException("a date outside years 0000-9999");
        }
        pad(out, y, 4).append('-');
        pad(out, d.getMonthValue(), 2).append('-');
        pad(out, d.getDayOfMonth(), 2);
    }

    /** {@code yyyy-MM-dd HH:mm:ss[.ffffff]} (microseconds at most, as StarRocks keeps). */
    static void dateTime(LocalDateTime t, StringBuilder out) {
        date(t.toLocalDate(), out);
        out.append(' ');
        pad(out, t.getHour(), 2).append(':');
        pad(out, t.getMinute(), 2).append(':');
        pad(out, t.getSecond(), 2);
        int nanos = t.getNano();
        if (nanos % 1000 != 0) {
            throw new IllegalArgumentException("a date-time with nanoseconds (StarRocks DATETIME keeps microseconds)");
        }
        if (nanos != 0) {
            out.append('.');
            pad(out, nanos / 1000, 6);
        }
    }

    /** A local date-time for {@code v}, converting zoned values to {@code zone}; {@code null} if not temporal. */
    static LocalDateTime localDateTime(Object v, ZoneId zone) {
        if (v instanceof LocalDateTime t) {
            return t;
        }
        if (v instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        if (v instanceof Instant i) {
            return LocalDateTime.ofInstant(i, zone);
        }
        if (v instanceof OffsetDateTime o) {
            return o.atZoneSameInstant(zone).toLocalDateTime();
        }
        if (v instanceof ZonedDateTime z) {
            return z.withZoneSameInstant(zone).toLocalDateTime();
        }
        return null;
    }

    /** Bytes as text when they are valid UTF-8 (JSON and CSV carry text only). */
    static void utf8(byte[] bytes, StringBuilder out) {
        try {
            out.append(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("bytes that are not valid UTF-8 (Stream Load carries text: hex-encode"
                    + " them and map the column with columns \"tmp, c = unhex(tmp)\")");
        }
    }

    private static StringBuilder pad(StringBuilder out, int v, int width) {
        int digits = v == 0 ? 1 : (int) Math.log10(v) + 1;
        for (int i = digits; i < width; i++) {
            out.append('0');
        }
        return out.append(v);
    }
}
