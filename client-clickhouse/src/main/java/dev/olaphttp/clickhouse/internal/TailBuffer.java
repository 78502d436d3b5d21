package dev.olaphttp.clickhouse.internal;

import dev.olaphttp.ErrorDetails;
import dev.olaphttp.SqlClientException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The last bytes of a body, kept in a ring, to find a server exception at its end: the tagged block of 25.11+
 * ({@code \r\n__exception__\r\n<TAG>\r\n<message>\n<len> <TAG>\r\n__exception__\r\n}) or the untagged
 * {@code Code: N, ... DB::Exception ...} text older servers append after the data.
 */
final class TailBuffer {
    static final int SIZE = 16 * 1024 + 64;
    private static final java.util.regex.Pattern LEGACY =
            java.util.regex.Pattern.compile("Code: \\d+, e\\.displayText\\(\\) = DB::");

    private final byte[] ring = new byte[SIZE];
    private long total;

    /** Remembers bytes that passed by. */
    void add(byte[] b, int off, int len) {
        if (len >= SIZE) {
            off += len - SIZE;
            total += len - SIZE;
            len = SIZE;
        }
        int pos = (int) (total % SIZE);
        int first = Math.min(len, SIZE - pos);
        System.arraycopy(b, off, ring, pos, first);
        System.arraycopy(b, off + first, ring, 0, len - first);
        total += len;
    }

    /** The remembered bytes, oldest first. */
    byte[] bytes() {
        int n = (int) Math.min(total, SIZE);
        byte[] out = new byte[n];
        long start = total - n;
        for (int i = 0; i < n; i++) {
            out[i] = ring[(int) ((start + i) % SIZE)];
        }
        return out;
    }

    /** Reads a stream to its end, returning its last {@code max} bytes at most. */
    static byte[] readAll(InputStream in, int max) throws IOException {
        TailBuffer t = new TailBuffer();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) > 0) {
            t.add(buf, 0, n);
        }
        byte[] all = t.bytes();
        return all.length <= max ? all : java.util.Arrays.copyOfRange(all, all.length - max, all.length);
    }

    /** The exception at the end of a body, or {@code null} when the tail holds none. */
    static SqlClientException exceptionIn(byte[] tail, String tag, ErrorDetails details) {
        String text = new String(tail, StandardCharsets.UTF_8);
        if (tag != null && !tag.isEmpty()) {
            String trailer = " " + tag + "\r\n__exception__\r\n";
            String opener = "\r\n__exception__\r\n" + tag + "\r\n";
            if (text.endsWith(trailer)) {
                int open = text.lastIndexOf(opener);
                String message = open < 0 ? "" : text.substring(open + opener.length(), text.length() - trailer.length());
                int nl = message.lastIndexOf('\n');
                if (nl >= 0) {
                    message = message.substring(0, nl); // drop "\n<len>"
                }
                ServerError err = ServerError.parse(message);
                return ChErrors.toException(err != null ? err : new ServerError(0, null, message.strip()), details, null);
            }
        }
        int at = text.lastIndexOf("\nCode: ");
        int from = at >= 0 ? at + 1 : (text.startsWith("Code: ") ? 0 : -1);
        if (from < 0) {
            // 18.x appends "Code: N, e.displayText() = DB::..." right after the last value, even without a newline
            java.util.regex.Matcher m = LEGACY.matcher(text);
            int last = -1;
            while (m.find()) {
                last = m.start();
            }
            from = last;
        }
        if (from >= 0 && text.indexOf("DB::", from) > 0) {
            ServerError err = ServerError.parse(text.substring(from));
            if (err != null) {
                return ChErrors.toException(err, details, null);
            }
        }
        return null;
    }
}
