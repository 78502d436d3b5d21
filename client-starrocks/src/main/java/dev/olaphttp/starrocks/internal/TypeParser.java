package dev.olaphttp.starrocks.internal;

import dev.olaphttp.SqlType;
import dev.olaphttp.TypeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses the {@code type} strings of StarRocks' {@code meta} ({@code Type.toSql()}: {@code int(11)},
 * {@code decimal64(10, 2)}, {@code array<int(11)>}, {@code map<varchar(65533),int(11)>},
 * {@code struct<a int(11), b varchar(65533)>}...) into {@link SqlType}. Every column is nullable (the meta does not
 * say). Unknown names become {@link TypeKind#OTHER}, never an error.
 */
public final class TypeParser {
    private final String text;
    private int pos;

    private TypeParser(String text) {
        this.text = text;
    }

    /** Parses a type string; a malformed one is an {@link IllegalArgumentException}. */
    public static SqlType parse(String type) {
        TypeParser p = new TypeParser(type);
        SqlType t = p.type();
        p.skipSpace();
        if (p.pos != type.length()) {
            throw new IllegalArgumentException("unexpected text after the type at offset " + p.pos);
        }
        return t;
    }

    private SqlType type() {
        skipSpace();
        int start = pos;
        String base = word().toLowerCase(Locale.ROOT);
        if (base.isEmpty()) {
            throw new IllegalArgumentException("expected a type name at offset " + pos);
        }
        List<Integer> args = new ArrayList<>();
        skipSpace();
        if (peek('(')) {
            pos++;
            while (true) {
                skipSpace();
                int s = pos;
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
                if (s == pos) {
                    throw new IllegalArgumentException("expected a number at offset " + pos);
                }
                args.add(Integer.parseInt(text.substring(s, pos)));
                skipSpace();
                if (peek(',')) {
                    pos++;
                } else {
                    expect(')');
                    break;
                }
            }
        }
        skipSpace();
        List<SqlType> elements = List.of();
        List<String> fields = List.of();
        if (peek('<')) {
            pos++;
            elements = new ArrayList<>();
            if (base.equals("struct")) {
                fields = new ArrayList<>();
            }
            while (true) {
                skipSpace();
                if (base.equals("struct")) {
                    fields.add(fieldName());
                }
                elements.add(type());
                skipSpace();
                if (peek(',')) {
                    pos++;
                } else {
                    expect('>');
                    break;
                }
            }
        }
        String name = text.substring(start, pos).trim();
        SqlType.Builder b = SqlType.builder(kind(base, elements.size())).name(name).nullable(true);
        if (base.startsWith("decimal") || base.equals("numeric")) {
            b.precision(args.isEmpty() ? 0 : args.get(0)).scale(args.size() > 1 ? args.get(1) : 0);
        } else if (!args.isEmpty() && !base.contains("int")) {
            b.precision(args.get(0));
        }
        return b.elements(elements).fieldNames(fields).build();
    }

    private static TypeKind kind(String base, int elementCount) {
        return switch (base) {
            case "tinyint" -> TypeKind.INT8;
            case "smallint" -> TypeKind.INT16;
            case "int", "integer" -> TypeKind.INT32;
            case "bigint" -> TypeKind.INT64;
            case "largeint" -> TypeKind.INT128;
            case "boolean", "bool" -> TypeKind.BOOLEAN;
            case "float" -> TypeKind.FLOAT32;
            case "double" -> TypeKind.FLOAT64;
            case "decimal", "decimalv2", "decimalv3", "decimal32", "decimal64", "decimal128", "decimal256", "numeric" ->
                TypeKind.DECIMAL;
            case "date", "datev2" -> TypeKind.DATE;
            case "datetime", "datetimev2", "timestamp" -> TypeKind.TIMESTAMP;
            case "char", "varchar", "string", "text" -> TypeKind.STRING;
            case "varbinary", "binary", "blob" -> TypeKind.BINARY;
            case "json", "jsonb" -> TypeKind.JSON;
            case "array" -> elementCount == 1 ? TypeKind.ARRAY : TypeKind.OTHER;
            case "map" -> elementCount == 2 ? TypeKind.MAP : TypeKind.OTHER;
            case "struct" -> TypeKind.TUPLE;
            case "null_type", "null" -> TypeKind.NOTHING;
            default -> TypeKind.OTHER; // hll, bitmap, percentile, time, function, unknown
        };
    }

    private String fieldName() {
        skipSpace();
        String name;
        if (peek('`')) {
            int end = text.indexOf('`', pos + 1);
            if (end < 0) {
                throw new IllegalArgumentException("unterminated ` in a struct field name");
            }
            name = text.substring(pos + 1, end);
            pos = end + 1;
        } else {
            name = word();
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException("expected a struct field name at offset " + pos);
        }
        return name;
    }

    private String word() {
        int s = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        return text.substring(s, pos);
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw new IllegalArgumentException("expected '" + c + "' at offset " + pos);
        }
        pos++;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
