package dev.olaphttp.clickhouse.internal;

/**
 * Walks ClickHouse SQL text, skipping string literals, quoted identifiers and comments, so that the callers only
 * look at real code. Never rewrites SQL by itself.
 */
final class SqlLexer {
    private SqlLexer() {}

    /**
     * The index just after the literal, quoted identifier or comment starting at {@code i}, or {@code i} when none
     * starts there. An unclosed one runs to the end.
     */
    static int skipQuotedOrComment(String sql, int i) {
        int n = sql.length();
        char c = sql.charAt(i);
        if (c == '\'' || c == '"' || c == '`') {
            int j = i + 1;
            while (j < n) {
                char d = sql.charAt(j);
                if (d == '\\') {
                    j += 2;
                } else if (d == c) {
                    if (j + 1 < n && sql.charAt(j + 1) == c) {
                        j += 2; // doubled quote
                    } else {
                        return j + 1;
                    }
                } else {
                    j++;
                }
            }
            return n;
        }
        if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-' || c == '#' && i + 1 < n && sql.charAt(i + 1) == '!') {
            int nl = sql.indexOf('\n', i);
            return nl < 0 ? n : nl + 1;
        }
        if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
            int end = sql.indexOf("*/", i + 2);
            return end < 0 ? n : end + 2;
        }
        return i;
    }

    static boolean isIdentStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    static boolean isIdentPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** The end of the identifier starting at {@code i}. */
    static int identEnd(String sql, int i) {
        int j = i;
        while (j < sql.length() && isIdentPart(sql.charAt(j))) {
            j++;
        }
        return j;
    }

    /**
     * The name of the output format of a {@code FORMAT name} clause at parenthesis depth 0, or {@code null}.
     * {@code INSERT ... FORMAT} is an input format and is ignored here.
     */
    static String outputFormat(String sql) {
        String kw = dev.olaphttp.spi.SqlText.firstKeyword(sql);
        if (kw.equals("INSERT")) {
            return null;
        }
        int depth = 0;
        int i = 0;
        int n = sql.length();
        String found = null;
        while (i < n) {
            int skip = skipQuotedOrComment(sql, i);
            if (skip != i) {
                i = skip;
                continue;
            }
            char c = sql.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
                i++;
            } else if (c == ')' || c == ']') {
                depth--;
                i++;
            } else if (isIdentStart(c) && (i == 0 || !isIdentPart(sql.charAt(i - 1)))) {
                int end = identEnd(sql, i);
                if (depth == 0 && end - i == 6 && sql.regionMatches(true, i, "FORMAT", 0, 6)) {
                    int j = end;
                    while (j < n && Character.isWhitespace(sql.charAt(j))) {
                        j++;
                    }
                    if (j > end && j < n && isIdentStart(sql.charAt(j))) {
                        int fe = identEnd(sql, j);
                        found = sql.substring(j, fe);
                        i = fe;
                        continue;
                    }
                }
                i = end;
            } else {
                i++;
            }
        }
        return found;
    }
}
