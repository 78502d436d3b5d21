package dev.olaphttp.clickhouse.internal;

import dev.olaphttp.spi.SessionDelta;
import dev.olaphttp.spi.SqlText;

/**
 * Recognises {@code USE db} and {@code SET a = 1[, b = 'x']} so that, without a server session, they become a
 * {@link SessionDelta} (database and URL settings for the following statements) instead of a request. Anything
 * else ({@code SET ROLE}, expressions) is not recognised and goes to the server as written.
 */
final class SessionStatements {
    private SessionStatements() {}

    /** The delta of a {@code USE} or simple {@code SET} statement, or {@code null} when it is neither. */
    static SessionDelta parse(String sql) {
        String kw = SqlText.firstKeyword(sql);
        if (!kw.equals("USE") && !kw.equals("SET")) {
            return null;
        }
        String s = SqlText.trimStatement(sql);
        Cursor c = new Cursor(s, 3);
        SessionDelta.Builder delta = SessionDelta.builder();
        if (kw.equals("USE")) {
            String db = c.name();
            if (db == null || !c.atEnd()) {
                return null;
            }
            return delta.database(db).build();
        }
        do {
            String name = c.name();
            if (name == null || name.equalsIgnoreCase("ROLE") || name.equalsIgnoreCase("DEFAULT") || !c.eat('=')) {
                return null;
            }
            String value = c.literal();
            if (value == null) {
                return null;
            }
            delta.set(name, value);
        } while (c.eat(','));
        return c.atEnd() ? delta.build() : null;
    }

    /** A tiny cursor over one statement. */
    private static final class Cursor {
        private final String s;
        private int i;

        Cursor(String s, int start) {
            this.s = s;
            this.i = start;
        }

        private void space() {
            while (i < s.length()) {
                int skip = Character.isWhitespace(s.charAt(i)) ? i + 1 : commentEnd();
                if (skip == i) {
                    return;
                }
                i = skip;
            }
        }

        private int commentEnd() {
            char c = s.charAt(i);
            return c == '-' || c == '/' ? SqlLexer.skipQuotedOrComment(s, i) : i;
        }

        boolean atEnd() {
            space();
            return i >= s.length();
        }

        boolean eat(char ch) {
            space();
            if (i < s.length() && s.charAt(i) == ch) {
                i++;
                return true;
            }
            return false;
        }

        /** A plain, back-quoted or double-quoted identifier. */
        String name() {
            space();
            if (i >= s.length()) {
                return null;
            }
            char c = s.charAt(i);
            if (c == '`' || c == '"') {
                String v = quoted(c);
                return v == null || v.isEmpty() ? null : v;
            }
            if (!SqlLexer.isIdentStart(c)) {
                return null;
            }
            int end = SqlLexer.identEnd(s, i);
            String v = s.substring(i, end);
            i = end;
            return v;
        }

        /** A number, a single-quoted string (unescaped), or a bare word such as {@code true}. */
        String literal() {
            space();
            if (i >= s.length()) {
                return null;
            }
            char c = s.charAt(i);
            if (c == '\'') {
                return quoted('\'');
            }
            int start = i;
            if (c == '-' || c == '+') {
                i++;
            }
            while (i < s.length() && (SqlLexer.isIdentPart(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            return i == start ? null : s.substring(start, i);
        }

        private String quoted(char q) {
            StringBuilder sb = new StringBuilder();
            int j = i + 1;
            while (j < s.length()) {
                char d = s.charAt(j);
                if (d == '\\' && j + 1 < s.length()) {
                    sb.append(unescape(s.charAt(j + 1)));
                    j += 2;
                } else if (d == q) {
                    if (j + 1 < s.length() && s.charAt(j + 1) == q) {
                        sb.append(q);
                        j += 2;
                    } else {
                        i = j + 1;
                        return sb.toString();
                    }
                } else {
                    sb.append(d);
                    j++;
                }
            }
            return null; // unclosed
        }

        private static char unescape(char c) {
            return switch (c) {
                case 'n' -> '\n';
                case 't' -> '\t';
                case 'r' -> '\r';
                case '0' -> '\0';
                case 'b' -> '\b';
                case 'f' -> '\f';
                default -> c;
            };
        }
    }
}
