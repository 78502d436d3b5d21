package dev.olaphttp;

import dev.olaphttp.spi.RowValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.UUID;

/** {@link Row#get(int, Class)}: picks the conversion for a requested Java class, boxed or primitive. */
final class ClassConversions {
    private final Conversions to;

    ClassConversions(Conversions to) {
        this.to = to;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    <T> T get(RowValues v, int c, Class<T> type) {
        if (type.isPrimitive()) {
            return (T) getPrimitive(v, c, type);
        }
        if (v.isNull(c)) {
            return null;
        }
        Object r;
        if (type == Object.class) {
            r = v.getObject(c);
        } else if (type == String.class) {
            r = to.getString(v, c);
        } else if (type == Long.class) {
            r = to.getLong(v, c);
        } else if (type == Integer.class) {
            r = to.getInt(v, c);
        } else if (type == Short.class) {
            r = (short) narrow(v, c, Short.MIN_VALUE, Short.MAX_VALUE, "short");
        } else if (type == Byte.class) {
            r = (byte) narrow(v, c, Byte.MIN_VALUE, Byte.MAX_VALUE, "byte");
        } else if (type == Double.class) {
            r = to.getDouble(v, c);
        } else if (type == Float.class) {
            r = (float) to.getDouble(v, c);
        } else if (type == Boolean.class) {
            r = to.getBoolean(v, c);
        } else if (type == BigDecimal.class) {
            r = to.getBigDecimal(v, c);
        } else if (type == BigInteger.class) {
            r = to.getBigInteger(v, c);
        } else if (type == Instant.class) {
            r = to.getInstant(v, c);
        } else if (type == LocalDate.class) {
            r = to.getLocalDate(v, c);
        } else if (type == LocalDateTime.class) {
            r = to.getLocalDateTime(v, c);
        } else if (type == OffsetDateTime.class) {
            r = to.getOffsetDateTime(v, c);
        } else if (type == ZonedDateTime.class) {
            Object o = v.getObject(c);
            r = o instanceof ZonedDateTime z ? z : to.getOffsetDateTime(v, c).toZonedDateTime();
        } else if (type == LocalTime.class) {
            Object o = v.getObject(c);
            r = o instanceof LocalTime t ? t : to.getLocalDateTime(v, c).toLocalTime();
        } else if (type == UUID.class) {
            Object o = v.getObject(c);
            try {
                r = o instanceof UUID u ? u : UUID.fromString(to.getString(v, c).trim());
            } catch (IllegalArgumentException e) {
                throw to.cannot(c, "UUID", o, e);
            }
        } else if (type == byte[].class) {
            r = to.getBytes(v, c);
        } else if (type.isEnum()) {
            String s = to.getString(v, c);
            try {
                r = Enum.valueOf((Class<? extends Enum>) type, s);
            } catch (IllegalArgumentException e) {
                throw to.cannot(c, type.getSimpleName(), s, e);
            }
        } else {
            Object o = v.getObject(c);
            if (!type.isInstance(o)) {
                throw to.cannot(c, type.getName(), o, null);
            }
            r = o;
        }
        return (T) r;
    }

    private long narrow(RowValues v, int c, long min, long max, String name) {
        long l = to.getLong(v, c);
        if (l < min || l > max) {
            throw to.cannot(c, name + " (out of range)", l, null);
        }
        return l;
    }

    private Object getPrimitive(RowValues v, int c, Class<?> type) {
        if (type == long.class) {
            return to.getLong(v, c);
        } else if (type == int.class) {
            return to.getInt(v, c);
        } else if (type == double.class) {
            return to.getDouble(v, c);
        } else if (type == boolean.class) {
            return to.getBoolean(v, c);
        } else if (type == float.class) {
            return (float) to.getDouble(v, c);
        } else if (type == short.class) {
            return (short) narrow(v, c, Short.MIN_VALUE, Short.MAX_VALUE, "short");
        } else if (type == byte.class) {
            return (byte) narrow(v, c, Byte.MIN_VALUE, Byte.MAX_VALUE, "byte");
        }
        throw to.cannot(c, type.getName(), null, null);
    }
}
