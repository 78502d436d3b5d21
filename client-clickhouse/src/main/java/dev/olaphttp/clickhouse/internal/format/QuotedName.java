package dev.olaphttp.clickhouse.internal.format;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A quoted string inside a type name (Enum labels, zones, field names), decoded as ClickHouse writes it there and
 * reads it in SQL: backslash escapes {@code \b \f \n \r \t \0 \a \v \e}, {@code \xHH} (a byte; bytes join into
 * UTF-8), any other character after a backslash standing for itself, and a doubled quote for one quote.
 */
final class QuotedName {
    private QuotedName() {
    }

    /** The index just after the closing quote of the string opening at {@code start}, or -1 if unterminated. */
    static int end(String s, int start) {
        char quote = s.charAt(start);
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return -1;
    }

    /** The value of the string in {@code s[start, end)} (quotes included). */
    static String decode(String s, int start, int end) {
        char quote = s.charAt(start);
        StringBuilder run = new StringBuilder(end - start);
        ByteArrayOutputStream bytes = null;
        int i = start + 1;
        int last = end - 1;
        while (i < last) {
            char c = s.charAt(i++);
            if (c == '\\') {
                char e = s.charAt(i++);
                if (e == 'x' && i + 1 < last && hex(s.charAt(i)) >= 0 && hex(s.charAt(i + 1)) >= 0) {
                    bytes = flush(run, bytes);
                    bytes.write(hex(s.charAt(i)) * 16 + hex(s.charAt(i + 1)));
                    i += 2;
                } else {
                    run.append(unescape(e));
                }
            } else if (c == quote) {
                run.append(quote); // the first of a doubled quote
                i++;
            } else {
                run.append(c);
            }
        }
        if (bytes == null) {
            return run.toString();
        }
        return flush(run, bytes).toString(StandardCharsets.UTF_8);
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

    private static ByteArrayOutputStream flush(StringBuilder run, ByteArrayOutputStream bytes) {
        ByteArrayOutputStream out = bytes == null ? new ByteArrayOutputStream() : bytes;
        byte[] b = run.toString().getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
        run.setLength(0);
        return out;
    }
}
