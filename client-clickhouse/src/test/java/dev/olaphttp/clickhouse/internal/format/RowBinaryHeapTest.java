package dev.olaphttp.clickhouse.internal.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Decodes a 10,000,000-row RowBinaryWithNamesAndTypes body generated on the fly, in a JVM with a 64 MiB heap
 * (the parent pom's "heap" execution): the decoder must stream with flat memory.
 */
@Tag("heap")
class RowBinaryHeapTest {
    private static final long ROWS = 10_000_000L;
    private static final long BASE_SECONDS = 1_700_000_000L;

    /** The body, made row by row as it is read. */
    private static final class Generator extends InputStream {
        private final byte[] chunk = new byte[64 * 1024];
        private int pos;
        private int len;
        private long next;
        private boolean header = true;

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int n) {
            if (pos == len && !refill()) {
                return -1;
            }
            int k = Math.min(n, len - pos);
            System.arraycopy(chunk, pos, b, off, k);
            pos += k;
            return k;
        }

        private boolean refill() {
            pos = 0;
            len = 0;
            if (header) {
                ByteArrayOutputStream h = new ByteArrayOutputStream();
                h.write(5);
                for (String s : new String[] {"id", "name", "score", "ts", "maybe",
                    "UInt64", "String", "Float64", "DateTime('UTC')", "Nullable(Int32)"}) {
                    Bodies.str(h, s);
                }
                byte[] hb = h.toByteArray();
                System.arraycopy(hb, 0, chunk, 0, hb.length);
                len = hb.length;
                header = false;
                return true;
            }
            while (next < ROWS && len < chunk.length - 64) {
                long n = next++;
                len = putLong(len, n);
                int sl = (int) (n % 17);
                chunk[len++] = (byte) sl;
                for (int i = 0; i < sl; i++) {
                    chunk[len++] = (byte) ('a' + (n + i) % 26);
                }
                len = putLong(len, Double.doubleToRawLongBits(n * 0.5));
                len = putInt(len, (int) (BASE_SECONDS + n));
                if (n % 7 == 0) {
                    chunk[len++] = 1;
                } else {
                    chunk[len++] = 0;
                    len = putInt(len, (int) (n % 1000) - 500);
                }
            }
            return len > 0;
        }

        private int putLong(int at, long v) {
            for (int i = 0; i < 8; i++) {
                chunk[at++] = (byte) (v >>> (8 * i));
            }
            return at;
        }

        private int putInt(int at, int v) {
            for (int i = 0; i < 4; i++) {
                chunk[at++] = (byte) (v >>> (8 * i));
            }
            return at;
        }
    }

    @Test
    void tenMillionRowsInFlatMemory() {
        // runs in the parent pom's "heap" execution (-Xmx64m)
        assertThat(Runtime.getRuntime().maxMemory()).isLessThan(100L << 20);
        ResultDecoder d = ResultDecoders.create(ResultFormat.ROW_BINARY, new Generator(), Golden.ctx(null));
        assertThat(d.schema().names()).containsExactly("id", "name", "score", "ts", "maybe");
        long count = 0;
        long idSum = 0;
        long nameBytes = 0;
        long nameCheck = 0;
        double scoreSum = 0;
        long tsSum = 0;
        long nulls = 0;
        long maybeSum = 0;
        while (d.next()) {
            var r = d.row();
            long id = r.getObject(0) instanceof java.math.BigInteger bi ? bi.longValueExact() : -1;
            if (count % 1000 != 0) {
                id = r.getLong(0);
            }
            idSum += id;
            byte[] name = r.getBytes(1);
            nameBytes += name.length;
            if (name.length > 0) {
                nameCheck += name[0];
            }
            scoreSum += r.getDouble(2);
            if (count % 100_000 == 0) {
                assertThat(r.getObject(3)).isEqualTo(ZonedDateTime.ofInstant(
                        Instant.ofEpochSecond(BASE_SECONDS + count), ZoneId.of("UTC")));
                assertThat(r.getString(1)).isEqualTo(new String(name, StandardCharsets.UTF_8));
            }
            tsSum += r.getLong(3) - BASE_SECONDS;
            if (r.isNull(4)) {
                nulls++;
            } else {
                maybeSum += r.getLong(4);
            }
            count++;
        }
        long expectedNameBytes = 0;
        long expectedCheck = 0;
        long expectedMaybe = 0;
        for (long n = 0; n < ROWS; n++) {
            int sl = (int) (n % 17);
            expectedNameBytes += sl;
            if (sl > 0) {
                expectedCheck += 'a' + n % 26;
            }
            if (n % 7 != 0) {
                expectedMaybe += n % 1000 - 500;
            }
        }
        assertThat(count).isEqualTo(ROWS);
        assertThat(d.rows()).isEqualTo(ROWS);
        assertThat(idSum).isEqualTo(ROWS * (ROWS - 1) / 2);
        assertThat(tsSum).isEqualTo(ROWS * (ROWS - 1) / 2);
        assertThat(scoreSum).isEqualTo(ROWS * (ROWS - 1) / 4.0);
        assertThat(nameBytes).isEqualTo(expectedNameBytes);
        assertThat(nameCheck).isEqualTo(expectedCheck);
        assertThat(nulls).isEqualTo((ROWS + 6) / 7);
        assertThat(maybeSum).isEqualTo(expectedMaybe);
    }
}
