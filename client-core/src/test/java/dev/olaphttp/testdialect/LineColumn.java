package dev.olaphttp.testdialect;

import dev.olaphttp.SqlType;
import dev.olaphttp.TypeKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The decoder and current value of one column: primitives unboxed, the rest as their Java type. */
final class LineColumn {
    private final SqlType type;
    private final TypeKind kind;
    private final boolean primitiveLong;
    private final boolean primitiveDouble;
    private boolean isNull;
    private long longValue;
    private double doubleValue;
    private Object objectValue;

    LineColumn(SqlType type) {
        this.type = type;
        this.kind = type.kind();
        this.primitiveLong = kind.fitsLong() || kind == TypeKind.BOOLEAN;
        this.primitiveDouble = kind == TypeKind.FLOAT32 || kind == TypeKind.FLOAT64;
    }

    /** {@code KIND}, {@code KIND?} (nullable), {@code TIMESTAMP@Europe/Berlin} (zoned). */
    static SqlType parseType(String spec) {
        String s = spec.trim();
        boolean nullable = s.endsWith("?");
        if (nullable) {
            s = s.substring(0, s.length() - 1);
        }
        ZoneId zone = null;
        int at = s.indexOf('@');
        if (at > 0) {
            zone = ZoneId.of(s.substring(at + 1));
            s = s.substring(0, at);
        }
        TypeKind kind = TypeKind.valueOf(s.toUpperCase(Locale.ROOT));
        return SqlType.builder(kind).name(spec.trim()).nullable(nullable).zone(zone).build();
    }

    SqlType type() {
        return type;
    }

    void set(String cell) {
        if (cell.equals("\\N")) {
            isNull = true;
            objectValue = null;
            return;
        }
        isNull = false;
        if (primitiveLong) {
            longValue = kind == TypeKind.BOOLEAN ? parseBoolean(cell) : Long.parseLong(cell);
        } else if (primitiveDouble) {
            doubleValue = parseDouble(cell);
        } else {
            objectValue = decode(unescape(cell));
        }
    }

    private static long parseBoolean(String cell) {
        return switch (cell) {
            case "true", "1" -> 1;
            case "false", "0" -> 0;
            default -> throw new IllegalArgumentException("not a boolean");
        };
    }

    private static double parseDouble(String cell) {
        return switch (cell) {
            case "nan" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(cell);
        };
    }

    private Object decode(String s) {
        return switch (kind) {
            case INT128, INT256, UINT64, UINT128, UINT256 -> new BigInteger(s);
            case DECIMAL -> new BigDecimal(s);
            case DATE -> LocalDate.parse(s);
            case TIMESTAMP -> type.zone().isPresent()
                    ? LocalDateTime.parse(s).atZone(type.zone().get())
                    : LocalDateTime.parse(s);
            case TIMESTAMP_TZ -> OffsetDateTime.parse(s);
            case TIME -> LocalTime.parse(s);
            case UUID -> java.util.UUID.fromString(s);
            case IPV4, IPV6 -> address(s);
            case BINARY -> HexFormat.of().parseHex(s);
            case ARRAY, TUPLE -> s.equals("[]") ? List.of() : List.copyOf(Arrays.asList(
                    s.substring(1, s.length() - 1).split(",")));
            default -> s;
        };
    }

    private static InetAddress address(String s) {
        if (!s.matches("[0-9a-fA-F.:]+")) {
            throw new IllegalArgumentException("not an IP literal");
        }
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP literal", e);
        }
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                sb.append(n == 't' ? '\t' : n == 'n' ? '\n' : n);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    boolean isNull() {
        return isNull;
    }

    long longValue() {
        if (!primitiveLong) {
            throw new IllegalStateException("getLong called for " + kind);
        }
        return longValue;
    }

    double doubleValue() {
        if (!primitiveDouble) {
            throw new IllegalStateException("getDouble called for " + kind);
        }
        return doubleValue;
    }

    Object objectValue() {
        if (isNull) {
            return null;
        }
        if (primitiveLong) {
            return switch (kind) {
                case BOOLEAN -> longValue != 0;
                case INT64, UINT32 -> longValue;
                default -> (int) longValue;
            };
        }
        if (primitiveDouble) {
            return kind == TypeKind.FLOAT32 ? (Object) (float) doubleValue : (Object) doubleValue;
        }
        return objectValue;
    }
}
