package dev.olaphttp.databend.internal;

import dev.olaphttp.SqlType;
import dev.olaphttp.TypeKind;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses Databend schema type strings ({@code Nullable(Decimal(10, 2))}, {@code Array(Int32 NULL)},
 * {@code Map(String, Int64 NULL)}, {@code Tuple(Int32,)}...) into {@link SqlType}s. Timestamps get the session zone.
 */
final class TypeParser {
    private final ZoneId zone;

    TypeParser(ZoneId zone) {
        this.zone = zone;
    }

    /** Parses one type string; unknown names become {@link TypeKind#OTHER} (read as text). */
    SqlType parse(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("empty type string");
        }
        return parseOne(t, t);
    }

    private SqlType parseOne(String t, String original) {
        boolean nullable = false;
        String s = t.trim();
        if (s.length() > 5 && s.regionMatches(true, s.length() - 5, " NULL", 0, 5)) {
            nullable = true;
            s = s.substring(0, s.length() - 5).trim();
        }
        String name;
        List<String> args;
        int open = s.indexOf('(');
        if (open < 0) {
            name = s;
            args = List.of();
        } else {
            if (!s.endsWith(")")) {
                throw new IllegalArgumentException("unbalanced type string: " + original);
            }
            name = s.substring(0, open).trim();
            args = splitArgs(s.substring(open + 1, s.length() - 1), original);
        }
        String upper = name.toUpperCase(Locale.ROOT);
        if (upper.equals("NULLABLE")) {
            requireArgs(args, 1, original);
            SqlType inner = parseOne(args.get(0), original);
            return inner.toBuilder().nullable(true).name(t).build();
        }
        SqlType.Builder b = build(upper, args, original).name(t);
        if (nullable) {
            b.nullable(true);
        }
        return b.build();
    }

    private SqlType.Builder build(String upper, List<String> args, String original) {
        switch (upper) {
            case "BOOLEAN", "BOOL":
                return SqlType.builder(TypeKind.BOOLEAN);
            case "INT8", "TINYINT":
                return SqlType.builder(TypeKind.INT8);
            case "INT16", "SMALLINT":
                return SqlType.builder(TypeKind.INT16);
            case "INT32", "INT", "INTEGER":
                return SqlType.builder(TypeKind.INT32);
            case "INT64", "BIGINT":
                return SqlType.builder(TypeKind.INT64);
            case "INT128":
                return SqlType.builder(TypeKind.INT128);
            case "INT256":
                return SqlType.builder(TypeKind.INT256);
            case "UINT8":
                return SqlType.builder(TypeKind.UINT8);
            case "UINT16":
                return SqlType.builder(TypeKind.UINT16);
            case "UINT32":
                return SqlType.builder(TypeKind.UINT32);
            case "UINT64":
                return SqlType.builder(TypeKind.UINT64);
            case "UINT128":
                return SqlType.builder(TypeKind.UINT128);
            case "UINT256":
                return SqlType.builder(TypeKind.UINT256);
            case "FLOAT32", "FLOAT":
                return SqlType.builder(TypeKind.FLOAT32);
            case "FLOAT64", "DOUBLE":
                return SqlType.builder(TypeKind.FLOAT64);
            case "DECIMAL":
                requireArgs(args, 2, original);
                return SqlType.builder(TypeKind.DECIMAL)
                        .precision(intArg(args.get(0), original))
                        .scale(intArg(args.get(1), original));
            case "STRING", "VARCHAR":
                return SqlType.builder(TypeKind.STRING);
            case "BINARY":
                return SqlType.builder(TypeKind.BINARY);
            case "DATE":
                return SqlType.builder(TypeKind.DATE);
            case "TIMESTAMP", "DATETIME":
                return SqlType.builder(TypeKind.TIMESTAMP).precision(6).zone(zone);
            case "TIMESTAMP_TZ", "TIMESTAMPTZ":
                return SqlType.builder(TypeKind.TIMESTAMP_TZ).precision(6);
            case "INTERVAL":
                return SqlType.builder(TypeKind.INTERVAL);
            case "VARIANT", "JSON":
                return SqlType.builder(TypeKind.JSON);
            case "NULL", "NOTHING":
                return SqlType.builder(TypeKind.NOTHING).nullable(upper.equals("NULL"));
            case "ARRAY":
                requireArgs(args, 1, original);
                return SqlType.builder(TypeKind.ARRAY).elements(List.of(parseOne(args.get(0), original)));
            case "VECTOR":
                return SqlType.builder(TypeKind.ARRAY)
                        .precision(args.isEmpty() ? 0 : intArg(args.get(0), original))
                        .elements(List.of(SqlType.of(TypeKind.FLOAT32, "Float32")));
            case "MAP":
                if (args.size() == 1 && args.get(0).trim().equalsIgnoreCase("Nothing")) {
                    SqlType nothing = SqlType.of(TypeKind.NOTHING, "Nothing");
                    return SqlType.builder(TypeKind.MAP).elements(List.of(nothing, nothing));
                }
                requireArgs(args, 2, original);
                return SqlType.builder(TypeKind.MAP)
                        .elements(List.of(parseOne(args.get(0), original), parseOne(args.get(1), original)));
            case "TUPLE":
                if (args.isEmpty()) {
                    throw new IllegalArgumentException("tuple without fields: " + original);
                }
                List<SqlType> fields = new ArrayList<>();
                for (String a : args) {
                    fields.add(parseOne(a, original));
                }
                return SqlType.builder(TypeKind.TUPLE).elements(fields);
            default:
                // Bitmap, Geometry, Geography, Opaque(N) and anything newer: read as the server's text
                return SqlType.builder(TypeKind.OTHER);
        }
    }

    /** Splits at top-level commas; a trailing empty argument ({@code Tuple(T,)}) is dropped. */
    static List<String> splitArgs(String inner, String original) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth < 0) {
                    throw new IllegalArgumentException("unbalanced type string: " + original);
                }
            } else if (c == ',' && depth == 0) {
                out.add(inner.substring(start, i).trim());
                start = i + 1;
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("unbalanced type string: " + original);
        }
        String last = inner.substring(start).trim();
        if (!last.isEmpty() || out.isEmpty()) {
            out.add(last);
        }
        for (String a : out) {
            if (a.isEmpty()) {
                throw new IllegalArgumentException("empty type argument in " + original);
            }
        }
        return out;
    }

    private static void requireArgs(List<String> args, int n, String original) {
        if (args.size() != n) {
            throw new IllegalArgumentException("expected " + n + " type argument(s) in " + original);
        }
    }

    private static int intArg(String s, String original) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a number in type " + original);
        }
    }
}
