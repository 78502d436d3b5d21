package dev.olaphttp;

import dev.olaphttp.spi.RowValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

/**
 * The one table of value conversions behind {@link Row}'s getters, for every dialect. Columns are 0-based here.
 * Primitive kinds are read unboxed from {@link RowValues}; everything else from {@link RowValues#getObject}.
 */
final class Conversions {
    private final Schema schema;
    private final TypeKind[] kinds;
    private final ErrorDetails details;

    Conversions(Schema schema, ErrorDetails details) {
        this.schema = schema;
        this.details = details;
        this.kinds = new TypeKind[schema.size()];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = schema.columns().get(i).type().kind();
        }
    }

    private static boolean isFloat(TypeKind k) {
        return k == TypeKind.FLOAT32 || k == TypeKind.FLOAT64;
    }

    private NullValueException nullValue(int c, String getter) {
        return new NullValueException("column " + (c + 1) + " (" + schema.columns().get(c).name() + ") is NULL; "
                + getter + " cannot return it: check isNull() or use get(index, BoxedType.class)", details);
    }

    private TypeConversionException cannot(int c, String target, Object value, Throwable cause) {
        Column col = schema.columns().get(c);
        return new TypeConversionException("column " + (c + 1) + " (" + col.name() + " " + col.type().name()
                + ") cannot be read as " + target + (value == null ? "" : " (value of " + value.getClass().getSimpleName() + ")"),
                cause, details);
    }

    long getLong(RowValues v, int c) {
        if (v.isNull(c)) {
            throw nullValue(c, "getLong");
        }
        TypeKind k = kinds[c];
        if (k.fitsLong() || k == TypeKind.BOOLEAN) {
            return v.getLong(c);
        }
        if (isFloat(k)) {
            double d = v.getDouble(c);
            if (d == Math.rint(d) && d >= -0x1p63 && d < 0x1p63) {
                return (long) d;
            }
            throw cannot(c, "long", d, null);
        }
        Object o = v.getObject(c);
        try {
            if (o instanceof BigInteger b) {
                return b.longValueExact();
            }
            if (o instanceof BigDecimal b) {
                return b.longValueExact();
            }
            if (o instanceof Number n) {
                return n.longValue();
            }
            if (o instanceof Boolean b) {
                return b ? 1 : 0;
            }
            if (o instanceof String s) {
                return Long.parseLong(s.trim());
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw cannot(c, "long", o, e);
        }
        throw cannot(c, "long", o, null);
    }

    int getInt(RowValues v, int c) {
        long l = getLong(v, c);
        if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
            throw cannot(c, "int (out of range)", l, null);
        }
        return (int) l;
    }

    double getDouble(RowValues v, int c) {
        if (v.isNull(c)) {
            throw nullValue(c, "getDouble");
        }
        TypeKind k = kinds[c];
        if (isFloat(k)) {
            return v.getDouble(c);
        }
        if (k.fitsLong() || k == TypeKind.BOOLEAN) {
            return v.getLong(c);
        }
        Object o = v.getObject(c);
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        if (o instanceof String s) {
            try {
                return parseDouble(s);
            } catch (NumberFormatException e) {
                throw cannot(c, "double", o, e);
            }
        }
        throw cannot(c, "double", o, null);
    }

    static double parseDouble(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "nan", "+nan", "-nan" -> Double.NaN;
            case "inf", "+inf", "infinity", "+infinity" -> Double.POSITIVE_INFINITY;
            case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s.trim());
        };
    }

    boolean getBoolean(RowValues v, int c) {
        if (v.isNull(c)) {
            throw nullValue(c, "getBoolean");
        }
        TypeKind k = kinds[c];
        if (k == TypeKind.BOOLEAN) {
            return v.getBoolean(c);
        }
        if (k.fitsLong()) {
            return v.getLong(c) != 0;
        }
        Object o = v.getObject(c);
        if (o instanceof Boolean b) {
            return b;
        }
        if (o instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (o instanceof String s) {
            switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "true", "1", "t", "yes" -> {
                    return true;
                }
                case "false", "0", "f", "no" -> {
                    return false;
                }
                default -> throw cannot(c, "boolean", o, null);
            }
        }
        throw cannot(c, "boolean", o, null);
    }

    Object getObject(RowValues v, int c) {
        if (v.isNull(c)) {
            return null;
        }
        return v.getObject(c);
    }

    String getString(RowValues v, int c) {
        if (v.isNull(c)) {
            return null;
        }
        String s = v.getString(c);
        if (s != null) {
            return s;
        }
        TypeKind k = kinds[c];
        if (k.fitsLong()) {
            return Long.toString(v.getLong(c));
        }
        if (k == TypeKind.FLOAT32) {
            return Float.toString((float) v.getDouble(c));
        }
        if (k == TypeKind.FLOAT64) {
            return Double.toString(v.getDouble(c));
        }
        if (k == TypeKind.BOOLEAN) {
            return Boolean.toString(v.getBoolean(c));
        }
        return text(v.getObject(c));
    }

    static String text(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof String s) {
            return s;
        }
        if (o instanceof BigDecimal b) {
            return b.toPlainString();
        }
        if (o instanceof byte[] b) {
            return new String(b, StandardCharsets.UTF_8);
        }
        if (o instanceof InetAddress a) {
            return a.getHostAddress();
        }
        return o.toString();
    }

    byte[] getBytes(RowValues v, int c) {
        if (v.isNull(c)) {
            return null;
        }
        byte[] b = v.getBytes(c);
        if (b != null) {
            return b;
        }
        Object o = v.getObject(c);
        if (o instanceof byte[] bytes) {
            return bytes;
        }
        if (o instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        throw cannot(c, "byte[]", o, null);
    }

    BigDecimal getBigDecimal(RowValues v, int c) {
        if (v.isNull(c)) {
            return null;
        }
        TypeKind k = kinds[c];
        if (k.fitsLong()) {
            return BigDecimal.valueOf(v.getLong(c));
        }
        if (isFloat(k)) {
            double d = v.getDouble(c);
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw cannot(c, "BigDecimal (" + d + ")", null, null);
            }
            return k == TypeKind.FLOAT32 ? new BigDecimal(Float.toString((float) d)) : BigDecimal.valueOf(d);
        }
        Object o = v.getObject(c);
        if (o instanceof BigDecimal b) {
            return b;
        }
        if (o instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (o instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (o instanceof String s) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                throw cannot(c, "BigDecimal", o, e);
            }
        }
        throw cannot(c, "BigDecimal", o, null);
    }

    BigInteger getBigInteger(RowValues v, int c) {
        if (v.isNull(c)) {
            return null;
        }
        TypeKind k = kinds[c];
        if (k.fitsLong()) {
            return BigInteger.valueOf(v.getLong(c));
        }
        if (isFloat(k)) {
            double d = v.getDouble(c);
            try {
                return BigDecimal.valueOf(d).toBigIntegerExact();
            } catch (ArithmeticException | NumberFormatException e) {
                throw cannot(c, "BigInteger", d, e);
            }
        }
        Object o = v.getObject(c);
        try {
            if (o instanceof BigInteger b) {
                return b;
            }
            if (o instanceof BigDecimal b) {
                return b.toBigIntegerExact();
            }
            if (o instanceof Number n) {
                return BigInteger.valueOf(n.longValue());
            }
            if (o instanceof String s) {
                return new BigInteger(s.trim());
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw cannot(c, "BigInteger", o, e);
        }
        throw cannot(c, "BigInteger", o, null);
    }

    Instant getInstant(RowValues v, int c) {
        Object o = getObject(v, c);
        if (o == null) {
            return null;
        }
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
        throw cannot(c, "Instant", o, null);
    }

    LocalDate getLocalDate(RowValues v, int c) {
        Object o = getObject(v, c);
        if (o == null) {
            return null;
        }
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
            try {
                return LocalDate.parse(s.trim());
            } catch (DateTimeParseException e) {
                throw cannot(c, "LocalDate", o, e);
            }
        }
        throw cannot(c, "LocalDate", o, null);
    }

    LocalDateTime getLocalDateTime(RowValues v, int c) {
        Object o = getObject(v, c);
        if (o == null) {
            return null;
        }
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
        throw cannot(c, "LocalDateTime", o, null);
    }

    OffsetDateTime getOffsetDateTime(RowValues v, int c) {
        Object o = getObject(v, c);
        if (o == null) {
            return null;
        }
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
        throw cannot(c, "OffsetDateTime", o, null);
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
            r = getString(v, c);
        } else if (type == Long.class) {
            r = getLong(v, c);
        } else if (type == Integer.class) {
            r = getInt(v, c);
        } else if (type == Short.class) {
            r = (short) narrow(v, c, Short.MIN_VALUE, Short.MAX_VALUE, "short");
        } else if (type == Byte.class) {
            r = (byte) narrow(v, c, Byte.MIN_VALUE, Byte.MAX_VALUE, "byte");
        } else if (type == Double.class) {
            r = getDouble(v, c);
        } else if (type == Float.class) {
            r = (float) getDouble(v, c);
        } else if (type == Boolean.class) {
            r = getBoolean(v, c);
        } else if (type == BigDecimal.class) {
            r = getBigDecimal(v, c);
        } else if (type == BigInteger.class) {
            r = getBigInteger(v, c);
        } else if (type == Instant.class) {
            r = getInstant(v, c);
        } else if (type == LocalDate.class) {
            r = getLocalDate(v, c);
        } else if (type == LocalDateTime.class) {
            r = getLocalDateTime(v, c);
        } else if (type == OffsetDateTime.class) {
            r = getOffsetDateTime(v, c);
        } else if (type == ZonedDateTime.class) {
            Object o = v.getObject(c);
            r = o instanceof ZonedDateTime z ? z : getOffsetDateTime(v, c).toZonedDateTime();
        } else if (type == LocalTime.class) {
            Object o = v.getObject(c);
            r = o instanceof LocalTime t ? t : getLocalDateTime(v, c).toLocalTime();
        } else if (type == UUID.class) {
            Object o = v.getObject(c);
            try {
                r = o instanceof UUID u ? u : UUID.fromString(getString(v, c).trim());
            } catch (IllegalArgumentException e) {
                throw cannot(c, "UUID", o, e);
            }
        } else if (type == byte[].class) {
            r = getBytes(v, c);
        } else if (type.isEnum()) {
            String s = getString(v, c);
            try {
                r = Enum.valueOf((Class<? extends Enum>) type, s);
            } catch (IllegalArgumentException e) {
                throw cannot(c, type.getSimpleName(), s, e);
            }
        } else {
            Object o = v.getObject(c);
            if (!type.isInstance(o)) {
                throw cannot(c, type.getName(), o, null);
            }
            r = o;
        }
        return (T) r;
    }

    private long narrow(RowValues v, int c, long min, long max, String name) {
        long l = getLong(v, c);
        if (l < min || l > max) {
            throw cannot(c, name + " (out of range)", l, null);
        }
        return l;
    }

    private Object getPrimitive(RowValues v, int c, Class<?> type) {
        if (type == long.class) {
            return getLong(v, c);
        } else if (type == int.class) {
            return getInt(v, c);
        } else if (type == double.class) {
            return getDouble(v, c);
        } else if (type == boolean.class) {
            return getBoolean(v, c);
        } else if (type == float.class) {
            return (float) getDouble(v, c);
        } else if (type == short.class) {
            return (short) narrow(v, c, Short.MIN_VALUE, Short.MAX_VALUE, "short");
        } else if (type == byte.class) {
            return (byte) narrow(v, c, Byte.MIN_VALUE, Byte.MAX_VALUE, "byte");
        }
        throw cannot(c, type.getName(), null, null);
    }
}
