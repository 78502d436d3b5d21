package dev.olaphttp.clickhouse.internal.format;

import dev.olaphttp.ErrorDetails;
import dev.olaphttp.ProtocolException;
import dev.olaphttp.SqlType;
import dev.olaphttp.TypeKind;
import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * Parses ClickHouse type names ({@code Nullable(DateTime64(3, 'UTC'))}, {@code Map(String, Array(UInt8))}...) into
 * {@link SqlType}. {@code LowCardinality(T)} folds to {@code T}; {@code Nullable(T)} marks {@code T} nullable;
 * {@code DateTime}/{@code DateTime64} without a zone get the server zone; {@code JSON}, {@code Object('json')},
 * {@code Variant(...)} and {@code Dynamic} map to {@link TypeKind#JSON} (text), keeping Variant alternatives in
 * {@link SqlType#elements()}. {@link SqlType#name()} is always the server's spelling.
 */
public final class ClickHouseTypes {
    private ClickHouseTypes() {
    }

    /**
     * Parses a type name.
     *
     * @throws ProtocolException for an unknown or malformed type name
     */
    public static SqlType parse(String typeName, ZoneId serverTimeZone) {
        if (typeName == null) {
            throw error("missing type name", null);
        }
        TypeParser p = new TypeParser(typeName, serverTimeZone);
        try {
            SqlType t = p.type(0);
            p.ws();
            if (p.pos != typeName.length()) {
                throw p.fail("unexpected text after the type");
            }
            return t;
        } catch (DateTimeException e) {
            throw error("unknown time zone in ClickHouse type '" + typeName + "'", e);
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw error("malformed ClickHouse type '" + typeName + "'", e);
        }
    }

    /**
     * The physical type name under {@code Nullable}/{@code LowCardinality}/{@code SimpleAggregateFunction}
     * wrappers, without arguments: {@code Date32}, {@code DateTime64}, {@code BFloat16}, {@code Enum16}...
     */
    static String baseName(SqlType type) {
        String n = type.name().trim();
        while (true) {
            if (n.startsWith("Nullable(") || n.startsWith("LowCardinality(")) {
                n = n.substring(n.indexOf('(') + 1, n.length() - 1).trim();
            } else if (n.startsWith("SimpleAggregateFunction(")) {
                int depth = 0;
                int i = n.indexOf('(') + 1;
                for (; i < n.length(); i++) {
                    char c = n.charAt(i);
                    if (c == '(') {
                        depth++;
                    } else if (c == ')') {
                        depth--;
                    } else if (c == ',' && depth == 0) {
                        break;
                    }
                }
                n = n.substring(i + 1, n.length() - 1).trim();
            } else {
                break;
            }
        }
        int end = 0;
        while (end < n.length() && (Character.isLetterOrDigit(n.charAt(end)) || n.charAt(end) == '_')) {
            end++;
        }
        return n.substring(0, end);
    }

    static ProtocolException error(String message, Throwable cause) {
        return new ProtocolException(message, cause, ErrorDetails.none().withDialect("clickhouse"));
    }

    static TypeKind simpleKind(String name) {
        return switch (name) {
            case "Int8" -> TypeKind.INT8;
            case "Int16" -> TypeKind.INT16;
            case "Int32" -> TypeKind.INT32;
            case "Int64" -> TypeKind.INT64;
            case "Int128" -> TypeKind.INT128;
            case "Int256" -> TypeKind.INT256;
            case "UInt8" -> TypeKind.UINT8;
            case "UInt16" -> TypeKind.UINT16;
            case "UInt32" -> TypeKind.UINT32;
            case "UInt64" -> TypeKind.UINT64;
            case "UInt128" -> TypeKind.UINT128;
            case "UInt256" -> TypeKind.UINT256;
            case "Float32", "BFloat16" -> TypeKind.FLOAT32;
            case "Float64" -> TypeKind.FLOAT64;
            case "String" -> TypeKind.STRING;
            case "UUID" -> TypeKind.UUID;
            case "Date", "Date32" -> TypeKind.DATE;
            case "Bool", "Boolean" -> TypeKind.BOOLEAN;
            case "IPv4" -> TypeKind.IPV4;
            case "IPv6" -> TypeKind.IPV6;
            case "Nothing" -> TypeKind.NOTHING;
            case "Time" -> TypeKind.TIME;
            default -> null;
        };
    }
}
