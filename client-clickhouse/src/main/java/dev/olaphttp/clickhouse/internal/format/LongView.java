package dev.olaphttp.clickhouse.internal.format;

import dev.olaphttp.ErrorDetails;
import dev.olaphttp.TypeConversionException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * How a value kept in a row's {@code long} slot becomes a Java object or text, chosen once per column so the row
 * path stays unboxed: integers, unsigned 64-bit, booleans, day numbers, epoch seconds/ticks, time-of-day ticks.
 */
interface LongView {
    Object box(long v);

    String text(long v);

    LongView INT = new LongView() {
        public Object box(long v) {
            return (int) v;
        }

        public String text(long v) {
            return Long.toString(v);
        }
    };

    LongView LONG = new LongView() {
        public Object box(long v) {
            return v;
        }

        public String text(long v) {
            return Long.toString(v);
        }
    };

    /** UInt64 kept as its raw 64 bits. */
    LongView UNSIGNED = new LongView() {
        public Object box(long v) {
            return v >= 0 ? BigInteger.valueOf(v) : new BigInteger(Long.toUnsignedString(v));
        }

        public String text(long v) {
            return Long.toUnsignedString(v);
        }
    };

    LongView BOOL = new LongView() {
        public Object box(long v) {
            return v != 0;
        }

        public String text(long v) {
            return v != 0 ? "true" : "false";
        }
    };

    /** Days since 1970-01-01. */
    LongView DATE = new LongView() {
        public Object box(long v) {
            return LocalDate.ofEpochDay(v);
        }

        public String text(long v) {
            return LocalDate.ofEpochDay(v).toString();
        }
    };

    /**
     * A DateTime/DateTime64 as ticks of 10^-precision seconds since the epoch, shown in a zone. A zone with a fixed
     * offset (UTC and the like) builds its ZonedDateTime from offset arithmetic, without a rules look-up.
     */
    static LongView timestamp(int precision, ZoneId zone) {
        long perSecond = Values.POW10[precision];
        long nanosPerTick = Values.POW10[9 - precision];
        ZoneOffset fixed = TextTimes.fixedOffset(zone);
        return new LongView() {
            public Object box(long v) {
                long seconds = Math.floorDiv(v, perSecond);
                int nanos = (int) (Math.floorMod(v, perSecond) * nanosPerTick);
                if (zone == null) {
                    return LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
                }
                if (fixed != null) {
                    return ZonedDateTime.ofStrict(LocalDateTime.ofEpochSecond(seconds, nanos, fixed), fixed, zone);
                }
                return Instant.ofEpochSecond(seconds, nanos).atZone(zone);
            }

            public String text(long v) {
                Instant i = Instant.ofEpochSecond(Math.floorDiv(v, perSecond),
                        Math.floorMod(v, perSecond) * nanosPerTick);
                LocalDateTime t = LocalDateTime.ofInstant(i, zone == null ? ZoneOffset.UTC : zone);
                return Values.dateTimeText(t, precision);
            }
        };
    }

    /** A Time/Time64 as signed ticks of 10^-precision seconds; only 00:00..24:00 converts to LocalTime. */
    static LongView time(int precision) {
        long perSecond = Values.POW10[precision];
        return new LongView() {
            public Object box(long v) {
                if (v < 0 || v >= 86_400L * perSecond) {
                    throw new TypeConversionException("ClickHouse Time value " + text(v)
                            + " is outside 00:00:00..23:59:59 and has no LocalTime; read it with getString",
                            null, ErrorDetails.none().withDialect("clickhouse"));
                }
                return LocalTime.ofNanoOfDay(v * Values.POW10[9 - precision]);
            }

            public String text(long v) {
                return Values.timeText(v, precision);
            }
        };
    }
}
