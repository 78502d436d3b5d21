package dev.olaphttp.jdbc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.UUID;

/**
 * ClickHouse has no positional parameters: each JDBC {@code ?} becomes a typed {@code {pN:Type}} placeholder, the
 * type chosen from the bound Java value (or the {@link Types} code given to {@code setNull}).
 */
final class ClickHouseParams {
    private static final BigInteger MAX_UINT64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final LocalDate DATE_MIN = LocalDate.of(1970, 1, 1);
    private static final LocalDate DATE_MAX = LocalDate.of(2149, 6, 6);

    private ClickHouseParams() {}

    static String name(int index) {
        return "p" + (index + 1);
    }

    /** The placeholder text for parameter {@code index} (0-based) holding {@code value}. */
    static String placeholder(int index, Object value, int nullType) throws SQLException {
        return "{" + name(index) + ":" + (value == null ? "Nullable(" + forSqlType(nullType) + ")" : typeOf(value))
                + "}";
    }

    /** The value as sent (booleans as 0/1 so that servers without {@code Bool} accept them). */
    static Object value(Object value) {
        return value instanceof Boolean b ? (b ? 1 : 0) : value;
    }

    static String typeOf(Object v) throws SQLException {
        if (v instanceof String || v instanceof Character || v instanceof Enum<?> || v instanceof LocalTime) {
            return "String";
        }
        if (v instanceof Boolean) {
            return "UInt8";
        }
        if (v instanceof Byte) {
            return "Int8";
        }
        if (v instanceof Short) {
            return "Int16";
        }
        if (v instanceof Integer) {
            return "Int32";
        }
        if (v instanceof Long) {
            return "Int64";
        }
        if (v instanceof BigInteger b) {
            if (b.bitLength() < 64) {
                return "Int64";
            }
            if (b.signum() > 0 && b.compareTo(MAX_UINT64) <= 0) {
                return "UInt64";
            }
            return b.bitLength() < 128 ? "Int128" : "Int256";
        }
        if (v instanceof Float) {
            return "Float32";
        }
        if (v instanceof Double) {
            return "Float64";
        }
        if (v instanceof BigDecimal d) {
            int scale = Math.max(d.scale(), 0);
            int precision = Math.max(d.precision() - d.scale() + scale, scale + 1);
            if (precision > 76) {
                throw new SQLFeatureNotSupportedException("a BigDecimal with more than 76 digits has no ClickHouse type",
                        "22003");
            }
            return "Decimal(" + precision + ", " + scale + ")";
        }
        if (v instanceof LocalDate d) {
            return d.isBefore(DATE_MIN) || d.isAfter(DATE_MAX) ? "Date32" : "Date";
        }
        if (v instanceof LocalDateTime t) {
            return t.getNano() == 0 ? "DateTime" : "DateTime64(9)";
        }
        if (v instanceof Instant || v instanceof OffsetDateTime || v instanceof ZonedDateTime) {
            return "DateTime64(9, 'UTC')";
        }
        if (v instanceof UUID) {
            return "UUID";
        }
        if (v instanceof InetAddress a) {
            return a instanceof Inet4Address ? "IPv4" : "IPv6";
        }
        if (v instanceof Collection<?> c) {
            return "Array(" + elementType(c.toArray()) + ")";
        }
        if (v instanceof Object[] a) {
            return "Array(" + elementType(a) + ")";
        }
        throw new SQLFeatureNotSupportedException(
                "parameters of type " + v.getClass().getSimpleName() + " are not supported on ClickHouse", "0A000");
    }

    private static String elementType(Object[] values) throws SQLException {
        String type = null;
        boolean nulls = false;
        for (Object o : values) {
            if (o == null) {
                nulls = true;
            } else if (type == null) {
                type = typeOf(o);
            }
        }
        type = type == null ? "String" : type;
        return nulls ? "Nullable(" + type + ")" : type;
    }

    /** The ClickHouse type of a NULL bound with {@code setNull(i, sqlType)}. */
    static String forSqlType(int sqlType) {
        return switch (sqlType) {
            case Types.BOOLEAN, Types.BIT -> "UInt8";
            case Types.TINYINT -> "Int8";
            case Types.SMALLINT -> "Int16";
            case Types.INTEGER -> "Int32";
            case Types.BIGINT -> "Int64";
            case Types.REAL, Types.FLOAT -> "Float32";
            case Types.DOUBLE -> "Float64";
            case Types.DECIMAL, Types.NUMERIC -> "Decimal(38, 10)";
            case Types.DATE -> "Date";
            case Types.TIMESTAMP -> "DateTime";
            default -> "String";
        };
    }
}
