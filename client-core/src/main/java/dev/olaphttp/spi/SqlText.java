package dev.olaphttp.spi;

import java.util.Locale;
import java.util.regex.Pattern;

/** Small, quote- and comment-aware helpers for looking at SQL text. Never rewrite SQL with them. */
public final class SqlText {
    private SqlText() {}

    /** The index of the first character that is not white space, a comment or an opening parenthesis. */
    public static int skipNoise(String sql, int from) {
        return skip(sql, from, true);
    }

    private static int skip(String sql, int from, boolean parens) {
        int i = from;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || (parens && c == '(')) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int nl = sql.indexOf('\n', i);
                i = nl < 0 ? n : nl + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else {
                break;
            }
        }
        return i;
    }

    /** The first keyword, upper-case ({@code SELECT}, {@code WITH}, {@code SET}...), or "" if none. */
    public static String firstKeyword(String sql) {
        int i = skipNoise(sql, 0);
        int start = i;
        while (i < sql.length() && (Character.isLetter(sql.charAt(i)) || sql.charAt(i) == '_')) {
            i++;
        }
        return sql.substring(start, i).toUpperCase(Locale.ROOT);
    }

    /**
     * True for statements that only read: SHOW, DESC/DESCRIBE, EXISTS, VALUES, SELECT without INTO, and WITH or
     * EXPLAIN statements that contain no writing keyword anywhere (INSERT, UPDATE, DELETE, MERGE, REPLACE, CREATE, DROP,
     * ALTER, TRUNCATE, COPY, OPTIMIZE, KILL, SYSTEM, INTO). Deliberately conservative: a write keyword even inside a
     * string literal makes the statement count as writing, which only disables automatic retries.
     */
    public static boolean isReadOnly(String sql) {
        return switch (firstKeyword(sql)) {
            case "SHOW", "DESC", "DESCRIBE", "EXISTS", "VALUES" -> true;
            case "SELECT" -> !INTO.matcher(sql).find(); // SELECT ... INTO creates or writes something
            case "WITH", "EXPLAIN" -> !WRITES.matcher(sql).find();
            default -> false;
        };
    }

    private static final Pattern INTO = Pattern.compile("\\bINTO\\b", Pattern.CASE_INSENSITIVE);

    private static final Pattern WRITES = Pattern.compile(
            "\\b(INSERT|UPDATE|DELETE|MERGE|REPLACE|UPSERT|CREATE|DROP|ALTER|TRUNCATE|COPY|OPTIMIZE|KILL|SYSTEM|INTO)\\b",
            Pattern.CASE_INSENSITIVE);

    /** The text without leading noise and without trailing white space and semicolons. */
    public static String trimStatement(String sql) {
        int start = skip(sql, 0, false);
        int end = sql.length();
        while (end > start && (Character.isWhitespace(sql.charAt(end - 1)) || sql.charAt(end - 1) == ';')) {
            end--;
        }
        return sql.substring(start, end);
    }
}
