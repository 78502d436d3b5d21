package dev.olaphttp.jdbc;

import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Calendar;

/**
 * {@code java.time} values to {@code java.sql} date-times. A value with a zone or offset keeps its instant; a
 * zone-less value is a wall-clock time, taken in the calendar's zone when one is given, else the JVM's (as JDBC
 * says). Returns {@code null} for a value it cannot convert, so the caller can report the column.
 */
final class JdbcTemporals {
    private JdbcTemporals() {}

    static ZoneId zone(Calendar cal) {
        return cal == null ? null : cal.getTimeZone().toZoneId();
    }

    static Timestamp timestamp(Object v, ZoneId zone) {
        if (v instanceof LocalDateTime t) {
            return zone == null ? Timestamp.valueOf(t) : instant(t.atZone(zone).toInstant());
        }
        if (v instanceof ZonedDateTime z) {
            return instant(z.toInstant());
        }
        if (v instanceof OffsetDateTime o) {
            return instant(o.toInstant());
        }
        if (v instanceof Instant i) {
            return instant(i);
        }
        if (v instanceof LocalDate d) {
            return timestamp(d.atStartOfDay(), zone);
        }
        return null;
    }

    private static Timestamp instant(Instant i) {
        return Timestamp.from(i);
    }

    static Date date(Object v, ZoneId zone) {
        LocalDate d = null;
        if (v instanceof LocalDate ld) {
            d = ld;
        } else if (v instanceof LocalDateTime t) {
            d = t.toLocalDate();
        } else if (v instanceof ZonedDateTime z) {
            d = z.toLocalDate();
        } else if (v instanceof OffsetDateTime o) {
            d = o.toLocalDate();
        }
        if (d == null) {
            return null;
        }
        return zone == null ? Date.valueOf(d) : new Date(d.atStartOfDay(zone).toInstant().toEpochMilli());
    }

    static Time time(Object v, ZoneId zone) {
        LocalTime t = null;
        if (v instanceof LocalTime lt) {
            t = lt;
        } else if (v instanceof LocalDateTime dt) {
            t = dt.toLocalTime();
        } else if (v instanceof ZonedDateTime z) {
            t = z.toLocalTime();
        } else if (v instanceof OffsetDateTime o) {
            t = o.toLocalTime();
        }
        if (t == null) {
            return null;
        }
        if (zone == null) {
            Time time = Time.valueOf(t);
            time.setTime(time.getTime() + t.getNano() / 1_000_000);
            return time;
        }
        return new Time(t.atDate(LocalDate.EPOCH).atZone(zone).toInstant().toEpochMilli());
    }
}
