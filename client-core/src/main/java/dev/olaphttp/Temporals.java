package dev.olaphttp;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Conversions between the date-time types dialects decode to. Each method returns {@code null} when the value's
 * type cannot be converted; date-times without a zone are taken as UTC. Parsing a string may throw
 * {@link java.time.DateTimeException}.
 */
final class Temporals {
    private Temporals() {}

    static Instant toInstant(Object o) {
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (o instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (o instanceof LocalDateTime ldt) {
            return ldt.toInstant(ZoneOffset.UTC);
        }
        if (o instanceof LocalDate d) {
            return d.atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        return null;
    }

    static LocalDate toLocalDate(Object o) {
        if (o instanceof LocalDate d) {
            return d;
        }
        if (o instanceof LocalDateTime ldt) {
            return ldt.toLocalDate();
        }
        if (o instanceof ZonedDateTime z) {
            return z.toLocalDate();
        }
        if (o instanceof OffsetDateTime odt) {
            return odt.toLocalDate();
        }
        if (o instanceof String s) {
            return LocalDate.parse(s.trim());
        }
        return null;
    }

    static LocalDateTime toLocalDateTime(Object o) {
        if (o instanceof LocalDateTime ldt) {
            return ldt;
        }
        if (o instanceof ZonedDateTime z) {
            return z.toLocalDateTime();
        }
        if (o instanceof OffsetDateTime odt) {
            return odt.toLocalDateTime();
        }
        if (o instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        if (o instanceof Instant i) {
            return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
        }
        return null;
    }

    static OffsetDateTime toOffsetDateTime(Object o) {
        if (o instanceof OffsetDateTime odt) {
            return odt;
        }
        if (o instanceof ZonedDateTime z) {
            return z.toOffsetDateTime();
        }
        if (o instanceof LocalDateTime ldt) {
            return ldt.atOffset(ZoneOffset.UTC);
        }
        if (o instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (o instanceof LocalDate d) {
            return d.atStartOfDay().atOffset(ZoneOffset.UTC);
        }
        return null;
    }

    /**
     * The SQL text form of a date-time, as the servers print it: {@code 2026-01-05 09:14:00[.fraction]} in the
     * value's own zone (no zone suffix), with {@code +02:00} for offset values and {@code Z} for instants; the
     * fraction has 3, 6 or 9 digits, whichever is shortest without loss. {@code null} for other types.
     */
    static String sqlText(Object o) {
        if (o instanceof LocalDateTime ldt) {
            return local(ldt);
        }
        if (o instanceof ZonedDateTime z) {
            return local(z.toLocalDateTime());
        }
        if (o instanceof OffsetDateTime odt) {
            return local(odt.toLocalDateTime()) + odt.getOffset().getId().replace("Z", "+00:00");
        }
        if (o instanceof Instant i) {
            return local(LocalDateTime.ofInstant(i, ZoneOffset.UTC)) + "Z";
        }
        return null;
    }

    private static String local(LocalDateTime t) {
        StringBuilder sb = new StringBuilder(29).append(t.toLocalDate()).append(' ');
        two(sb, t.getHour()).append(':');
        two(sb, t.getMinute()).append(':');
        two(sb, t.getSecond());
        int nanos = t.getNano();
        if (nanos != 0) {
            String digits = String.format("%09d", nanos);
            int keep = nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
            sb.append('.').append(digits, 0, keep);
        }
        return sb.toString();
    }

    private static StringBuilder two(StringBuilder sb, int v) {
        return sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }
}
