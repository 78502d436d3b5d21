package dev.olaphttp.clickhouse.internal.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Values stay right when the body arrives in small reads, so the read buffer is refilled and compacted at every
 * position within a row, and when a row is larger than the whole read buffer.
 */
class LargeRowsTest {
    private static final int ROWS = 40;

    /** A body that arrives in small, odd-sized reads, so compaction happens at every position within rows. */
    private static InputStream trickle(byte[] body) {
        return new ByteArrayInputStream(body) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 997));
            }
        };
    }

    private static String shortText(int i) {
        return "é-" + i;
    }

    /** Mostly small, every fifth row larger than the reader's whole buffer. */
    private static String big(int i) {
        return ("x" + i).repeat(i % 5 == 0 ? 40_000 : (i * 13) % 900);
    }

    @Test
    void rowBinaryStringsSurviveCompactionAndRowsLargerThanTheBuffer() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(4);
        for (String s : new String[] {"s", "big", "i", "t", "String", "String", "Int32", "Nullable(String)"}) {
            Bodies.str(out, s);
        }
        for (int i = 0; i < ROWS; i++) {
            Bodies.str(out, shortText(i));
            Bodies.str(out, big(i));
            out.write(i);
            out.write(0);
            out.write(0);
            out.write(0);
            if (i % 3 == 0) {
                out.write(1);
            } else {
                out.write(0);
                Bodies.str(out, "tail" + i);
            }
        }
        ResultDecoder d = ResultDecoders.create(ResultFormat.ROW_BINARY, trickle(out.toByteArray()),
                Golden.ctx(null));
        for (int i = 0; i < ROWS; i++) {
            assertThat(d.next()).isTrue();
            assertThat(d.row().getString(0)).isEqualTo(shortText(i));
            assertThat(d.row().getBytes(0)).isEqualTo(shortText(i).getBytes(StandardCharsets.UTF_8));
            assertThat(d.row().getObject(1)).isEqualTo(big(i));
            assertThat(d.row().getLong(2)).isEqualTo(i);
            assertThat(d.row().getString(3)).isEqualTo(i % 3 == 0 ? null : "tail" + i);
            assertThat(d.row().getString(0)).isEqualTo(shortText(i));
        }
        assertThat(d.next()).isFalse();
    }

    @Test
    void tsvFieldsSurviveCompactionAndRowsLargerThanTheBuffer() {
        StringBuilder sb = new StringBuilder("s\tbig\tn\tq\tt\nString\tString\tInt64\tNullable(Int32)\tDateTime('UTC')\n");
        for (int i = 0; i < ROWS; i++) {
            String escaped = i % 4 == 0 ? "a\\tb" + i : shortText(i);
            sb.append(escaped).append('\t').append(big(i)).append('\t').append(-1_000_000_000_000L * i)
                    .append('\t').append(i % 3 == 0 ? "\\N" : Integer.toString(i))
                    .append('\t').append("2024-02-29 10:00:").append(String.format("%02d", i)).append('\n');
        }
        ResultDecoder d = ResultDecoders.create(ResultFormat.TSV,
                trickle(sb.toString().getBytes(StandardCharsets.UTF_8)), Golden.ctx(null));
        for (int i = 0; i < ROWS; i++) {
            assertThat(d.next()).isTrue();
            String s = i % 4 == 0 ? "a\tb" + i : shortText(i);
            assertThat(d.row().getString(0)).isEqualTo(s);
            assertThat(d.row().getObject(1)).isEqualTo(big(i));
            assertThat(d.row().getLong(2)).isEqualTo(-1_000_000_000_000L * i);
            assertThat(d.row().getString(2)).isEqualTo(Long.toString(-1_000_000_000_000L * i));
            assertThat(d.row().isNull(3)).isEqualTo(i % 3 == 0);
            if (i % 3 != 0) {
                assertThat(d.row().getLong(3)).isEqualTo(i);
            }
            assertThat(d.row().getString(4)).isEqualTo("2024-02-29 10:00:" + String.format("%02d", i));
            assertThat(d.row().getObject(4)).isEqualTo(java.time.ZonedDateTime.of(2024, 2, 29, 10, 0, i, 0,
                    java.time.ZoneId.of("UTC")));
            assertThat(d.row().getBytes(0)).isEqualTo(s.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(d.next()).isFalse();
    }
}
