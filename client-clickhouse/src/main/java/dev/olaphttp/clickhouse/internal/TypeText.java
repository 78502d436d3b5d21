package dev.olaphttp.clickhouse.internal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Just enough of a ClickHouse type string to render parameter values: wrappers, arguments, zone. */
final class TypeText {
    private TypeText() {}

    /** The type without {@code Nullable(...)} and {@code LowCardinality(...)} wrappers. */
    static String unwrap(String type) {
        String t = type.trim();
        while (true) {
            String base = base(t);
            if (base.equals("Nullable") || base.equals("LowCardinality")) {
                t = args(t).get(0);
            } else {
                return t;
            }
        }
    }

    /** The name before the parenthesis: {@code Array} of {@code Array(UInt8)}. */
    static String base(String type) {
        String t = type.trim();
        int p = t.indexOf('(');
        return (p < 0 ? t : t.substring(0, p)).trim();
    }

    /** The top-level arguments inside the parentheses, trimmed; empty when none. */
    static List<String> args(String type) {
        String t = type.trim();
        int p = t.indexOf('(');
        List<String> out = new ArrayList<>();
        if (p < 0 || !t.endsWith(")")) {
            return out;
        }
        int depth = 0;
        int start = p + 1;
        for (int i = p + 1; i < t.length() - 1; i++) {
            char c = t.charAt(i);
            if (c == '\'' || c == '`' || c == '"') {
                i = SqlLexer.skipQuotedOrComment(t, i) - 1;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(t.substring(start, i).trim());
                start = i + 1;
            }
        }
        String last = t.substring(start, t.length() - 1).trim();
        if (!last.isEmpty()) {
            out.add(last);
        }
        return out;
    }

    /** The zone of {@code DateTime('Zone')} / {@code DateTime64(3, 'Zone')}, or {@code null}. */
    static ZoneId zone(String type) {
        for (String a : args(unwrap(type))) {
            if (a.startsWith("'") && a.endsWith("'") && a.length() > 2) {
                return ZoneId.of(a.substring(1, a.length() - 1));
            }
        }
        return null;
    }

    /** The element type of an array, the i-th of a tuple, or the key (0) / value (1) of a map; {@code ""} if unknown. */
    static String arg(String type, int i) {
        List<String> a = args(unwrap(type));
        if (i >= a.size()) {
            return "";
        }
        String s = a.get(i);
        // named tuple element "name Type"
        int sp = s.indexOf(' ');
        if (base(unwrap(type)).equals("Tuple") && sp > 0 && s.indexOf('(') < 0 | sp < s.indexOf('(')) {
            String rest = s.substring(sp + 1).trim();
            return rest.isEmpty() ? s : rest;
        }
        return s;
    }
}
