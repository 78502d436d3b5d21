package dev.olaphttp.jdbc;

import dev.olaphttp.SqlType;
import dev.olaphttp.TypeKind;
import java.sql.Types;
import java.util.Locale;

/** {@link TypeKind} to {@link Types}, and server type names (from system tables) to both. */
final class JdbcTypes {
    private JdbcTypes() {}

    static int sqlType(SqlType type) {
        return sqlType(type.kind());
    }

    static int sqlType(TypeKind kind) {
        return switch (kind) {
            case BOOLEAN -> Types.BOOLEAN;
            case INT8 -> Types.TINYINT;
            case INT16, UINT8 -> Types.SMALLINT;
            case INT32, UINT16 -> Types.INTEGER;
            case INT64, UINT32 -> Types.BIGINT;
            case INT128, INT256, UINT64, UINT128, UINT256, DECIMAL -> Types.DECIMAL;
            case FLOAT32 -> Types.REAL;
            case FLOAT64 -> Types.DOUBLE;
            case STRING, ENUM, INTERVAL, JSON, UUID, IPV4, IPV6 -> Types.VARCHAR;
            case FIXED_STRING -> Types.CHAR;
            case BINARY -> Types.VARBINARY;
            case DATE -> Types.DATE;
            case TIMESTAMP -> Types.TIMESTAMP;
            case TIMESTAMP_TZ -> Types.TIMESTAMP_WITH_TIMEZONE;
            case TIME -> Types.TIME;
            case ARRAY -> Types.ARRAY;
            case MAP, TUPLE, OTHER -> Types.OTHER;
            case NOTHING -> Types.NULL;
        };
    }

    /** Digits (numbers), characters (text, date-times) a value of the type needs at most; 0 when unknown. */
    static int precision(SqlType t) {
        return switch (t.kind()) {
            case BOOLEAN -> 1;
            case INT8, UINT8 -> 3;
            case INT16, UINT16 -> 5;
            case INT32 -> 10;
            case UINT32 -> 10;
            case INT64 -> 19;
            case UINT64 -> 20;
            case INT128, UINT128 -> 39;
            case INT256, UINT256 -> 78;
            case FLOAT32 -> 7;
            case FLOAT64 -> 15;
            case DECIMAL -> t.precision();
            case FIXED_STRING -> t.precision();
            case DATE -> 10;
            case TIME -> 8;
            case TIMESTAMP, TIMESTAMP_TZ -> 19 + (t.precision() > 0 ? t.precision() + 1 : 0);
            case UUID -> 36;
            case IPV4 -> 15;
            case IPV6 -> 39;
            default -> 0;
        };
    }

    static boolean signed(TypeKind k) {
        return switch (k) {
            case INT8, INT16, INT32, INT64, INT128, INT256, FLOAT32, FLOAT64, DECIMAL -> true;
            default -> false;
        };
    }

    /** The class name {@code getObject} returns for the kind (JDBC's classes for dates and arrays). */
    static String className(SqlType t) {
        return switch (t.kind()) {
            case DATE -> java.sql.Date.class.getName();
            case TIMESTAMP -> java.sql.Timestamp.class.getName();
            case TIME -> java.sql.Time.class.getName();
            case ARRAY -> java.sql.Array.class.getName();
            default -> t.javaType().getName();
        };
    }

