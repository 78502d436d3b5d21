package dev.olaphttp.starrocks.internal.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.olaphttp.SqlType;
import dev.olaphttp.starrocks.internal.load.ValueEncoder.Shape;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Chooses a column's {@link ValueEncoder} from its StarRocks type: integers range-checked, LARGEINT and DECIMAL
 * exact (never rounded: too many decimal places or digits is an error), FLOAT/DOUBLE finite, DATE
 * {@code yyyy-MM-dd}, DATETIME {@code yyyy-MM-dd HH:mm:ss[.ffffff]} (zoned values converted to the load's time
 * zone), BOOLEAN, text, VARBINARY (UTF-8 text only), JSON, ARRAY/MAP/STRUCT as JSON text. A {@code String} is
 * accepted for any scalar column and passed as text for the server to parse.
 */
final class ValueEncoders {
    private static final JsonFactory JSON = new JsonFactory();
    private static final BigInteger LARGEINT_MAX = BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE);
    private static final BigInteger LARGEINT_MIN = BigInteger.ONE.shiftLeft(127).negate();

    private ValueEncoders() {}

    /** The encoder for a column of {@code type}, or for values of any type when {@code type} is null. */
    static ValueEncoder forType(SqlType type, ZoneId zone) {
        if (type == null) {
            return (v, out) -> dynamic(v, zone, out);
        }
        return switch (type.kind()) {
            case BOOLEAN -> ValueEncoders::bool;
            case INT8 -> integer(-128, 127);
            case INT16 -> integer(Short.MIN_VALUE, Short.MAX_VALUE);
            case INT32 -> integer(Integer.MIN_VALUE, Integer.MAX_VALUE);
            case INT64 -> integer(Long.MIN_VALUE, Long.MAX_VALUE);
            case INT128 -> ValueEncoders::largeInt;
            case FLOAT32, FLOAT64 -> ValueEncoders::floating;
            case DECIMAL -> decimal(type.precision(), type.scale());
            case DATE -> ValueEncoders::date;
            case TIMESTAMP, TIMESTAMP_TZ -> (v, out) -> dateTime(v, zone, out);
            case STRING, FIXED_STRING, ENUM, UUID, INTERVAL, TIME -> ValueEncoders::text;
            case BINARY -> ValueEncoders::binary;
            case JSON -> (v, out) -> json(v, null, zone, out);
            case ARRAY, MAP, TUPLE -> (v, out) -> json(v, type, zone, out);
            default -> (v, out) -> {
                throw new IllegalArgumentException("a column of type " + type.name()
                        + " cannot be loaded from values (load it with a columns expression)");
            };
        };
    }

    private static Shape bool(Object v, StringBuilder out) {
        if (v instanceof Boolean b) {
            out.append(b ? "true" : "false");
            return Shape.BOOLEAN;
        }
        if (v instanceof String s) {
            out.append(s);
            return Shape.STRING;
        }
        throw wrongType(v, "a Boolean");
    }

    private static ValueEncoder integer(long min, long max) {
        return (v, out) -> {
            if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
                long l = ((Number) v).longValue();
                if (l < min || l > max) {
                    throw new IllegalArgumentException("a number out of the column's range " + min + ".." + max);
                }
                out.append(l);
                return Shape.NUMBER;
            }
            if (v instanceof String s) {
                out.append(s);
                return Shape.STRING;
            }
            BigInteger b = TextForms.integral(v);
            if (b == null) {
                throw wrongType(v, "an integer");
            }
            if (b.bitLength() > 63 || b.longValue() < min || b.longValue() > max) {
                throw new IllegalArgumentException("a number out of the column's range " + min + ".." + max);
            }
            out.append(b.longValue());
            return Shape.NUMBER;
        };
    }

    private static Shape largeInt(Object v, StringBuilder out) {
        if (v instanceof String s) {
            out.append(s);
            return Shape.STRING;
        }
        BigInteger b = TextForms.integral(v);
        if (b == null) {
            throw wrongType(v, "a BigInteger or an integer");
        }
        if (b.compareTo(LARGEINT_MAX) > 0 || b.compareTo(LARGEINT_MIN) < 0) {
            throw new IllegalArgumentException("a number out of LARGEINT's 128-bit range");
        }
        out.append(b);
        return Shape.STRING; // exact: a JSON number this long would lose digits in a double-based parser
    }

    private static Shape floating(Object v, StringBuilder out) {
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("NaN or infinity (Stream Load cannot carry them)");
            }
            out.append(v);
            return Shape.NUMBER;
        }
        if (v instanceof BigDecimal d) {
            out.append(d.toPlainString());
            return Shape.NUMBER;
        }
        if (v instanceof Number n && TextForms.integral(n) != null) {
            out.append(n);
            return Shape.NUMBER;
        }
        if (v instanceof String s) {
            out.append(s);
            return Shape.STRING;
        }
        throw wrongType(v, "a Double or a Float");
    }

    private static ValueEncoder decimal(int precision, int scale) {
        return (v, out) -> {
            BigDecimal d;
            if (v instanceof BigDecimal b) {
                d = b;
            } else if (v instanceof String s) {
                out.append(s);
                return Shape.STRING;
            } else if (TextForms.integral(v) != null) {
                d = new BigDecimal(TextForms.integral(v));
            } else if (v instanceof Double || v instanceof Float) {
                double x = ((Number) v).doubleValue();
                if (Double.isNaN(x) || Double.isInfinite(x)) {
                    throw new IllegalArgumentException("NaN or infinity for a DECIMAL column");
                }
                d = new BigDecimal(v.toString());
            } else {
                throw wrongType(v, "a BigDecimal");
            }
            if (d.scale() > scale) {
                try {
                    d = d.setScale(scale); // only drops trailing zeros; anything else would round
                } catch (ArithmeticException e) {
                    throw new IllegalArgumentException("a decimal with more than " + scale
                            + " decimal places (it would be rounded)");
                }
            }
            if (precision > 0 && d.precision() - d.scale() > precision - scale) {
                throw new IllegalArgumentException("a decimal with more than " + (precision - scale)
                        + " integer digits for DECIMAL(" + precision + "," + scale + ")");
            }
            out.append(d.toPlainString());
            return Shape.STRING; // exact: never through a binary floating point
        };
    }

    private static Shape date(Object v, StringBuilder out) {
        if (v instanceof LocalDate d) {
            TextForms.date(d, out);
        } else if (v instanceof String s) {
            out.append(s);
        } else {
            throw wrongType(v, "a LocalDate");
        }
        return Shape.STRING;
    }

    private static Shape dateTime(Object v, ZoneId zone, StringBuilder out) {
        if (v instanceof String s) {
            out.append(s);
            return Shape.STRING;
        }
        java.time.LocalDateTime t = TextForms.localDateTime(v, zone);
        if (t == null) {
            throw wrongType(v, "a LocalDateTime, Instant, OffsetDateTime or ZonedDateTime");
        }
        TextForms.dateTime(t, out);
        return Shape.STRING;
    }

    private static Shape text(Object v, StringBuilder out) {
        if (v instanceof CharSequence s) {
            out.append(s);
        } else if (v instanceof Number || v instanceof Boolean || v instanceof UUID || v instanceof Character
                || v instanceof Enum<?>) {
            out.append(v);
        } else if (v instanceof byte[] b) {
            TextForms.utf8(b, out);
        } else {
            throw wrongType(v, "a String");
        }
        return Shape.STRING;
    }

    private static Shape binary(Object v, StringBuilder out) {
        if (v instanceof byte[] b) {
            TextForms.utf8(b, out);
        } else if (v instanceof CharSequence s) {
            out.append(s);
        } else {
            throw wrongType(v, "a byte[]");
        }
        return Shape.STRING;
    }

    private static Shape json(Object v, SqlType type, ZoneId zone, StringBuilder out) {
        if (v instanceof CharSequence s) {
            checkJson(s.toString());
            out.append(s);
        } else if (v instanceof Map<?, ?> || v instanceof Collection<?> || v instanceof Object[]
                || type == null && (v instanceof Number || v instanceof Boolean)) {
            NestedJson.write(v, type, zone, out);
        } else {
            throw wrongType(v, type == null ? "a JSON String, a Map or a List" : "a List, a Map or JSON text");
        }
        return Shape.JSON;
    }

    private static void checkJson(String s) {
        try (JsonParser p = JSON.createParser(s)) {
            if (p.nextToken() == null) {
                throw new IllegalArgumentException("empty text for a JSON column");
            }
            p.skipChildren();
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("text that holds more than one JSON value");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("text that is not valid JSON");
        }
    }

    /** Encodes by the value's own Java type (no column types known). */
    private static Shape dynamic(Object v, ZoneId zone, StringBuilder out) {
        if (v instanceof Boolean) {
            return bool(v, out);
        }
        if (v instanceof BigDecimal || v instanceof BigInteger) {
            out.append(v instanceof BigDecimal d ? d.toPlainString() : v.toString());
            return Shape.STRING;
        }
        if (v instanceof Double || v instanceof Float) {
            return floating(v, out);
        }
        if (v instanceof Number) {
            out.append(v);
            return Shape.NUMBER;
        }
        if (v instanceof LocalDate) {
            return date(v, out);
        }
        if (TextForms.localDateTime(v, zone) != null) {
            return dateTime(v, zone, out);
        }
        if (v instanceof Map<?, ?> || v instanceof Collection<?> || v instanceof Object[]) {
            return json(v, null, zone, out);
        }
        return text(v, out);
    }

    private static IllegalArgumentException wrongType(Object v, String expected) {
        return new IllegalArgumentException("a " + v.getClass().getSimpleName() + " where " + expected
                + " was expected");
    }
}
