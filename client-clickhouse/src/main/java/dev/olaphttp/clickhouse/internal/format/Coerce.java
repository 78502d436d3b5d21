package dev.olaphttp.clickhouse.internal.format;

import dev.olaphttp.SqlType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

/** Lossless conversions of Java values to the raw values of RowBinary columns; messages never quote values. */
final class Coerce {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss[.SSSSSSSSS]")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private Coerce() {
    }

    static IllegalArgumentException wrongType(Object v, SqlType t) {
        return new IllegalArgumentException("a " + v.getClass().getSimpleName() + " cannot be written to " + t.name());
    }

    private static IllegalArgumentException wrongType(Object v, String what) {
        return new IllegalArgumentException("a " + v.getClass().getSimpleName() + " is not " + what);
    }

    static boolean bool(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        return integer(v, 0, 1) == 1;
    }

    static long integer(Object v, long min, long max) {
        long x;
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            x = ((Number) v).longValue();
        } else if (v instanceof Boolean b) {
            x = b ? 1 : 0;
        } else {
            BigInteger b = bigInteger(v, 64, min >= 0 && max > Integer.MAX_VALUE);
            x = b.longValue();
        }
        if (x < min || x > max) {
            throw new IllegalArgumentException("the value is out of range [" + min + ", " + max + "]");
        }
        return x;
    }

    static BigInteger bigInteger(Object v, int bits, boolean unsigned) {
        BigInteger b;
        if (v instanceof BigInteger bi) {
            b = bi;
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            b = BigInteger.valueOf(((Number) v).longValue());
        } else if (v instanceof BigDecimal d) {
            b = d.toBigIntegerExact();
        } else if (v instanceof CharSequence s) {
            try {
                b = new BigInteger(s.toString().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the string is not an integer");
            }
        } else if (v instanceof Boolean bo) {
            b = bo ? BigInteger.ONE : BigInteger.ZERO;
        } else {
            throw wrongType(v, "an integer");
        }
        if (unsigned ? b.signum() < 0 || b.bitLength() > bits : b.bitLength() > bits - 1) {
            throw new IllegalArgumentException("the value does not fit " + (unsigned ? "UInt" : "Int") + bits);
        }
        return b;
    }

    static float float32(Object v) {
        if (v instanceof Float f) {
            return f;
        }
        double d = float64(v);
        float f = (float) d;
        // exact, or the same shortest decimal (0.1 is 0.1 as a float too); otherwise the value would change
        if (!Double.isNaN(d) && f != d && !Float.toString(f).equals(Double.toString(d))) {
            throw new IllegalArgumentException("the value is not exact as Float32");
        }
        return f;
    }

    static double float64(Object v) {
        if (v instanceof Double || v instanceof Float) {
            return ((Number) v).doubleValue();
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).doubleValue();
        }
        if (v instanceof Long l) {
            double d = l;
            if ((long) d != l || d == 0x1p63) {
                throw new IllegalArgumentException("the integer is not exact as a float");
            }
            return d;
        }
        if (v instanceof BigDecimal || v instanceof BigInteger) {
            double d = ((Number) v).doubleValue();
            BigDecimal exact = v instanceof BigDecimal bd ? bd : new BigDecimal((BigInteger) v);
            if (Double.isInfinite(d) || new BigDecimal(d).compareTo(exact) != 0) {
                throw new IllegalArgumentException("the number is not exact as a float");
            }
            return d;
        }
        if (v instanceof CharSequence s) {
            String x = s.toString().trim().toLowerCase(java.util.Locale.ROOT);
            switch (x) {
                case "nan", "+nan", "-nan":
                    return Double.NaN;
                case "inf", "+inf", "infinity":
                    return Double.POSITIVE_INFINITY;
                case "-inf", "-infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    try {
                        return Double.parseDouble(x);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("the string is not a number");
                    }
            }
        }
        throw wrongType(v, "a number");
    }

    /** The unscaled value at {@code scale}, checked against the precision; never rounds. */
    static BigInteger decimal(Object v, int precision, int scale) {
        BigDecimal d;
        if (v instanceof BigDecimal bd) {
            d = bd;
        } else if (v instanceof BigInteger bi) {
            d = new BigDecimal(bi);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            d = BigDecimal.valueOf(((Number) v).longValue());
        } else if (v instanceof Double || v instanceof Float) {
            double x = ((Number) v).doubleValue();
            if (Double.isNaN(x) || Double.isInfinite(x)) {
                throw new IllegalArgumentException("a decimal cannot be NaN or infinite");
            }
            d = new BigDecimal(Double.toString(x));
        } else if (v instanceof CharSequence s) {
            try {
                d = new BigDecimal(s.toString().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the string is not a decimal number");
            }
        } else {
            throw wrongType(v, "a decimal number");
        }
        BigDecimal scaled;
        try {
            scaled = d.setScale(scale, java.math.RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("the decimal has more than " + scale + " fraction digits");
        }
        BigInteger u = scaled.unscaledValue();
        if (u.abs().toString().length() > precision) {
            throw new IllegalArgumentException("the decimal has more than " + precision + " digits");
        }
        return u;
    }

    static byte[] bytes(Object v) {
        if (v instanceof byte[] b) {
            return b;
        }
        if (v instanceof CharSequence || v instanceof Character || v instanceof Enum<?>) {
            String s = v instanceof Enum<?> e ? e.name() : v.toString();
            checkUtf16(s);
            return s.getBytes(StandardCharsets.UTF_8);
        }
        throw wrongType(v, "a string or byte[]");
    }

    private static void checkUtf16(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("the string has an unpaired surrogate (not valid UTF-16)");
            }
        }
    }

    static UUID uuid(Object v) {
        if (v instanceof UUID u) {
            return u;
        }
        if (v instanceof CharSequence s) {
            try {
                return UUID.fromString(s.toString());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the string is not a UUID");
            }
        }
        throw wrongType(v, "a UUID");
    }

    static long epochDay(Object v) {
        if (v instanceof LocalDate d) {
            return d.toEpochDay();
        }
        if (v instanceof CharSequence s) {
            try {
                return LocalDate.parse(s).toEpochDay();
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("the string is not a date yyyy-MM-dd");
            }
        }
        throw wrongType(v, "a LocalDate");
    }

    static long range(long x, long min, long max, SqlType t) {
        if (x < min || x > max) {
            throw new IllegalArgumentException("the value is outside the range of " + t.name());
        }
        return x;
    }

    /** Ticks of 10^-precision seconds since the epoch; local date-times are in the column's zone. */
    static long ticks(Object v, ZoneId zone, int precision) {
        Instant i;
        if (v instanceof Instant x) {
            i = x;
        } else if (v instanceof ZonedDateTime z) {
            i = z.toInstant();
        } else if (v instanceof OffsetDateTime o) {
            i = o.toInstant();
        } else if (v instanceof LocalDateTime l) {
            i = l.atZone(zone(zone)).toInstant();
        } else if (v instanceof CharSequence s) {
            try {
                i = LocalDateTime.parse(s, DATE_TIME).atZone(zone(zone)).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("the string is not a date-time yyyy-MM-dd HH:mm:ss[.fraction]");
            }
        } else {
            throw wrongType(v, "an Instant, ZonedDateTime, OffsetDateTime or LocalDateTime");
        }
        long unit = Values.POW10[9 - precision];
        if (i.getNano() % unit != 0) {
            throw new IllegalArgumentException("the time has more than " + precision + " fraction digits");
        }
        return Math.addExact(Math.multiplyExact(i.getEpochSecond(), Values.POW10[precision]), i.getNano() / unit);
    }

    private static ZoneId zone(ZoneId z) {
        if (z == null) {
            throw new IllegalArgumentException("a local date-time needs the column's or the server's time zone");
        }
        return z;
    }

    static int enumCode(Object v, Map<String, Integer> codes, Map<Integer, String> labels) {
        if (v instanceof CharSequence || v instanceof Enum<?>) {
            Integer c = codes.get(v instanceof Enum<?> e ? e.name() : v.toString());
            if (c == null) {
                throw new IllegalArgumentException("the label is not one of the enum's");
            }
            return c;
        }
        long c = integer(v, Short.MIN_VALUE, Short.MAX_VALUE);
        if (!labels.containsKey((int) c)) {
            throw new IllegalArgumentException("the code is not one of the enum's");
        }
        return (int) c;
    }

    static int ipv4(Object v) {
        byte[] b = ip(v, false).getAddress();
        if (b.length != 4) {
            throw new IllegalArgumentException("an IPv6 address does not fit IPv4");
        }
        return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
    }

    static byte[] ipv6(Object v) {
        InetAddress a = ip(v, true);
        if (a instanceof Inet4Address) {
            byte[] b = new byte[16];
            b[10] = (byte) 0xff;
            b[11] = (byte) 0xff;
            System.arraycopy(a.getAddress(), 0, b, 12, 4);
            return b;
        }
        return a.getAddress();
    }

    private static InetAddress ip(Object v, boolean v6) {
        if (v instanceof Inet4Address || v instanceof Inet6Address) {
            return (InetAddress) v;
        }
        if (v instanceof CharSequence s) {
            try {
                return Values.ipLiteral(s.toString(), v6 && s.toString().indexOf(':') >= 0);
            } catch (StreamSignals.Malformed e) {
                throw new IllegalArgumentException("the string is not an IP address literal");
            }
        }
        throw wrongType(v, "an InetAddress");
    }
}
