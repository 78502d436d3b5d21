package dev.olaphttp.starrocks.internal.load;

import dev.olaphttp.SqlType;
import dev.olaphttp.TypeKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes ARRAY, MAP and STRUCT values (and values for JSON columns) as JSON text, the form StarRocks reads for
 * them in both CSV and JSON loads. Element types, when known, shape the elements (a STRUCT given as a list becomes
 * an object keyed by the field names; dates and date-times become their text forms).
 */
final class NestedJson {
    private static final int MAX_DEPTH = 64;

    private NestedJson() {}

    static void write(Object v, SqlType type, ZoneId zone, StringBuilder out) {
        write(v, type, zone, out, 0);
    }

    private static void write(Object v, SqlType type, ZoneId zone, StringBuilder out, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("a value nested deeper than " + MAX_DEPTH + " levels");
        }
        TypeKind kind = type == null ? null : type.kind();
        if (v == null) {
            out.append("null");
        } else if (kind == TypeKind.TUPLE && (v instanceof List<?> || v instanceof Object[])) {
            List<?> values = v instanceof Object[] a ? List.of(a) : (List<?>) v;
            List<String> names = type.fieldNames();
            if (values.size() != names.size()) {
                throw new IllegalArgumentException("a struct of " + values.size() + " values for "
                        + names.size() + " fields");
            }
            out.append('{');
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                string(names.get(i), out);
                out.append(':');
                write(values.get(i), element(type, i), zone, out, depth + 1);
            }
            out.append('}');
        } else if (v instanceof Map<?, ?> m) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                if (e.getKey() == null) {
                    throw new IllegalArgumentException("a map with a null key");
                }
                StringBuilder key = new StringBuilder();
                scalar(e.getKey(), kind == TypeKind.MAP ? element(type, 0) : null, zone, key, true);
                string(key, out);
                out.append(':');
                SqlType valueType = kind == TypeKind.MAP ? element(type, 1)
                        : kind == TypeKind.TUPLE ? fieldType(type, String.valueOf(e.getKey())) : null;
                write(e.getValue(), valueType, zone, out, depth + 1);
            }
            out.append('}');
        } else if (v instanceof Collection<?> || v instanceof Object[]) {
            Iterator<?> it = v instanceof Object[] a ? List.of(a).iterator() : ((Collection<?>) v).iterator();
            SqlType elementType = kind == TypeKind.ARRAY ? element(type, 0) : null;
            out.append('[');
            for (boolean first = true; it.hasNext(); first = false) {
                if (!first) {
                    out.append(',');
                }
                write(it.next(), elementType, zone, out, depth + 1);
            }
            out.append(']');
        } else {
            scalar(v, type, zone, out, false);
        }
    }

    private static void scalar(Object v, SqlType type, ZoneId zone, StringBuilder out, boolean asKey) {
        TypeKind kind = type == null ? null : type.kind();
        if (v instanceof Boolean b) {
            out.append(b ? (asKey ? "1" : "true") : (asKey ? "0" : "false"));
        } else if (v instanceof Double d && !d.isInfinite() && !d.isNaN()
                || v instanceof Float f && !f.isInfinite() && !f.isNaN()) {
            out.append(v);
        } else if (v instanceof Double || v instanceof Float) {
            throw new IllegalArgumentException("NaN or infinity (JSON has no such number)");
        } else if (v instanceof BigDecimal d) {
            out.append(d.toPlainString());
        } else if (v instanceof Number n) {
            out.append(n);
        } else if (v instanceof byte[] b) {
            StringBuilder s = new StringBuilder();
            TextForms.utf8(b, s);
            quote(s, out, asKey);
        } else if (v instanceof LocalDate d && kind != TypeKind.TIMESTAMP) {
            StringBuilder s = new StringBuilder(10);
            TextForms.date(d, s);
            quote(s, out, asKey);
        } else if (TextForms.localDateTime(v, zone) != null) {
            StringBuilder s = new StringBuilder(26);
            TextForms.dateTime(TextForms.localDateTime(v, zone), s);
            quote(s, out, asKey);
        } else {
            quote(v.toString(), out, asKey);
        }
    }

    private static void quote(CharSequence s, StringBuilder out, boolean asKey) {
        if (asKey) {
            out.append(s);
        } else {
            string(s, out);
        }
    }

    private static SqlType element(SqlType type, int i) {
        List<SqlType> e = type.elements();
        return i < e.size() ? e.get(i) : null;
    }

    private static SqlType fieldType(SqlType type, String name) {
        int i = type.fieldNames().indexOf(name);
        return i < 0 ? null : element(type, i);
    }

    /** Appends a quoted JSON string; lone surrogates are refused. */
    static void string(CharSequence s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
                    } else if (Character.isSurrogate(c)) {
                        if (Character.isHighSurrogate(c) && i + 1 < s.length()
                                && Character.isLowSurrogate(s.charAt(i + 1))) {
                            out.append(c).append(s.charAt(++i));
                        } else {
                            throw new IllegalArgumentException("text with an unpaired UTF-16 surrogate");
                        }
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