    /** The kind of a server type name as the system tables print it ({@code Nullable(Int32)}, {@code varchar(10)}). */
    static TypeKind kindOf(String serverType) {
        String t = unwrap(serverType.trim());
        String base = t.toLowerCase(Locale.ROOT);
        int paren = base.indexOf('(');
        if (paren >= 0) {
            base = base.substring(0, paren).trim();
        }
        int space = base.indexOf(' ');
        if (space >= 0 && !base.startsWith("double precision")) {
            base = base.substring(0, space);
        }
        return switch (base) {
            case "bool", "boolean" -> TypeKind.BOOLEAN;
            case "int8", "tinyint" -> TypeKind.INT8;
            case "int16", "smallint" -> TypeKind.INT16;
            case "int32", "int", "integer", "mediumint" -> TypeKind.INT32;
            case "int64", "bigint" -> TypeKind.INT64;
            case "int128", "largeint" -> TypeKind.INT128;
            case "int256" -> TypeKind.INT256;
            case "uint8" -> TypeKind.UINT8;
            case "uint16" -> TypeKind.UINT16;
            case "uint32" -> TypeKind.UINT32;
            case "uint64" -> TypeKind.UINT64;
            case "uint128" -> TypeKind.UINT128;
            case "uint256" -> TypeKind.UINT256;
            case "float32", "float", "real" -> TypeKind.FLOAT32;
            case "float64", "double", "double precision" -> TypeKind.FLOAT64;
            case "decimal", "decimal32", "decimal64", "decimal128", "decimal256", "numeric", "decimalv2",
                    "decimalv3" -> TypeKind.DECIMAL;
            case "string", "varchar", "text", "char", "tinytext", "mediumtext", "longtext" ->
                    base.equals("char") ? TypeKind.FIXED_STRING : TypeKind.STRING;
            case "fixedstring" -> TypeKind.FIXED_STRING;
            case "binary", "varbinary", "blob" -> TypeKind.BINARY;
            case "uuid" -> TypeKind.UUID;
            case "date", "date32" -> TypeKind.DATE;
            case "datetime", "datetime64", "timestamp" -> TypeKind.TIMESTAMP;
            case "time" -> TypeKind.TIME;
            case "enum8", "enum16", "enum" -> TypeKind.ENUM;
            case "ipv4" -> TypeKind.IPV4;
            case "ipv6" -> TypeKind.IPV6;
            case "json", "variant", "object", "dynamic" -> TypeKind.JSON;
            case "array" -> TypeKind.ARRAY;
            case "map" -> TypeKind.MAP;
            case "tuple", "struct" -> TypeKind.TUPLE;
            case "nothing" -> TypeKind.NOTHING;
            default -> TypeKind.OTHER;
        };
    }

    /** Whether the server type name admits NULL. */
    static boolean nullableName(String serverType) {
        String t = serverType.trim();
        String lc = t.toLowerCase(Locale.ROOT);
        return lc.startsWith("nullable(") || lc.startsWith("lowcardinality(nullable(") || lc.endsWith(" null")
                && !lc.endsWith("not null");
    }

    /** The type without {@code Nullable(...)}, {@code LowCardinality(...)} and a trailing {@code NULL}. */
    static String unwrap(String t) {
        String s = t;
        for (boolean changed = true; changed;) {
            changed = false;
            String lc = s.toLowerCase(Locale.ROOT);
            for (String w : new String[] {"nullable(", "lowcardinality("}) {
                if (lc.startsWith(w) && s.endsWith(")")) {
                    s = s.substring(w.length(), s.length() - 1).trim();
                    changed = true;
                    break;
                }
            }
            lc = s.toLowerCase(Locale.ROOT);
            if (lc.endsWith(" not null")) {
                s = s.substring(0, s.length() - 9).trim();
                changed = true;
            } else if (lc.endsWith(" null")) {
                s = s.substring(0, s.length() - 5).trim();
                changed = true;
            }
        }
        return s;
    }

    /** The first and second numeric arguments of {@code Decimal(p, s)}-like names; {-1, -1} when absent. */
    static int[] numericArgs(String serverType) {
        String t = unwrap(serverType);
        int open = t.indexOf('(');
        int close = t.lastIndexOf(')');
        int[] r = {-1, -1};
        if (open < 0 || close < open) {
            return r;
        }
        String[] parts = t.substring(open + 1, close).split(",");
        for (int i = 0; i < Math.min(2, parts.length); i++) {
            try {
                r[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                return r;
            }
        }
        return r;
    }
}
