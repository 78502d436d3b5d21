package dev.olaphttp.starrocks.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * An independent StarRocks lexer for tests, written from the token rules of StarRocks' {@code StarRocksLex.g4}
 * (fe/fe-core/src/main/java/com/starrocks/sql/parser, read at 0139a862), not from the client's renderer or
 * {@link SqlLexer}. Maximal munch, ties to the rule listed first, case-insensitive (the parser reads through a
 * case-insensitive stream). Hidden channels (white space, {@code --} and {@code /* *}{@code /} comments, hints)
 * produce no token. Characters no rule matches (such as {@code #}, which starts no comment in StarRocks) are
 * one-character {@link Kind#OTHER} tokens, where the real lexer reports an error.
 */
final class StarRocksTestLexer {
    enum Kind { INTEGER, DECIMAL, DOUBLE, STRING, BINARY, IDENT, QUOTED_IDENT, SYMBOL, OTHER }

    /** A token: its kind, raw text, and for strings the value StarRocks unescapes. */
    record Tok(Kind kind, String raw, String value) {
        @Override
        public String toString() {
            return kind + "[" + raw + "]";
        }
    }

    private static final String[] OPERATORS = {"<=>", "...", "[*]", "<>", "!=", "<=", ">=", "||", "&&", "->"};

    private StarRocksTestLexer() {}

    static List<Tok> lex(String s) {
        List<Tok> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\r' || c == '\n' || c == '\t' || c == '\u3000') {
                i++;
            } else if (s.startsWith("--", i)) {
                // SIMPLE_COMMENT: '--' ~[\r\n]* '\r'? '\n'?
                int j = i + 2;
                while (j < n && s.charAt(j) != '\r' && s.charAt(j) != '\n') {
                    j++;
                }
                i = j;
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new IllegalStateException("unterminated comment in: " + s);
                }
                i = end + 2;
            } else if (c == '\'' || c == '"') {
                int j = quoted(s, i, c);
                out.add(new Tok(Kind.STRING, s.substring(i, j), unescape(s.substring(i + 1, j - 1), c)));
                i = j;
            } else if ((c == 'x' || c == 'X') && i + 1 < n && s.charAt(i + 1) == '\'') {
                int end = s.indexOf('\'', i + 2);
                String body = end < 0 ? "" : s.substring(i + 2, end);
                if (end >= 0 && body.indexOf('\\') < 0) {
                    out.add(new Tok(Kind.BINARY, s.substring(i, end + 1), body));
                    i = end + 1;
                } else {
                    i = identifier(s, i, out);
                }
            } else if (c == '`') {
                int j = i + 1;
                while (true) {
                    if (j >= n) {
                        throw new IllegalStateException("unterminated back quote in: " + s);
                    }
                    if (s.charAt(j) == '`') {
                        if (j + 1 < n && s.charAt(j + 1) == '`') {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                out.add(new Tok(Kind.QUOTED_IDENT, s.substring(i, j + 1), null));
                i = j + 1;
            } else if (isDigit(c) || (c == '.' && i + 1 < n && isDigit(s.charAt(i + 1)))) {
                i = number(s, i, out);
            } else if (isLetter(c) || c == '_') {
                i = identifier(s, i, out);
            } else {
                String op = null;
                for (String o : OPERATORS) {
                    if (s.startsWith(o, i)) {
                        op = o;
                        break;
                    }
                }
                if (op == null) {
                    op = String.valueOf(c);
                }
                boolean known = "=<>+-*/%!&|^~@.,;()[]{}:?".indexOf(c) >= 0 || op.length() > 1;
                out.add(new Tok(known ? Kind.SYMBOL : Kind.OTHER, op, null));
                i += op.length();
            }
        }
        return out;
    }

    /** Numbers and identifiers that start with a digit: the longest of the number rules and DIGIT_IDENTIFIER. */
    private static int number(String s, int i, List<Tok> out) {
        int n = s.length();
        int j = i;
        while (j < n && isDigit(s.charAt(j))) {
            j++;
        }
        boolean dot = false;
        Kind kind = Kind.INTEGER;
        if (j < n && s.charAt(j) == '.') {
            dot = true;
            j++;
            while (j < n && isDigit(s.charAt(j))) {
                j++;
            }
            kind = Kind.DECIMAL;
        }
        int numEnd = j;
        if (j < n && (s.charAt(j) == 'e' || s.charAt(j) == 'E')) {
            int k = j + 1;
            if (k < n && (s.charAt(k) == '+' || s.charAt(k) == '-')) {
                k++;
            }
            int d = k;
            while (k < n && isDigit(s.charAt(k))) {
                k++;
            }
            if (k > d) {
                numEnd = k;
                kind = Kind.DOUBLE;
            }
        }
        // DIGIT_IDENTIFIER: DIGIT (LETTER | DIGIT | '_')+ ; DOT_IDENTIFIER: '.' DIGIT_IDENTIFIER
        int start = s.charAt(i) == '.' ? i + 1 : i;
        int k = start;
        if (!dot || s.charAt(i) == '.') {
            while (k < n && (isLetter(s.charAt(k)) || isDigit(s.charAt(k)) || s.charAt(k) == '_')) {
                k++;
            }
        }
        boolean digitIdent = k - start >= 2 && k > numEnd;
        if (digitIdent) {
            if (s.charAt(i) == '.') {
                out.add(new Tok(Kind.SYMBOL, ".", null));
            }
            out.add(new Tok(Kind.IDENT, s.substring(start, k), null));
            return k;
        }
        out.add(new Tok(kind, s.substring(i, numEnd), null));
        return numEnd;
    }

    private static int identifier(String s, int i, List<Tok> out) {
        int j = i + 1;
        while (j < s.length() && (isLetter(s.charAt(j)) || isDigit(s.charAt(j)) || s.charAt(j) == '_')) {
            j++;
        }
        out.add(new Tok(Kind.IDENT, s.substring(i, j), null));
        return j;
    }

    /** SINGLE_QUOTED_TEXT / DOUBLE_QUOTED_TEXT: q ('\\' . | q q | ~(q | '\\'))* q. */
    private static int quoted(String s, int i, char q) {
        int j = i + 1;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (c == '\\') {
                j += 2;
            } else if (c == q) {
                if (j + 1 < s.length() && s.charAt(j + 1) == q) {
                    j += 2;
                } else {
                    return j + 1;
                }
            } else {
                j++;
            }
        }
        throw new IllegalStateException("unterminated quote in: " + s);
    }

    /** StarRocks' unescaping of a string literal's body (MySQL rules; a doubled quote is one quote). */
    private static String unescape(String body, char q) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                char e = body.charAt(++i);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'b' -> sb.append('\b');
                    case '0' -> sb.append('\0');
                    case 'Z' -> sb.append('\032');
                    case '%', '_' -> sb.append('\\').append(e);
                    default -> sb.append(e);
                }
            } else if (c == q && i + 1 < body.length() && body.charAt(i + 1) == q) {
                sb.append(q);
                i++;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** LETTER: [a-zA-Z_$\u0080-\uffff]. */
    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' || c >= '\u0080';
    }
}
