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
import java.util.Locale;
import java.util.UUID;

/**
 * The one table of value conversions behind {@link Row}'s getters, for every dialect. Columns are 0-based here.
 * Primitive kinds are read unboxed from {@link RowValues}; everything else from {@link RowValues#getObject}.
 */
final class Conversions {
    private final Schema schema;
    private final TypeKind[] kinds;
    /** Columns read unboxed through {@link RowValues#getLong} (integers that fit a long, booleans), decided once. */
    private final boolean[] longs;
    /** Columns read unboxed through {@link RowValues#getDouble} (floats), decided once. */
    private final boolean[] doubles;
    private final ErrorDetails details;
    private final ClassConversions byClass = new ClassConversions(this);

    Conversions(Schema schema, ErrorDetails details) {
        this.schema = schema;
        this.details = details;
        this.kinds = new TypeKind[schema.size()];
        this.longs = new boolean[kinds.length];
        this.doubles = new boolean[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            TypeKind k = schema.columns().get(i).type().kind();
            kinds[i] = k;
            longs[i] = k.fitsLong() || k == TypeKind.BOOLEAN;
            doubles[i] = isFloat(k);
        }
    }

    private static boolean isFloat(TypeKind k) {
        return k == TypeKind.FLOAT32 || k == TypeKind.FLOAT64;
    }

    private NullValueException nullValue(int c, String getter) {
        return new NullValueException("column " + (c + 1) + " (" + schema.columns().get(c).name() + ") is NULL; "
                + getter + " cannot return it: check isNull() or use get(index, BoxedType.class)", details);
    }

    TypeConversionException cannot(int c, String target, Object value, Throwable cause) {
        Column col = schema.columns().get(c);
        return new TypeConversionException("column " + (c + 1) + " (" + col.name() + " " + col.type().name()
                + ") cannot be read as " + target + (value == null ? "" : " (value of " + value.getClass().getSimpleName() + ")"),
                cause, details);
    }

    long getLong(RowValues v, int c) {
        if (v.isNull(c)) {
            throw nullValue(c, "getLong");
        }
        if (longs[c]) {
            return v.getLong(c);
        }
        if (doubles[c]) {
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
        if (doubles[c]) {
            return v.getDouble(c);
        }
        if (longs[c]) {
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
        String t = Temporals.sqlText(o);
        return t != null ? t : o.toString();
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
        return temporal(v, c, "Instant", Temporals::toInstant);
    }

    LocalDate getLocalDate(RowValues v, int c) {
        return temporal(v, c, "LocalDate", Temporals::toLocalDate);
    }

    LocalDateTime getLocalDateTime(RowValues v, int c) {
        return temporal(v, c, "LocalDateTime", Temporals::toLocalDateTime);
    }

    OffsetDateTime getOffsetDateTime(RowValues v, int c) {
        return temporal(v, c, "OffsetDateTime", Temporals::toOffsetDateTime);
    }

    /** Reads the value and converts it with {@code convert}, which returns {@code null} for unsupported types. */
    private <T> T temporal(RowValues v, int c, String target, java.util.function.Function<Object, T> convert) {
        Object o = getObject(v, c);
        if (o == null) {
            return null;
        }
        T r;
        try {
            r = convert.apply(o);
        } catch (java.time.DateTimeException e) {
            throw cannot(c, target, o, e);
        }
        if (r == null) {
            throw cannot(c, target, o, null);
        }
        return r;
    }

    /** The value converted to {@code type}; see {@link ClassConversions}. */
    <T> T get(RowValues v, int c, Class<T> type) {
        return byClass.get(v, c, type);
    }
}
