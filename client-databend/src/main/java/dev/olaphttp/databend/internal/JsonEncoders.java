package dev.olaphttp.databend.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import dev.olaphttp.SqlType;
import dev.olaphttp.TypeKind;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Typed NDJSON value encoders for Databend's JSON loader, one per column type, chosen once per load. Exactness: ints
 * are JSON integers (read exactly as i64/u64), decimals JSON strings (a JSON number with a fraction would pass
 * through a double on the server), dates and timestamps ISO-8601 strings, binary lowercase hex, Variant any JSON,
 * Array a JSON array, Map a JSON object, Tuple a JSON object keyed by field position. NULL is JSON {@code null},
 * never confused with the string {@code "NULL"}.
 */
final class JsonEncoders {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter ZONED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    /** Writes one non-null value; throws {@link BadValue} (never quoting the value) when it does not fit. */
    interface Encoder {
        void write(JsonGenerator g, Object v) throws IOException;
    }

    /** A value that cannot be loaded into its column; the message names the expected type, not the value. */
    static final class BadValue extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadValue(String message) {
            super(message, null, false, false);
        }
    }

    private JsonEncoders() {}

    /** The encoder of a column (or nested element) type; nulls are handled by {@link #nullable}. */
    static Encoder of(SqlType type) {
        TypeKind k = type.kind();
        return switch (k) {
            case BOOLEAN -> JsonEncoders::bool;
            case INT8 -> range(-128, 127);
            case INT16 -> range(Short.MIN_VALUE, Short.MAX_VALUE);
            case INT32 -> range(Integer.MIN_VALUE, Integer.MAX_VALUE);
            case INT64 -> range(Long.MIN_VALUE, Long.MAX_VALUE);
            case UINT8 -> range(0, 255);
            case UINT16 -> range(0, 65535);
            case UINT32 -> range(0, 0xFFFF_FFFFL);
            case UINT64 -> (g, v) -> g.writeNumber(bigInRange(v, BigInteger.ZERO, U64_MAX));
            case INT128, INT256, UINT128, UINT256 -> (g, v) -> g.writeNumber(bigInRange(v, null, null));
            case FLOAT32, FLOAT64 -> JsonEncoders::floating;
            case DECIMAL -> decimal(type.precision(), type.scale());
            case DATE -> JsonEncoders::date;
            case TIMESTAMP, TIMESTAMP_TZ -> JsonEncoders::timestamp;
            case TIME -> (g, v) -> g.writeString(text(v, LocalTime.class).toString());
            case UUID -> (g, v) -> g.writeString(text(v, java.util.UUID.class).toString());
            case IPV4, IPV6 -> (g, v) -> g.writeString(v instanceof InetAddress a ? a.getHostAddress()
                    : text(v, InetAddress.class).toString());
            case BINARY -> JsonEncoders::binary;
            case JSON -> JsonEncoders::variant;
            case ARRAY -> array(type.elements().get(0));
            case MAP -> map(type.elements().get(0), type.elements().get(1));
            case TUPLE -> tuple(type.elements());
            case NOTHING -> (g, v) -> {
                throw new BadValue("a column of type Nothing only holds NULL");
            };
            default -> JsonEncoders::string;
        };
    }

    /** Wraps an encoder with the column's null rule. */
    static Encoder nullable(SqlType type, Encoder inner) {
        boolean nullable = type.nullable() || type.kind() == TypeKind.NOTHING;
        return (g, v) -> {
            if (v == null) {
                if (!nullable) {
                    throw new BadValue("NULL for a column that is not nullable (" + type.name() + ")");
                }
                g.writeNull();
            } else {
                inner.write(g, v);
            }
        };
    }

    /** An encoder with the null rule of {@code type}: what a column and each nested element use. */
    static Encoder forType(SqlType type) {
        return nullable(type, of(type));
    }

    private static void bool(JsonGenerator g, Object v) throws IOException {
        if (!(v instanceof Boolean b)) {
            throw wrong(v, "a Boolean");
        }
        g.writeBoolean(b);
    }

    private static Encoder range(long min, long max) {
        return (g, v) -> {
            long n;
            if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
                n = ((Number) v).longValue();
            } else if (v instanceof BigInteger b && b.bitLength() < 64) {
                n = b.longValue();
            } else if (v instanceof BigInteger) {
                throw new BadValue("integer out of range [" + min + ", " + max + "]");
            } else if (v instanceof CharSequence s) {
                try {
                    n = Long.parseLong(s.toString());
                } catch (NumberFormatException e) {
                    throw new BadValue("a String that is not an integer");
                }
            } else {
                throw wrong(v, "an integer (Long, Integer, Short, Byte, BigInteger)");
            }
            if (n < min || n > max) {
                throw new BadValue("integer out of range [" + min + ", " + max + "]");
            }
            g.writeNumber(n);
        };
    }

    private static BigInteger bigInRange(Object v, BigInteger min, BigInteger max) {
        BigInteger b;
        if (v instanceof BigInteger x) {
            b = x;
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            b = BigInteger.valueOf(((Number) v).longValue());
        } else if (v instanceof CharSequence s) {
            try {
                b = new BigInteger(s.toString());
            } catch (NumberFormatException e) {
                throw new BadValue("a String that is not an integer");
            }
        } else {
            throw wrong(v, "an integer (BigInteger, Long, Integer...)");
        }
        if ((min != null && b.compareTo(min) < 0) || (max != null && b.compareTo(max) > 0)) {
            throw new BadValue("integer out of range [" + min + ", " + max + "]");
        }
        return b;
    }

    private static void floating(JsonGenerator g, Object v) throws IOException {
        if (v instanceof Float f) {
            finite(f);
            g.writeNumber(f.floatValue());
        } else if (v instanceof Double || v instanceof Long || v instanceof Integer || v instanceof Short
                || v instanceof Byte) {
            double d = ((Number) v).doubleValue();
            finite(d);
            g.writeNumber(d);
        } else if (v instanceof BigDecimal b) {
            g.writeNumber(b.toPlainString());
        } else {
            throw wrong(v, "a Double or Float");
        }
    }

    private static void finite(double d) {
        if (!Double.isFinite(d)) {
            throw new BadValue("NaN or Infinity, which NDJSON cannot carry");
        }
    }

    private static Encoder decimal(int precision, int scale) {
        return (g, v) -> {
            BigDecimal b;
            if (v instanceof BigDecimal x) {
                b = x;
            } else if (v instanceof BigInteger x) {
                b = new BigDecimal(x);
            } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
                b = BigDecimal.valueOf(((Number) v).longValue());
            } else if (v instanceof CharSequence s) {
                try {
                    b = new BigDecimal(s.toString());
                } catch (NumberFormatException e) {
                    throw new BadValue("a String that is not a decimal number");
                }
            } else {
                throw wrong(v, "a BigDecimal (doubles are not exact)");
            }
            BigDecimal exact;
            try {
                exact = b.setScale(scale);
            } catch (ArithmeticException e) {
                throw new BadValue("a decimal with more than " + scale + " fraction digits (it would be rounded)");
            }
            if (precision > 0 && exact.precision() > precision && exact.signum() != 0) {
                throw new BadValue("a decimal with more than " + precision + " digits");
            }
            g.writeString(exact.toPlainString());
        };
    }

    private static void date(JsonGenerator g, Object v) throws IOException {
        if (v instanceof LocalDate d) {
            g.writeString(d.toString());
        } else if (v instanceof CharSequence s) {
            g.writeString(s.toString());
        } else {
            throw wrong(v, "a LocalDate");
        }
    }

    private static void timestamp(JsonGenerator g, Object v) throws IOException {
        if (v instanceof LocalDateTime t) {
            g.writeString(LOCAL.format(t));
        } else if (v instanceof OffsetDateTime t) {
            g.writeString(ZONED.format(t));
        } else if (v instanceof ZonedDateTime t) {
            g.writeString(ZONED.format(t));
        } else if (v instanceof Instant t) {
            g.writeString(ZONED.format(t.atOffset(ZoneOffset.UTC)));
        } else if (v instanceof LocalDate d) {
            g.writeString(LOCAL.format(d.atStartOfDay()));
        } else if (v instanceof CharSequence s) {
            g.writeString(s.toString());
        } else {
            throw wrong(v, "a LocalDateTime, OffsetDateTime, ZonedDateTime or Instant");
        }
    }

    private static void binary(JsonGenerator g, Object v) throws IOException {
        if (!(v instanceof byte[] bytes)) {
            throw wrong(v, "a byte[]");
        }
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[bytes[i] & 0xF];
        }
        g.writeString(out, 0, out.length);
    }

    private static void string(JsonGenerator g, Object v) throws IOException {
        if (v instanceof CharSequence || v instanceof Character) {
            g.writeString(v.toString());
        } else if (v instanceof Enum<?> e) {
            g.writeString(e.name());
        } else {
            throw wrong(v, "a String");
        }
    }

    /** Variant: a String is JSON text (checked, then written raw); maps, lists and scalars are written as JSON. */
    private static void variant(JsonGenerator g, Object v) throws IOException {
        if (v instanceof CharSequence s) {
            String json = s.toString();
            checkJson(json);
            g.writeRawValue(json);
        } else {
            writeJson(g, v);
        }
    }

    private static void checkJson(String json) {
        try (JsonParser p = PageParser.JSON.createParser(json)) {
            if (p.nextToken() == null) {
                throw new BadValue("an empty String where JSON text was expected");
            }
            p.skipChildren();
            if (p.nextToken() != null) {
                throw new BadValue("a String holding more than one JSON value");
            }
        } catch (IOException e) {
            throw new BadValue("a String that is not valid JSON text");
        }
    }

    private static void writeJson(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                writeJson(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object o : l) {
                writeJson(g, o);
            }
            g.writeEndArray();
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof BigDecimal b) {
            g.writeNumber(b.toPlainString());
        } else if (v instanceof BigInteger b) {
            g.writeNumber(b);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            finite(d);
            g.writeNumber(d);
        } else if (v instanceof Number n) {
            g.writeNumber(n.longValue());
        } else if (v instanceof CharSequence s) {
            g.writeString(s.toString());
        } else {
            throw wrong(v, "JSON text, a Map, a List, a number, a Boolean or a String");
        }
    }

    private static Encoder array(SqlType element) {
        Encoder e = forType(element);
        return (g, v) -> {
            List<?> list = asList(v, "a List or an Object[]");
            g.writeStartArray();
            for (Object o : list) {
                e.write(g, o);
            }
            g.writeEndArray();
        };
    }

    private static Encoder map(SqlType keyType, SqlType valueType) {
        Encoder value = forType(valueType);
        return (g, v) -> {
            if (!(v instanceof Map<?, ?> m)) {
                throw wrong(v, "a Map");
            }
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Object k = e.getKey();
                if (k == null) {
                    throw new BadValue("a Map with a null key");
                }
                g.writeFieldName(k instanceof byte[] || k instanceof Map || k instanceof List
                        ? badKey() : String.valueOf(k));
                value.write(g, e.getValue());
            }
            g.writeEndObject();
        };
    }

    private static String badKey() {
        throw new BadValue("a Map key that is not a scalar");
    }

    private static Encoder tuple(List<SqlType> fields) {
        Encoder[] es = new Encoder[fields.size()];
        String[] names = new String[fields.size()];
        for (int i = 0; i < es.length; i++) {
            es[i] = forType(fields.get(i));
            names[i] = Integer.toString(i + 1);
        }
        return (g, v) -> {
            List<?> list = asList(v, "a List or an Object[] (one value per tuple field)");
            if (list.size() != es.length) {
                throw new BadValue("a tuple of " + list.size() + " values for " + es.length + " fields");
            }
            g.writeStartObject();
            for (int i = 0; i < es.length; i++) {
                g.writeFieldName(names[i]);
                es[i].write(g, list.get(i));
            }
            g.writeEndObject();
        };
    }

    private static List<?> asList(Object v, String expected) {
        if (v instanceof List<?> l) {
            return l;
        }
        if (v instanceof Object[] a) {
            return Arrays.asList(a);
        }
        throw wrong(v, expected);
    }

    private static <T> Object text(Object v, Class<T> type) {
        if (type.isInstance(v) || v instanceof CharSequence) {
            return v;
        }
        throw wrong(v, "a " + type.getSimpleName() + " or a String");
    }

    private static BadValue wrong(Object v, String expected) {
        return new BadValue("a " + v.getClass().getName() + " where " + expected + " was expected");
    }
}
