package dev.olaphttp.clickhouse.internal.format;

import dev.olaphttp.SqlType;
import dev.olaphttp.TypeKind;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses ClickHouse's quoted text form of composite values as TSV writes them: {@code [1,NULL,3]},
 * {@code ['a','b\tc']}, {@code {'k':1}}, {@code (1,'x')}; strings in single quotes with backslash escapes.
 */
final class QuotedText {
    private final byte[] b;
    private final int end;
    private int pos;
    private final ByteArrayOutputStream scratch = new ByteArrayOutputStream();

    private QuotedText(byte[] b, int len) {
        this.b = b;
        this.end = len;
    }

    /** Parses the whole of {@code b[0..len)} as a value of type {@code t}. */
    static Object parse(SqlType t, byte[] b, int len) throws StreamSignals.Malformed {
        QuotedText p = new QuotedText(b, len);
        Object v = p.value(t, 0);
        if (p.pos != len) {
            throw p.fail("unexpected text after the value");
        }
        return v;
    }

    private StreamSignals.Malformed fail(String why) {
        String text = new String(b, 0, Math.min(end, 200), StandardCharsets.UTF_8);
        return new StreamSignals.Malformed(why + " at offset " + pos + " of '" + Values.snippet(text) + "'");
    }

    private void expect(char c) throws StreamSignals.Malformed {
        if (pos >= end || b[pos] != c) {
            throw fail("expected '" + c + "'");
        }
        pos++;
    }

    private boolean at(char c) {
        return pos < end && b[pos] == c;
    }

    private Object value(SqlType t, int depth) throws StreamSignals.Malformed {
        if (depth > 64) {
            throw fail("value nested too deeply");
        }
        if (end - pos >= 4 && b[pos] == 'N' && b[pos + 1] == 'U' && b[pos + 2] == 'L' && b[pos + 3] == 'L'
                && (t.nullable() || t.kind() == TypeKind.NOTHING)) {
            pos += 4;
            return null;
        }
        switch (t.kind()) {
            case ARRAY: {
                expect('[');
                List<Object> list = new ArrayList<>();
                SqlType e = t.elements().get(0);
                if (!at(']')) {
                    do {
                        list.add(value(e, depth + 1));
                    } while (comma());
                }
                expect(']');
                return list;
            }
            case TUPLE: {
                expect('(');
                List<Object> list = new ArrayList<>(t.elements().size());
                for (int i = 0; i < t.elements().size(); i++) {
                    if (i > 0) {
                        expect(',');
                    }
                    list.add(value(t.elements().get(i), depth + 1));
                }
                expect(')');
                return list;
            }
            case MAP: {
                expect('{');
                Map<Object, Object> map = new LinkedHashMap<>();
                if (!at('}')) {
                    do {
                        Object k = value(t.elements().get(0), depth + 1);
                        expect(':');
                        map.put(k, value(t.elements().get(1), depth + 1));
                    } while (comma());
                }
                expect('}');
                return map;
            }
            default:
                if (at('\'')) {
                    return TextValues.scalar(t, quoted());
                }
                return TextValues.scalar(t, bare(t.kind() == TypeKind.JSON));
        }
    }

    private boolean comma() {
        if (at(',')) {
            pos++;
            return true;
        }
        return false;
    }

    /** A bare token up to a separator; for JSON-kind values, a balanced bracket expression. */
    private String bare(boolean balanced) {
        int start = pos;
        int depth = 0;
        while (pos < end) {
            byte c = b[pos];
            if (balanced && (c == '[' || c == '(' || c == '{')) {
                depth++;
            } else if (balanced && depth > 0 && (c == ']' || c == ')' || c == '}')) {
                depth--;
            } else if (depth == 0 && (c == ',' || c == ']' || c == ')' || c == '}' || c == ':')) {
                break;
            } else if (c == '\'') {
                skipQuoted();
                continue;
            }
            pos++;
        }
        return new String(b, start, pos - start, StandardCharsets.UTF_8);
    }

    private void skipQuoted() {
        pos++;
        while (pos < end && b[pos] != '\'') {
            pos += b[pos] == '\\' ? 2 : 1;
        }
        pos++;
    }

    private String quoted() throws StreamSignals.Malformed {
        pos++;
        scratch.reset();
        while (true) {
            if (pos >= end) {
                throw fail("unterminated quoted string");
            }
            byte c = b[pos++];
            if (c == '\'') {
                byte[] bytes = scratch.toByteArray();
                return Values.utf8Strict(bytes, 0, bytes.length);
            }
            if (c != '\\') {
                scratch.write(c);
                continue;
            }
            if (pos >= end) {
                throw fail("unterminated escape");
            }
            byte e = b[pos++];
            if (e == 'x' && pos + 2 <= end) {
                int hi = Character.digit(b[pos], 16);
                int lo = Character.digit(b[pos + 1], 16);
                if (hi >= 0 && lo >= 0) {
                    scratch.write(hi << 4 | lo);
                    pos += 2;
                    continue;
                }
            }
            scratch.write(Escapes.unescape(e));
        }
    }
}
