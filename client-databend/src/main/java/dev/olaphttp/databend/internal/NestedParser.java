package dev.olaphttp.databend.internal;

import dev.olaphttp.SqlType;
import dev.olaphttp.TypeKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A quote- and bracket-aware reader of Databend's nested renderings: {@code [1,NULL,3]}, {@code {"k":"v"}},
 * {@code (7,"p\"q")}. Inside containers NULL is a bare token, strings and temporals are double-quoted with only
 * {@code "} escaped (as {@code \"}), Variant and GeoJSON are raw JSON, Binary is bare hex.
 */
final class NestedParser {
    private final String s;
    private final ResultFormat fmt;
    private int pos;

    NestedParser(String s, ResultFormat fmt) {
        this.s = s;
        this.fmt = fmt;
    }

    /** Parses the whole text as one value of {@code type}; trailing garbage fails. */
    Object parseTop(SqlType type) {
        Object v = value(type);
        skipSpace();
        if (pos != s.length()) {
            throw error("unexpected text after the value");
        }
        return v;
    }

    private Object value(SqlType type) {
        skipSpace();
        if (bareNull()) {
            return null;
        }
        return switch (type.kind()) {
            case ARRAY -> list(type.elements().get(0), '[', ']');
            case TUPLE -> tuple(type);
            case MAP -> map(type);
            case JSON -> rawJson();
            case NOTHING -> throw error("a value where only NULL can be");
            default -> scalar(type);
        };
    }

    private List<Object> list(SqlType element, char open, char close) {
        expect(open);
        List<Object> out = new ArrayList<>();
        skipSpace();
        if (peek() == close) {
            pos++;
            return Collections.unmodifiableList(out);
        }
        while (true) {
            out.add(value(element));
            skipSpace();
            char c = next();
            if (c == close) {
                return Collections.unmodifiableList(out);
            }
            if (c != ',') {
                throw error("expected ',' or '" + close + "'");
            }
        }
    }

    private List<Object> tuple(SqlType type) {
        expect('(');
        List<SqlType> fields = type.elements();
        List<Object> out = new ArrayList<>(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            out.add(value(fields.get(i)));
            skipSpace();
            char c = next();
            boolean last = i == fields.size() - 1;
            if (last && c == ',') { // 1-tuples render as (x,)
                skipSpace();
                c = next();
            }
            if (c != (last ? ')' : ',')) {
                throw error(last ? "expected ')'" : "expected ','");
            }
        }
        return Collections.unmodifiableList(out);
    }

    private Map<Object, Object> map(SqlType type) {
        expect('{');
        SqlType k = type.elements().get(0);
        SqlType v = type.elements().get(1);
        Map<Object, Object> out = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') {
            pos++;
            return out;
        }
        while (true) {
            Object key = value(k);
            skipSpace();
            expect(':');
            out.put(key, value(v));
            skipSpace();
            char c = next();
            if (c == '}') {
                return out;
            }
            if (c != ',') {
                throw error("expected ',' or '}'");
            }
        }
    }

    private Object scalar(SqlType type) {
        char c = peek();
        if (type.kind() == TypeKind.OTHER && (c == '{' || c == '[')) {
            return rawJson(); // GeoJSON
        }
        String text;
        if (c == '"' || c == '\'') {
            text = quoted(c);
        } else {
            int start = pos;
            while (pos < s.length() && ",]})".indexOf(s.charAt(pos)) < 0 && s.charAt(pos) != ':') {
                pos++;
            }
            text = s.substring(start, pos).trim();
            if (text.isEmpty()) {
                throw error("empty value");
            }
        }
        return Values.convert(type, text, fmt, true);
    }

    /** A quoted string: only the quote character is escaped, as backslash-quote. */
    private String quoted(char q) {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == '\\' && pos < s.length() && s.charAt(pos) == q) {
                sb.append(q);
                pos++;
            } else if (c == q) {
                return sb.toString();
            } else {
                sb.append(c);
            }
        }
        throw error("unterminated string");
    }

    /** A raw JSON value (Variant): balanced brackets, JSON string escapes. */
    private String rawJson() {
        int start = pos;
        int depth = 0;
        boolean inString = false;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (inString) {
                if (c == '\\') {
                    pos++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']' || c == ')' || c == ',') {
                if (depth == 0) {
                    break;
                }
                if (c == '}' || c == ']') {
                    depth--;
                }
            }
            pos++;
        }
        if (inString || depth != 0) {
            throw error("unbalanced JSON value");
        }
        String text = s.substring(start, pos).trim();
        if (text.isEmpty()) {
            throw error("empty value");
        }
        return text;
    }

    private boolean bareNull() {
        if (s.regionMatches(pos, "NULL", 0, 4)) {
            int after = pos + 4;
            int k = after;
            while (k < s.length() && s.charAt(k) == ' ') {
                k++;
            }
            if (k == s.length() || ",]}):".indexOf(s.charAt(k)) >= 0) {
                pos = after;
                return true;
            }
        }
        return false;
    }

    private void skipSpace() {
        while (pos < s.length() && s.charAt(pos) == ' ') {
            pos++;
        }
    }

    private char peek() {
        if (pos >= s.length()) {
            throw error("unexpected end");
        }
        return s.charAt(pos);
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }

    private void expect(char c) {
        if (next() != c) {
            throw error("expected '" + c + "'");
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("malformed nested value at offset " + pos + ": " + what);
    }
}
