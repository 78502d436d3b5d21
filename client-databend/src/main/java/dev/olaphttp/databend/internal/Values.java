package dev.olaphttp.databend.internal;

import dev.olaphttp.SqlType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Turns one cell's text into the Java value of its {@link SqlType} ({@link SqlType#javaType()}). */
final class Values {
    private Values() {}

    /**
     * Converts a non-null cell. {@code nested} says the text came from inside an Array/Map/Tuple, where Binary is
     * always hex.
     */
    static Object convert(SqlType type, String s, ResultFormat fmt, boolean nested) {
        switch (type.kind()) {
            case BOOLEAN:
                return ValueText.parseBoolean(s.toCharArray(), 0, s.length()) != 0;
            case INT8, INT16, INT32, UINT8, UINT16:
                return (int) LongColumn.inRange(type.kind(), parseLong(s));
            case INT64, UINT32:
                return LongColumn.inRange(type.kind(), parseLong(s));
            case UINT64, INT128, INT256, UINT128, UINT256:
                return new BigInteger(s.trim());
            case FLOAT32:
                return (float) ValueText.parseDouble(s);
            case FLOAT64:
                return ValueText.parseDouble(s);
            case DECIMAL:
                return new BigDecimal(s.trim());
            case BINARY:
                return nested ? ValueText.hex(s) : ValueText.binary(s, fmt.binaryFormat());
            case DATE:
                return fmt.driverMode() && !nested && isInteger(s) ? LocalDate.ofEpochDay(Long.parseLong(s)) : ValueText.date(s);
            case TIMESTAMP:
                return timestamp(type, s, fmt, nested);
            case TIMESTAMP_TZ: // driver mode: "<epoch micros> <offset seconds>", e.g. "1709193601500000 -18000"
                return !nested && isMicrosAndOffset(s)
                        ? ValueText.offsetDateTimeFromMicros(s)
                        : ValueText.offsetDateTime(s);
            case ARRAY, MAP, TUPLE:
                return new NestedParser(s, fmt).parseTop(type);
            case NOTHING:
                return null;
            default:
                // STRING, INTERVAL, JSON (Variant), OTHER (Bitmap, Geometry...): the server's text
                return s;
        }
    }

    private static Object timestamp(SqlType type, String s, ResultFormat fmt, boolean nested) {
        LocalDateTime local;
        if (fmt.driverMode() && !nested && isInteger(s)) {
            long micros = Long.parseLong(s);
            Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
            return type.zone().isPresent() ? at.atZone(type.zone().get()) : LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        }
        local = ValueText.dateTime(s);
        return type.zone().isPresent() ? local.atZone(type.zone().get()) : local;
    }

    /** Two integers separated by one space: the driver-mode Timestamp_Tz form (the text form has dashes and colons). */
    private static boolean isMicrosAndOffset(String s) {
        int sp = s.indexOf(' ');
        return sp > 0 && isInteger(s.substring(0, sp)) && isInteger(s.substring(sp + 1));
    }

    private static long parseLong(String s) {
        char[] c = s.toCharArray();
        return ValueText.parseLong(c, 0, c.length);
    }

    private static boolean isInteger(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9') && !(i == 0 && c == '-')) {
                return false;
            }
        }
        return true;
    }
}
