package dev.olaphttp.clickhouse.internal.format;

import dev.olaphttp.ProtocolException;
import dev.olaphttp.SqlType;
import dev.olaphttp.TypeKind;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Recursive-descent parser of one ClickHouse type name (see {@link ClickHouseTypes}). */
final class TypeParser {
    private static final int MAX_DEPTH = 64;

    private final String s;
    private final ZoneId serverZone;
    int pos;

    TypeParser(String s, ZoneId serverZone) {
        this.s = s;
        this.serverZone = serverZone;
    }

    ProtocolException fail(String why) {
        return ClickHouseTypes.error("malformed ClickHouse type '" + s + "' at offset " + pos + ": " + why, null);
    }

    void ws() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    boolean peek(char c) {
        ws();
        return pos < s.length() && s.charAt(pos) == c;
    }

    void expect(char c) {
        if (!peek(c)) {
            throw fail("expected '" + c + "'");
        }
        pos++;
    }

    String ident() {
        ws();
        int start = pos;
        while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
            pos++;
        }
        if (start == pos) {
            throw fail("expected a name");
        }
        return s.substring(start, pos);
    }

    /** A field name: bare, `back-quoted` or "double-quoted". */
    String fieldName() {
        ws();
        char c = pos < s.length() ? s.charAt(pos) : 0;
        if (c == '`' || c == '"') {
            return quoted(c);
        }
        return ident();
    }

    /** A quoted string at the position (after blanks), decoded by {@link QuotedName}. */
    String quoted(char quote) {
        ws();
        if (pos >= s.length() || s.charAt(pos) != quote) {
            throw fail("expected a quoted string");
        }
        int end = QuotedName.end(s, pos);
        if (end < 0) {
            throw fail("unterminated quoted string");
        }
        String value = QuotedName.decode(s, pos, end);
        pos = end;
        return value;
    }

    int integer() {
        ws();
        int start = pos;
        if (pos < s.length() && (s.charAt(pos) == '-' || s.charAt(pos) == '+')) {
            pos++;
        }
        while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
            pos++;
        }
        if (start == pos) {
            throw fail("expected a number");
        }
        return Integer.parseInt(s.substring(start, pos));
    }

    /** Skips a balanced argument list (after the opening parenthesis) up to and including ')'. */
    void skipArgs() {
        int depth = 1;
        while (depth > 0) {
            if (pos >= s.length()) {
                throw fail("unbalanced parentheses");
            }
            char c = s.charAt(pos);
            if (c == '\'' || c == '`' || c == '"') {
                quoted(c);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            pos++;
        }
    }

    SqlType type(int depth) {
        if (depth > MAX_DEPTH) {
            throw fail("type nested too deeply");
        }
        ws();
        int start = pos;
        String name = ident();
        boolean args = peek('(');
        if (args) {
            pos++;
        }
        SqlType.Builder b = build(name, args, depth, start);
        return b.name(s.substring(start, pos).trim()).build();
    }

    private SqlType.Builder build(String name, boolean args, int depth, int start) {
        TypeKind simple = ClickHouseTypes.simpleKind(name);
        if (simple != null) {
            noArgs(args, name);
            return SqlType.builder(simple);
        }
        switch (name) {
            case "Nullable", "LowCardinality" -> {
                requireArgs(args, name);
                SqlType inner = type(depth + 1);
                expect(')');
                return inner.toBuilder().nullable(name.equals("Nullable") || inner.nullable());
            }
            case "SimpleAggregateFunction" -> {
                requireArgs(args, name);
                ident();
                if (peek('(')) {
                    pos++;
                    skipArgs();
                }
                expect(',');
                SqlType inner = type(depth + 1);
                expect(')');
                return inner.toBuilder();
            }
            case "Decimal" -> {
                requireArgs(args, name);
                int p = integer();
                int sc = 0;
                if (peek(',')) {
                    pos++;
                    sc = integer();
                }
                expect(')');
                return decimal(p, sc);
            }
            case "Decimal32", "Decimal64", "Decimal128", "Decimal256" -> {
                requireArgs(args, name);
                int sc = integer();
                expect(')');
                int p = switch (name) {
                    case "Decimal32" -> 9;
                    case "Decimal64" -> 18;
                    case "Decimal128" -> 38;
                    default -> 76;
                };
                return decimal(p, sc);
            }
            case "FixedString" -> {
                requireArgs(args, name);
                int n = integer();
                expect(')');
                if (n <= 0) {
                    throw fail("FixedString length must be positive");
                }
                return SqlType.builder(TypeKind.FIXED_STRING).precision(n);
            }
            case "DateTime" -> {
                ZoneId zone = serverZone;
                if (args) {
                    zone = ZoneId.of(quoted('\''));
                    expect(')');
                }
                return SqlType.builder(TypeKind.TIMESTAMP).zone(zone);
            }
            case "DateTime64" -> {
                requireArgs(args, name);
                int p = integer();
                ZoneId zone = serverZone;
                if (peek(',')) {
                    pos++;
                    zone = ZoneId.of(quoted('\''));
                }
                expect(')');
                if (p < 0 || p > 9) {
                    throw fail("DateTime64 precision must be 0..9");
                }
                return SqlType.builder(TypeKind.TIMESTAMP).precision(p).zone(zone);
            }
            case "Time64" -> {
                requireArgs(args, name);
                int p = integer();
                expect(')');
                if (p < 0 || p > 9) {
                    throw fail("Time64 precision must be 0..9");
                }
                return SqlType.builder(TypeKind.TIME).precision(p);
            }
            case "Enum8", "Enum16", "Enum" -> {
                requireArgs(args, name);
                return SqlType.builder(TypeKind.ENUM).enumValues(enumValues());
            }
            case "Array" -> {
                requireArgs(args, name);
                SqlType e = type(depth + 1);
                expect(')');
                return SqlType.builder(TypeKind.ARRAY).elements(List.of(e));
            }
            case "Map" -> {
                requireArgs(args, name);
                SqlType k = type(depth + 1);
                expect(',');
                SqlType v = type(depth + 1);
                expect(')');
                return SqlType.builder(TypeKind.MAP).elements(List.of(k, v));
            }
            case "Tuple", "Nested" -> {
                requireArgs(args, name);
                SqlType.Builder t = tuple(depth);
                if (name.equals("Nested")) {
                    SqlType inner = t.name("Tuple" + s.substring(start + name.length(), pos)).build();
                    return SqlType.builder(TypeKind.ARRAY).elements(List.of(inner));
                }
                return t;
            }
            case "Variant" -> {
                requireArgs(args, name);
                List<SqlType> alts = new ArrayList<>();
                do {
                    alts.add(type(depth + 1));
                } while (comma());
                expect(')');
                return SqlType.builder(TypeKind.JSON).elements(alts).nullable(true);
            }
            case "JSON", "Object", "Dynamic" -> {
                if (args) {
                    skipArgs();
                }
                return SqlType.builder(TypeKind.JSON).nullable(name.equals("Dynamic"));
            }
            case "Point" -> {
                noArgs(args, name);
                return point();
            }
            case "Ring", "LineString" -> {
                noArgs(args, name);
                return arrayOf(point().name("Point").build());
            }
            case "Polygon", "MultiLineString" -> {
                noArgs(args, name);
                return arrayOf(arrayOf(point().name("Point").build()).name("Ring").build());
            }
            case "MultiPolygon" -> {
                noArgs(args, name);
                SqlType ring = arrayOf(point().name("Point").build()).name("Ring").build();
                return arrayOf(arrayOf(ring).name("Polygon").build());
            }
            default -> {
                if (name.startsWith("Interval")) {
                    noArgs(args, name);
                    return SqlType.builder(TypeKind.INTERVAL);
                }
                if (name.equals("AggregateFunction")) {
                    skipArgs();
                    return SqlType.builder(TypeKind.OTHER);
                }
                throw fail("unknown type " + name);
            }
        }
    }

    private boolean comma() {
        if (peek(',')) {
            pos++;
            return true;
        }
        return false;
    }

    private SqlType.Builder tuple(int depth) {
        List<SqlType> fields = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (peek(')')) {
            pos++;
            return SqlType.builder(TypeKind.TUPLE);
        }
        do {
            ws();
            int mark = pos;
            String fieldName = null;
            char c = s.charAt(pos);
            if (c == '`' || c == '"') {
                fieldName = fieldName();
            } else {
                ident();
                // "name Type": a name followed by whitespace and another identifier
                int afterIdent = pos;
                ws();
                if (pos > afterIdent && pos < s.length()
                        && (Character.isLetter(s.charAt(pos)) || s.charAt(pos) == '_')) {
                    pos = mark;
                    fieldName = ident();
                } else {
                    pos = mark;
                }
            }
            fields.add(type(depth + 1));
            names.add(fieldName);
        } while (comma());
        expect(')');
        long named = names.stream().filter(n -> n != null).count();
        if (named != 0 && named != names.size()) {
            throw fail("tuple mixes named and unnamed fields");
        }
        SqlType.Builder b = SqlType.builder(TypeKind.TUPLE).elements(fields);
        return named == 0 ? b : b.fieldNames(names);
    }

    private Map<Integer, String> enumValues() {
        Map<Integer, String> values = new LinkedHashMap<>();
        int next = 1;
        do {
            String label = quoted('\'');
            int value = next;
            if (peek('=')) {
                pos++;
                value = integer();
            }
            if (values.putIfAbsent(value, label) != null) {
                throw fail("duplicate enum value " + value);
            }
            next = value + 1;
        } while (comma());
        expect(')');
        return values;
    }

    private SqlType.Builder point() {
        SqlType f = SqlType.of(TypeKind.FLOAT64, "Float64");
        return SqlType.builder(TypeKind.TUPLE).elements(List.of(f, f));
    }

    private SqlType.Builder arrayOf(SqlType element) {
        return SqlType.builder(TypeKind.ARRAY).elements(List.of(element));
    }

    private SqlType.Builder decimal(int p, int sc) {
        if (p < 1 || p > 76 || sc < 0 || sc > p) {
            throw fail("bad decimal precision/scale " + p + "," + sc);
        }
        return SqlType.builder(TypeKind.DECIMAL).precision(p).scale(sc);
    }

    private void noArgs(boolean args, String name) {
        if (args) {
            throw fail(name + " takes no arguments");
        }
    }

    private void requireArgs(boolean args, String name) {
        if (!args) {
            throw fail(name + " needs arguments");
        }
    }
}
