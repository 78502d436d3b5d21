package dev.olaphttp.clickhouse.internal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ClickHouse's {@code {name:Type}} placeholders, found outside literals and comments, and their binding: as
 * {@code param_name} URL parameters for servers that support them, or substituted client-side with
 * {@code CAST(literal AS Type)} for servers that do not.
 */
final class Placeholders {
    /** One placeholder occurrence: [start, end) in the SQL. */
    record Placeholder(int start, int end, String name, String type) {}

    private Placeholders() {}

    static List<Placeholder> find(String sql) {
        List<Placeholder> out = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            int skip = SqlLexer.skipQuotedOrComment(sql, i);
            if (skip != i) {
                i = skip;
                continue;
            }
            if (sql.charAt(i) == '{') {
                Placeholder p = at(sql, i);
                if (p != null) {
                    out.add(p);
                    i = p.end();
                    continue;
                }
            }
            i++;
        }
        return out;
    }

    private static Placeholder at(String sql, int open) {
        int n = sql.length();
        int i = open + 1;
        while (i < n && Character.isWhitespace(sql.charAt(i))) {
            i++;
        }
        if (i >= n || !SqlLexer.isIdentStart(sql.charAt(i))) {
            return null;
        }
        int nameEnd = SqlLexer.identEnd(sql, i);
        String name = sql.substring(i, nameEnd);
        int j = nameEnd;
        while (j < n && Character.isWhitespace(sql.charAt(j))) {
            j++;
        }
        if (j >= n || sql.charAt(j) != ':') {
            return null;
        }
        int typeStart = j + 1;
        int depth = 0;
        for (int k = typeStart; k < n; k++) {
            char c = sql.charAt(k);
            if (c == '\'' || c == '"' || c == '`') {
                k = SqlLexer.skipQuotedOrComment(sql, k) - 1;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '}' && depth == 0) {
                String type = sql.substring(typeStart, k).trim();
                return type.isEmpty() ? null : new Placeholder(open, k + 1, name, type);
            }
        }
        return null;
    }

    /** The {@code param_} values for a modern server. Unknown names are an error; values are never quoted. */
    static List<Map.Entry<String, String>> serverParams(String sql, Map<String, Object> values, java.util.function.Supplier<ZoneId> serverZone) {
        List<Placeholder> found = find(sql);
        java.util.Map<String, String> types = new java.util.LinkedHashMap<>();
        for (Placeholder p : found) {
            types.putIfAbsent(p.name(), p.type());
        }
        checkBound(types.keySet(), values);
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            String type = types.getOrDefault(e.getKey(), "");
            out.add(Map.entry("param_" + e.getKey(),
                    new ValueText(ValueText.Target.SERVER_PARAM, serverZone, e.getKey()).serverParam(e.getValue(), type)));
        }
        return out;
    }

    /** The SQL with every placeholder replaced by a safely quoted literal cast to its type. */
    static String substitute(String sql, Map<String, Object> values, java.util.function.Supplier<ZoneId> serverZone) {
        return render(sql, values, serverZone).sql();
    }

    /** A substituted statement and the expressions put in, so that server messages quoting them can be redacted. */
    record Rendered(String sql, List<String> expressions) {}

    /** Like {@link #substitute}, also returning the rendered expressions. */
    static Rendered render(String sql, Map<String, Object> values, java.util.function.Supplier<ZoneId> serverZone) {
        List<Placeholder> found = find(sql);
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        found.forEach(p -> names.add(p.name()));
        checkBound(names, values);
        StringBuilder sb = new StringBuilder(sql.length() + 32);
        List<String> expressions = new ArrayList<>();
        int last = 0;
        for (Placeholder p : found) {
            sb.append(sql, last, p.start());
            ValueText vt = new ValueText(ValueText.Target.SQL_LITERAL, serverZone, p.name());
            String expr = vt.sqlExpression(values.get(p.name()), p.type());
            expressions.add(expr);
            if (sb.length() > 0 && joins(sb.charAt(sb.length() - 1))) {
                sb.append(' ');
            }
            sb.append(expr);
            last = p.end();
        }
        return new Rendered(sb.append(sql, last, sql.length()).toString(), List.copyOf(expressions));
    }

    /**
     * Whether a character before the expression would run into it ({@code xCAST}, {@code 1CAST}); every other one
     * is followed directly, so that nothing is put between an operator and the expression ({@code #} then a space
     * would open a comment). The expression itself starts with a letter or back-quote and ends with {@code )} or a
     * back-quote, and its literals hold no quote, comment or heredoc opener (see {@link ValueText}).
     */
    private static boolean joins(char c) {
        return SqlLexer.isIdentPart(c) || c == '$';
    }

    private static void checkBound(java.util.Set<String> names, Map<String, Object> values) {
        for (String name : names) {
            if (!values.containsKey(name)) {
                throw new dev.olaphttp.InvalidRequestException("no value bound for placeholder {" + name + ":...}",
                        dev.olaphttp.ErrorDetails.of(ChErrors.DIALECT, null));
            }
        }
    }
}
