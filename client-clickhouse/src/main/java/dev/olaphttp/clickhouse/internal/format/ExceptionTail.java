package dev.olaphttp.clickhouse.internal.format;

import java.nio.charset.StandardCharsets;

/**
 * Finds a ClickHouse mid-stream exception at the end of a body: the tagged block of 25.11+
 * ({@code \r\n__exception__\r\n<TAG>\r\n<message>\n<len> <TAG>\r\n__exception__\r\n}), the untagged
 * {@code __exception__\r\n<message>} marker of 24.11+, or the legacy {@code Code: N, ...DB::Exception...} text that
 * older servers append after the last row.
 */
final class ExceptionTail {
    private static final byte[] MARKER = "__exception__\r\n".getBytes(StandardCharsets.US_ASCII);

    /** Where the data ends and the server's message. */
    record Found(int dataEnd, String message) {
    }

    private ExceptionTail() {
    }

    /** Looks for the tagged block ending at {@code end}; {@code null} if there is none. */
    static Found tagged(byte[] b, int from, int end, String tag) {
        byte[] t = tag.getBytes(StandardCharsets.US_ASCII);
        // trailer: " <TAG>\r\n__exception__\r\n"
        int trailer = 1 + t.length + 2 + MARKER.length;
        int p = end - trailer;
        if (p <= from || b[p] != ' ' || !regionEquals(b, p + 1, t) || b[p + 1 + t.length] != '\r'
                || b[p + 2 + t.length] != '\n' || !regionEquals(b, p + 3 + t.length, MARKER)) {
            return null;
        }
        int digitsEnd = p;
        int digitsStart = p;
        while (digitsStart > from && digitsStart > p - 10 && isDigit(b[digitsStart - 1])) {
            digitsStart--;
        }
        if (digitsStart == digitsEnd) {
            return null;
        }
        long len = Long.parseLong(new String(b, digitsStart, digitsEnd - digitsStart, StandardCharsets.US_ASCII));
        int msgStart = (int) Math.max(Integer.MIN_VALUE, digitsStart - len);
        byte[] opener = ("\r\n__exception__\r\n" + tag + "\r\n").getBytes(StandardCharsets.US_ASCII);
        if (len >= 1 && msgStart - opener.length >= from && regionEquals(b, msgStart - opener.length, opener)) {
            return new Found(msgStart - opener.length, text(b, msgStart, digitsStart - 1));
        }
        // length disagrees: fall back to the last opener before the trailer
        for (int i = digitsStart - opener.length; i >= from; i--) {
            if (regionEquals(b, i, opener)) {
                int ms = i + opener.length;
                int me = digitsStart > ms && b[digitsStart - 1] == '\n' ? digitsStart - 1 : digitsStart;
                return new Found(i, text(b, ms, me));
            }
        }
        return null;
    }

    /**
     * Looks for an untagged exception at the end of a body (servers before 25.11). With {@code lineStart} the
     * text must start a line (text formats, where rows end with a newline); otherwise it may follow any byte
     * (RowBinary). {@code null} if there is none.
     */
    static Found untagged(byte[] b, int from, int end, boolean lineStart) {
        if (end - from < 8) {
            return null;
        }
        // Text formats: the last line-starting "Code: " (rows end with a newline). RowBinary: the earliest match,
        // so that a message quoting another "Code: N." is never partly taken for row bytes.
        Found best = null;
        for (int i = end - 6; i >= from; i--) {
            if (b[i] == 'C' && b[i + 1] == 'o' && b[i + 2] == 'd' && b[i + 3] == 'e' && b[i + 4] == ':'
                    && b[i + 5] == ' ') {
                boolean atLine = i == from || b[i - 1] == '\n';
                int markerStart = i - MARKER.length;
                boolean afterMarker = markerStart >= from && regionEquals(b, markerStart, MARKER);
                if (!afterMarker && (b[end - 1] != '\n' || lineStart && !atLine)) {
                    continue;
                }
                String msg = text(b, i, end);
                if (ServerErrorText.looksLikeException(msg)) {
                    int dataEnd = afterMarker ? markerStart : i;
                    if (afterMarker && dataEnd - 2 >= from && b[dataEnd - 2] == '\r' && b[dataEnd - 1] == '\n') {
                        dataEnd -= 2;
                    }
                    best = new Found(dataEnd, msg);
                    if (lineStart || afterMarker) {
                        return best;
                    }
                }
            }
        }
        return best;
    }

    private static String text(byte[] b, int start, int end) {
        return new String(b, start, Math.max(0, end - start), StandardCharsets.UTF_8);
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static boolean regionEquals(byte[] b, int at, byte[] what) {
        if (at < 0 || at + what.length > b.length) {
            return false;
        }
        for (int i = 0; i < what.length; i++) {
            if (b[at + i] != what[i]) {
                return false;
            }
        }
        return true;
    }
}
