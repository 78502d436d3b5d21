package dev.olaphttp.clickhouse.internal.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Builds small result bodies (columns {@code n UInt64, s String}) in each format for tests. */
final class Bodies {
    static final String TAG = "rnywyenlaeqynhmu";
    static final String TIMEOUT = "Code: 159. DB::Exception: Timeout exceeded: elapsed 126.147987 ms, maximum: 100 ms."
            + " (TIMEOUT_EXCEEDED) (version 25.12.1.649 (official build))";

    private Bodies() {
    }

    static byte[] header(ResultFormat f) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (f) {
            case TSV -> out.writeBytes("n\ts\nUInt64\tString\n".getBytes(StandardCharsets.UTF_8));
            case JSON_COMPACT -> out.writeBytes("[\"n\", \"s\"]\n[\"UInt64\", \"String\"]\n"
                    .getBytes(StandardCharsets.UTF_8));
            case ROW_BINARY -> {
                out.write(2);
                str(out, "n");
                str(out, "s");
                str(out, "UInt64");
                str(out, "String");
            }
        }
        return out.toByteArray();
    }

    static byte[] row(ResultFormat f, long n) {
        String s = "value-" + n;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (f) {
            case TSV -> out.writeBytes((n + "\t" + s + "\n").getBytes(StandardCharsets.UTF_8));
            case JSON_COMPACT -> out.writeBytes(("[" + n + ", \"" + s + "\"]\n").getBytes(StandardCharsets.UTF_8));
            case ROW_BINARY -> {
                for (int i = 0; i < 8; i++) {
                    out.write((int) (n >>> (8 * i)));
                }
                str(out, s);
            }
        }
        return out.toByteArray();
    }

    /** A header and {@code rows} rows. */
    static byte[] body(ResultFormat f, int rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header(f));
        for (int i = 0; i < rows; i++) {
            out.writeBytes(row(f, i));
        }
        return out.toByteArray();
    }

    static byte[] taggedBlock(String tag, String message) {
        byte[] msg = message.getBytes(StandardCharsets.UTF_8);
        String block = "\r\n__exception__\r\n" + tag + "\r\n" + message + "\n" + (msg.length + 1) + " " + tag
                + "\r\n__exception__\r\n";
        return block.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static void str(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int n = b.length;
        while (n >= 0x80) {
            out.write(n & 0x7f | 0x80);
            n >>>= 7;
        }
        out.write(n);
        out.writeBytes(b);
    }

    /** Serves {@code data} in small chunks, then fails with {@code failure} (or ends if null). */
    static InputStream stream(byte[] data, IOException failure) {
        return new InputStream() {
            private int pos;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (pos >= data.length) {
                    if (failure != null) {
                        throw failure;
                    }
                    return -1;
                }
                int n = Math.min(Math.min(len, 1000), data.length - pos);
                System.arraycopy(data, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }
}
