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
        if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-'
                || c == '#' && i + 1 < n && (sql.charAt(i + 1) == '!' || sql.charAt(i + 1) == ' ')) {
            int nl = sql.indexOf('\n', i);
            return nl < 0 ? n : nl + 1;
        }
        if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
            return blockCommentEnd(sql, i);
        }
        if (c == '$') {
            return heredocEnd(sql, i);
        }
        return i;
    }

    /**
     * The end of a block comment; modern servers nest them ({@code /* a /* b *}{@code / c *}{@code /} is one
     * comment), so nesting is followed: where a server does not nest, the text taken as comment here is longer,
     * and a placeholder in it is left as written (the server then rejects it) rather than substituted.
     */
    private static int blockCommentEnd(String sql, int i) {
        int n = sql.length();
        int depth = 0;
        int j = i;
        while (j + 1 < n) {
            if (sql.charAt(j) == '/' && sql.charAt(j + 1) == '*') {
                depth++;
                j += 2;
            } else if (sql.charAt(j) == '*' && sql.charAt(j + 1) == '/') {
                depth--;
                j += 2;
                if (depth == 0) {
                    return j;
                }
            } else {
                j++;
            }
        }
        return n;
    }

    /** The end of a heredoc string {@code $tag$ ... $tag$} (or {@code $$ ... $$}) at {@code i}, or {@code i}. */
    private static int heredocEnd(String sql, int i) {
        int n = sql.length();
        int j = i + 1;
        while (j < n && isIdentPart(sql.charAt(j))) {
            j++;
        }
        if (j >= n || sql.charAt(j) != '$') {
            return i;
        }
        String tag = sql.substring(i, j + 1);
        int end = sql.indexOf(tag, j + 1);
        return end < 0 ? n : end + tag.length();
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
