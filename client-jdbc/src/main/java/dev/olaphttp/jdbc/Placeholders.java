package dev.olaphttp.jdbc;

import java.util.Arrays;

/**
 * The positions of JDBC {@code ?} placeholders in a statement: outside quoted strings and identifiers
 * ({@code '...'}, {@code "..."}, {@code `...`}, with doubled quotes and backslash escapes) and comments
 * ({@code --}, {@code #}, {@code /* *}{@code /}). Immutable.
 */
final class Placeholders {
    private final String sql;
    private final int[] positions;

    private Placeholders(String sql, int[] positions) {
        this.sql = sql;
        this.positions = positions;
    }

    static Placeholders of(String sql) {
        int[] found = new int[8];
        int count = 0;
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = quoteEnd(sql, i, c);
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-' || c == '#') {
                int nl = sql.indexOf('\n', i);
                i = nl < 0 ? n : nl + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else {
                if (c == '?') {
                    if (count == found.length) {
                        found = Arrays.copyOf(found, count * 2);
                    }
                    found[count++] = i;
                }
                i++;
            }
        }
        return new Placeholders(sql, Arrays.copyOf(found, count));
    }

    private static int quoteEnd(String sql, int start, char q) {
        int n = sql.length();
        int i = start + 1;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\\' && q != '`') {
                i += 2;
            } else if (c == q) {
                if (i + 1 < n && sql.charAt(i + 1) == q) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return n;
    }

    String sql() {
        return sql;
    }

    int count() {
        return positions.length;
    }

    /** The SQL with placeholder {@code i} (0-based) replaced by {@code replacement.apply(i)}. */
    String replace(java.util.function.IntFunction<String> replacement) {
        if (positions.length == 0) {
            return sql;
        }
        StringBuilder out = new StringBuilder(sql.length() + positions.length * 16);
        int from = 0;
        for (int i = 0; i < positions.length; i++) {
            out.append(sql, from, positions[i]).append(replacement.apply(i));
            from = positions[i] + 1;
        }
        return out.append(sql, from, sql.length()).toString();
    }
}
