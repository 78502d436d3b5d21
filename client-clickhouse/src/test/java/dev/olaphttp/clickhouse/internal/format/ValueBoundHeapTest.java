package dev.olaphttp.clickhouse.internal.format;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.ProtocolException;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A corrupt or hostile server cannot exhaust the heap with one value: length prefixes far beyond the bound of one
 * value, and values that never end, fail with a ProtocolException in a JVM with a 64 MiB heap (the parent pom's
 * "heap" execution). The bodies are generated as they are read; nothing here holds them.
 */
@Tag("heap")
class ValueBoundHeapTest {
    /** A prefix, then {@code filler} repeated up to {@code total} bytes (or forever when negative). */
    private static final class Endless extends InputStream {
        private final byte[] prefix;
        private final byte[] filler;
        private final long total;
        private long served;

        Endless(byte[] prefix, String filler, long total) {
            this.prefix = prefix;
            this.filler = filler.getBytes(StandardCharsets.UTF_8);
            this.total = total;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (total >= 0 && served >= total) {
                return -1;
            }
            int n = 0;
            while (n < len && (total < 0 || served < total)) {
                b[off + n++] = served < prefix.length ? prefix[(int) served]
                        : filler[(int) ((served - prefix.length) % filler.length)];
                served++;
            }
            return n;
        }
    }

    private static byte[] rowBinaryHeader(String name, String type) {
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        h.write(1);
        Bodies.str(h, name);
        Bodies.str(h, type);
        return h.toByteArray();
    }

    private static byte[] leb128(long n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        do {
            int b = (int) (n & 0x7f);
            n >>>= 7;
            out.write(n != 0 ? b | 0x80 : b);
        } while (n != 0);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static ResultDecoder decoder(ResultFormat f, InputStream body) {
        return ResultDecoders.create(f, body, Golden.ctx(null));
    }

    @Test
    void aOneGibStringPrefixFailsBeforeAnyAllocation() {
        byte[] prefix = concat(rowBinaryHeader("s", "String"), leb128(1L << 30));
        ResultDecoder d = decoder(ResultFormat.ROW_BINARY, new Endless(prefix, "x", -1));
        assertThatThrownBy(d::next).isInstanceOf(ProtocolException.class).hasMessageContaining("max_value_bytes");
    }

    @Test
    void a64MbValueThatReallyArrivesFailsAtTheBound() {
        long len = 64L << 20;
        byte[] prefix = concat(rowBinaryHeader("s", "String"), leb128(len));
        ResultDecoder d = decoder(ResultFormat.ROW_BINARY, new Endless(prefix, "y", prefix.length + len));
        assertThatThrownBy(d::next).isInstanceOf(ProtocolException.class).hasMessageContaining("max_value_bytes");
    }

    @Test
    void hugeArrayCountsAndHeaderFieldsFail() {
        byte[] array = concat(rowBinaryHeader("a", "Array(UInt8)"), leb128(1L << 30));
        assertThatThrownBy(decoder(ResultFormat.ROW_BINARY, new Endless(array, "\1", -1))::next)
                .isInstanceOf(ProtocolException.class);
        byte[] name = concat(new byte[] {1}, leb128(1L << 30));
        assertThatThrownBy(decoder(ResultFormat.ROW_BINARY, new Endless(name, "n", -1))::schema)
                .isInstanceOf(ProtocolException.class);
        byte[] many = leb128(90_000);
        assertThatThrownBy(decoder(ResultFormat.ROW_BINARY, new Endless(many, "\u00ff\u00ff\u0003", -1))::schema)
                .isInstanceOf(ProtocolException.class);
    }

    @Test
    void anEndlessTsvFieldOrHeaderFails() {
        byte[] header = "s\nString\n".getBytes(StandardCharsets.UTF_8);
        // a field buffer doubles as it grows: the heap for one value is up to about three times the bound
        assertThatThrownBy(ResultDecoders.create(ResultFormat.TSV, new Endless(header, "z", -1),
                Golden.ctx(null, 4 << 20))::next)
                .isInstanceOf(ProtocolException.class).hasMessageContaining("max_value_bytes");
        assertThatThrownBy(decoder(ResultFormat.TSV, new Endless(new byte[0], "h", -1))::schema)
                .isInstanceOf(ProtocolException.class);
        assertThatThrownBy(decoder(ResultFormat.TSV, new Endless(new byte[0], "\t", -1))::schema)
                .isInstanceOf(ProtocolException.class);
        byte[] arrays = "a\nArray(String)\n['".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(decoder(ResultFormat.TSV, new Endless(arrays, "x', '", -1))::next)
                .isInstanceOf(ProtocolException.class);
    }

    @Test
    void anEndlessJsonValueOrHeaderFails() {
        byte[] header = "[\"s\"]\n[\"String\"]\n[\"".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(decoder(ResultFormat.JSON_COMPACT, new Endless(header, "q", -1))::next)
                .isInstanceOf(ProtocolException.class).hasMessageContaining("max_value_bytes");
        byte[] array = "[\"a\"]\n[\"Array(UInt8)\"]\n[[".getBytes(StandardCharsets.UTF_8);
        ResultDecoder small = ResultDecoders.create(ResultFormat.JSON_COMPACT, new Endless(array, "1,", -1),
                Golden.ctx(null, 1 << 20));
        assertThatThrownBy(small::next).isInstanceOf(ProtocolException.class).hasMessageContaining("max_value_bytes");
        assertThatThrownBy(decoder(ResultFormat.JSON_COMPACT, new Endless("[".getBytes(StandardCharsets.UTF_8),
                "\"c\",", -1))::schema).isInstanceOf(ProtocolException.class);
    }
}
