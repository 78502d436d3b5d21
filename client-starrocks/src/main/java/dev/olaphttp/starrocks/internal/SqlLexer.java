package dev.olaphttp.starrocks.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A small lexer for StarRocks SQL, aware of quotes ({@code '...'}, {@code "..."} with backslash escapes and doubled
 * quotes), back-quoted identifiers and comments ({@code --} and {@code /* *}{@code /}, as in StarRocks' lexer, where
 * {@code #} starts no comment). It never rewrites
 * SQL; it tells where tokens and placeholders are.
 */
final class SqlLexer {
    /** Kinds of tokens. */
    enum Kind {
        WORD,
        STRING,
        QUOTED_IDENT,
        NUMBER,
        SYMBOL
    }

    /** One token: kind, its text (unquoted for strings and quoted identifiers) and where it starts and ends. */
    record Token(Kind kind, String text, int start, int end) {
        boolean isWord(String w) {
            return kind == Kind.WORD && text.equalsIgnoreCase(w);
        }

        boolean isSymbol(String s) {
            return kind == Kind.SYMBOL && text.equals(s);
        }
    }

    private SqlLexer() {}

    /** The tokens of {@code sql}; an unterminated quote or comment is an {@link IllegalArgumentException}. */
    static List<Token> tokens(String sql) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (isCommentStart(sql, i)) {
                i = skipComment(sql, i);
            } else if (c == '\'' || c == '"') {
                int end = quoteEnd(sql, i);
                out.add(new Token(Kind.STRING, unquote(sql.substring(i + 1, end - 1), c), i, end));
                i = end;
            } else if (c == '`') {
                int end = quoteEnd(sql, i);
                out.add(new Token(Kind.QUOTED_IDENT, sql.substring(i + 1, end - 1).replace("``", "`"), i, end));
                i = end;
            } else if (Character.isLetter(c) || c == '_' || c == '@' || c == '$') {
                int s = i;
                boolean variable = c == '@';
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || "_@$".indexOf(sql.charAt(i)) >= 0
                        || (variable && sql.charAt(i) == '.'))) {
                    i++;
                }
                out.add(new Token(Kind.WORD, sql.substring(s, i), s, i));
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
                int s = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.'
                        || ((sql.charAt(i) == '-' || sql.charAt(i) == '+')
                                && (sql.charAt(i - 1) == 'e' || sql.charAt(i - 1) == 'E')))) {
                    i++;
                }
                out.add(new Token(Kind.NUMBER, sql.substring(s, i), s, i));
            } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == '=') {
                out.add(new Token(Kind.SYMBOL, ":=", i, i + 2));
                i += 2;
            } else {
                out.add(new Token(Kind.SYMBOL, String.valueOf(c), i, i + 1));
                i++;
            }
        }
        return out;
    }

    static boolean isCommentStart(String sql, int i) {
        char c = sql.charAt(i);
        if (i + 1 >= sql.length()) {
            return false;
        }
        char d = sql.charAt(i + 1);
        return (c == '-' && d == '-') || (c == '/' && d == '*');
    }

    /** The index just past the comment starting at {@code i}. */
    static int skipComment(String sql, int i) {
        if (sql.charAt(i) == '/') {
            int end = sql.indexOf("*/", i + 2);
            if (end < 0) {
                throw new IllegalArgumentException("SQL has an unterminated /* comment");
            }
            return end + 2;
        }
        // StarRocks ends a -- comment at CR or LF (SIMPLE_COMMENT: '--' ~[\r\n]* '\r'? '\n'?)
        int j = i + 2;
        while (j < sql.length() && sql.charAt(j) != '\n' && sql.charAt(j) != '\r') {
            j++;
        }
        return j;
    }

    /** The index just past the quoted text starting at {@code i} (quote char at {@code i}). */
    static int quoteEnd(String sql, int i) {
        char q = sql.charAt(i);
        int j = i + 1;
        int n = sql.length();
        while (j < n) {
            char c = sql.charAt(j);
            if (c == '\\' && q != '`') {
                j += 2;
            } else if (c == q) {
                if (j + 1 < n && sql.charAt(j + 1) == q) {
                    j += 2;
                } else {
                    return j + 1;
                }
            } else {
                j++;
            }
        }
        throw new IllegalArgumentException("SQL has an unterminated " + q + " quote");
    }

    private static String unquote(String body, char q) {
        if (body.indexOf('\\') < 0 && body.indexOf(q) < 0) {
            return body;
        }
        StringBuilder sb = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                char e = body.charAt(++i);
                sb.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case '0' -> '\0';
                    case 'b' -> '\b';
                    case 'Z' -> '\032';
                    default -> e;
                });
            } else if (c == q && i + 1 < body.length() && body.charAt(i + 1) == q) {
                sb.append(q);
                i++;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
