package dev.olaphttp.clickhouse.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An independent tokenizer of ClickHouse SQL for tests, written from ClickHouse's lexer rules (src/Parsers/Lexer.cpp
 * as described in the protocol notes and the SQL reference), not from the client's renderer or {@code SqlLexer}:
 * whitespace; {@code --} line comments (no space needed) and {@code #!}/{@code # } ones; nested block comments;
 * string literals in single quotes with backslash escapes and doubled quotes; quoted identifiers in double quotes
 * and back-quotes; heredocs {@code $tag$...$tag$}; numbers; bare identifiers; operators.
 */
final class ChTestLexer {
    enum Kind { WS, COMMENT, STRING, QUOTED_ID, HEREDOC, NUMBER, IDENT, OP, ERROR }

    /** One token: its kind, [start, end) in the text, and for a string literal its decoded value. */
    record Token(Kind kind, int start, int end, String text, String value) {}

    private ChTestLexer() {}

    static List<Token> tokens(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            int start = i;
            Kind kind;
            String value = null;
            if (Character.isWhitespace(c)) {
                while (i < n && Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                kind = Kind.WS;
            } else if (s.startsWith("--", i) || s.startsWith("#!", i) || s.startsWith("# ", i)) {
                int nl = s.indexOf('\n', i);
                i = nl < 0 ? n : nl + 1;
                kind = Kind.COMMENT;
            } else if (s.startsWith("/*", i)) {
                int depth = 0;
                while (i < n) {
                    if (s.startsWith("/*", i)) {
                        depth++;
                        i += 2;
                    } else if (s.startsWith("*/", i)) {
                        depth--;
                        i += 2;
                        if (depth == 0) {
                            break;
                        }
                    } else {
                        i++;
                    }
                }
                kind = depth == 0 ? Kind.COMMENT : Kind.ERROR;
            } else if (c == '\'' || c == '"' || c == '`') {
                ByteArrayOutputStream v = new ByteArrayOutputStream();
                i++;
                boolean closed = false;
                while (i < n) {
                    char d = s.charAt(i);
                    if (d == '\\' && i + 1 < n) {
                        char e = s.charAt(i + 1);
                        if (e == 'x' && i + 3 < n && hex(s.charAt(i + 2)) >= 0 && hex(s.charAt(i + 3)) >= 0) {
                            v.write(hex(s.charAt(i + 2)) * 16 + hex(s.charAt(i + 3)));
                            i += 4;
                        } else {
                            write(v, unescape(e));
                            i += 2;
                        }
                    } else if (d == c) {
                        if (i + 1 < n && s.charAt(i + 1) == c) {
                            write(v, c);
                            i += 2;
                        } else {
                            i++;
                            closed = true;
                            break;
                        }
                    } else {
                        int cp = s.codePointAt(i);
                        write(v, new String(Character.toChars(cp)));
                        i += Character.charCount(cp);
                    }
                }
                kind = !closed ? Kind.ERROR : c == '\'' ? Kind.STRING : Kind.QUOTED_ID;
                value = v.toString(StandardCharsets.UTF_8);
            } else if (c == '$' && heredocTagEnd(s, i) > 0) {
                int tagEnd = heredocTagEnd(s, i);
                String tag = s.substring(i, tagEnd);
                int close = s.indexOf(tag, tagEnd);
                i = close < 0 ? n : close + tag.length();
                kind = close < 0 ? Kind.ERROR : Kind.HEREDOC;
            } else if (c >= '0' && c <= '9' || c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1))) {
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.'
                        || (s.charAt(i) == '-' || s.charAt(i) == '+') && (s.charAt(i - 1) == 'e' || s.charAt(i - 1) == 'E'))) {
                    i++;
                }
                kind = Kind.NUMBER;
            } else if (Character.isLetter(c) || c == '_') {
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '$')) {
                    i++;
                }
                kind = Kind.IDENT;
            } else {
                String[] multi = {"<=>", "::", "->", "<=", ">=", "!=", "<>", "==", "||", "<<", ">>"};
                i++;
                for (String m : multi) {
                    if (s.startsWith(m, start)) {
                        i = start + m.length();
                        break;
                    }
                }
                kind = Kind.OP;
            }
            out.add(new Token(kind, start, i, s.substring(start, i), value));
        }
        return out;
    }

    /** The tokens without whitespace. */
    static List<Token> significant(String s) {
        return tokens(s).stream().filter(t -> t.kind() != Kind.WS).toList();
    }

    private static int heredocTagEnd(String s, int i) {
        int j = i + 1;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
            j++;
        }
        return j < s.length() && s.charAt(j) == '$' ? j + 1 : -1;
    }

    private static void write(ByteArrayOutputStream v, char c) {
        write(v, String.valueOf(c));
    }

    private static void write(ByteArrayOutputStream v, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        v.write(b, 0, b.length);
    }

    private static char unescape(char e) {
        return switch (e) {
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case '0' -> '\0';
            case 'a' -> (char) 7;
            case 'v' -> (char) 11;
            case 'e' -> (char) 27;
            default -> e;
        };
    }

    private static int hex(char c) {
        return c < 128 ? Character.digit(c, 16) : -1;
    }
}
