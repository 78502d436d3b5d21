package dev.olaphttp.clickhouse.internal.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** TSV and JSONCompact bodies of 2,000,000 rows generated on the fly decode in a 64 MiB heap. */
@Tag("heap")
class TextFormatsHeapTest {
    private static final int ROWS = 2_000_000;

    /** Header then rows, made as they are read. */
    private static InputStream generate(ResultFormat f) {
        return new InputStream() {
            private byte[] chunk = f == ResultFormat.TSV
                    ? "id\tname\tts\tmaybe\nUInt64\tString\tDateTime('UTC')\tNullable(Int32)\n".getBytes(StandardCharsets.UTF_8)
                    : "[\"id\",\"name\",\"ts\",\"maybe\"]\n[\"UInt64\",\"String\",\"DateTime('UTC')\",\"Nullable(Int32)\"]\n"
                            .getBytes(StandardCharsets.UTF_8);
            private int pos;
            private int next;
            private final StringBuilder sb = new StringBuilder();

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos == chunk.length) {
                    if (next >= ROWS) {
                        return -1;
                    }
                    sb.setLength(0);
                    for (int i = 0; i < 1000 && next < ROWS; i++, next++) {
                        String ts = "2024-01-01 00:" + two(next / 60 % 60) + ":" + two(next % 60);
                        String maybe = next % 5 == 0 ? (f == ResultFormat.TSV ? "\\N" : "null") : Integer.toString(next % 100);
                        if (f == ResultFormat.TSV) {
                            sb.append(next).append("\tn\\t").append(next % 10).append('\t').append(ts).append('\t')
                                    .append(maybe).append('\n');
                        } else {
                            sb.append('[').append(next).append(",\"n\\t").append(next % 10).append("\",\"").append(ts)
                                    .append("\",").append(maybe).append("]\n");
                        }
                    }
                    chunk = sb.toString().getBytes(StandardCharsets.UTF_8);
                    pos = 0;
                }
                int n = Math.min(len, chunk.length - pos);
                System.arraycopy(chunk, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }

    @ParameterizedTest
    @EnumSource(value = ResultFormat.class, names = {"TSV", "JSON_COMPACT"})
    void streamsInFlatMemory(ResultFormat f) {
        // runs in the parent pom's "heap" execution (-Xmx64m)
        assertThat(Runtime.getRuntime().maxMemory()).isLessThan(100L << 20);
        ResultDecoder d = ResultDecoders.create(f, generate(f), Golden.ctx(null));
        long count = 0;
        long ids = 0;
        long nameBytes = 0;
        long seconds = 0;
        long nulls = 0;
        long base = java.time.LocalDate.of(2024, 1, 1).toEpochDay() * 86400;
        while (d.next()) {
            var r = d.row();
            ids += f == ResultFormat.TSV ? r.getLong(0) : ((java.math.BigInteger) r.getObject(0)).longValue();
            String name = r.getString(1);
            nameBytes += name.length();
            assertThat(name.charAt(1)).isEqualTo('\t');
            seconds += r.getLong(2) - base;
            if (r.isNull(3)) {
                nulls++;
            }
            count++;
        }
        long expectedSeconds = 0;
        for (int i = 0; i < ROWS; i++) {
            expectedSeconds += i % 3600;
        }
        assertThat(count).isEqualTo(ROWS);
        assertThat(ids).isEqualTo((long) ROWS * (ROWS - 1) / 2);
        assertThat(nameBytes).isEqualTo(3L * ROWS);
        assertThat(seconds).isEqualTo(expectedSeconds);
        assertThat(nulls).isEqualTo(ROWS / 5);
    }
}
