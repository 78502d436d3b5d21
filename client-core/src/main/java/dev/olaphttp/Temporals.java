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
}
