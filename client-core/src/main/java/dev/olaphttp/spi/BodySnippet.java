package dev.olaphttp.spi;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The one way olaphttp quotes a response body in a message: a body may hold result rows, so at most
 * {@link #MAX_CHARS} characters of it appear, control characters are escaped ({@code \n}, {@code \u001b}...) so a
 * message stays one line, and the quote is marked with how much of the body it is:
 * {@code <text>... [body snippet, 200 of 5,000 bytes]}.
 */
public final class BodySnippet {
    /** The most characters of a body that ever appear in a message. */
    public static final int MAX_CHARS = 200;

    private BodySnippet() {}

    /** A quote of {@code text}, a whole body; "" for an empty one. */
    public static String quote(String text) {
        return quote(text, utf8Length(text));
    }

    /**
     * A quote of {@code text}, the part of a body that was read (or what remains of it once markup is dropped),
     * from a body of {@code bodyBytes} bytes; "" for an empty text.
     */
    public static String quote(String text, long bodyBytes) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        int end = Math.min(text.length(), MAX_CHARS);
        if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never split a surrogate pair
        }
        StringBuilder sb = new StringBuilder(end + 48);
        for (int i = 0; i < end; i++) {
            escape(text.charAt(i), sb);
        }
        if (end < text.length()) {
            sb.append("...");
        }
        long shown = utf8Length(text.substring(0, end));
        return sb.append(" [body snippet, ").append(String.format(Locale.ROOT, "%,d", shown)).append(" of ")
                .append(String.format(Locale.ROOT, "%,d", Math.max(bodyBytes, shown))).append(" bytes]").toString();
    }

    private static void escape(char c, StringBuilder sb) {
        switch (c) {
            case '\n' -> sb.append("\\n");
            case '\r' -> sb.append("\\r");
            case '\t' -> sb.append("\\t");
            case '\\' -> sb.append("\\\\");
            default -> {
                if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == '\u2028' || c == '\u2029') {
                    sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                } else {
                    sb.append(c);
                }
            }
        }
    }

    private static long utf8Length(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }
}
