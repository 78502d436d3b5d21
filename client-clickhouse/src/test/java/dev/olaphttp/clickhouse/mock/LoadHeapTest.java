package dev.olaphttp.clickhouse.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olaphttp.InsertResult;
import dev.olaphttp.SqlClient;
import dev.olaphttp.clickhouse.ClickHouseOptions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * 10,000,000 rows through {@code client.insert(...)} as RowBinary with -Xmx64m: rows are generated on the fly and
 * the body is streamed; the mock keeps only the first KiB (whose framing is checked) and counts the rest, which must
 * be exactly the computed size of the rows.
 */
@Tag("heap")
class LoadHeapTest {
    static final long ROWS = 10_000_000L;

    @StartStop
    final MockWebServer server = new MockWebServer();

    /** Rows (id UInt64, v Nullable(Int32), s String): s is "r" + id % 1000, v is NULL for every 7th row. */
    static Iterable<Object[]> rows(long n) {
        return () -> new Iterator<>() {
            long i;

            @Override
            public boolean hasNext() {
                return i < n;
            }

            @Override
            public Object[] next() {
                long id = i++;
                return new Object[] {id, id % 7 == 0 ? null : (int) -id, "r" + (id % 1000)};
            }
        };
    }

    static long size(long n) {
        long total = 0;
        for (long id = 0; id < Math.min(n, 1000); id++) {
            long copies = n / 1000 + (id < n % 1000 ? 1 : 0);
            total += copies * (1 + ("r" + id).length()); // varint length + bytes
        }
        long nulls = (n + 6) / 7;
        return total + n * 8 + nulls + (n - nulls) * 5;
    }

    @Test
    void tenMillionRowsStreamInFlatMemory() {
        server.setBodyLimit(1024);
        MockCh ch = new MockCh(server);
        ch.enqueue(new MockResponse.Builder()
                .body("id\tUInt64\t\t\t\t\t\nv\tNullable(Int32)\t\t\t\t\t\ns\tLowCardinality(String)\t\t\t\t\t\n").build());
        ch.enqueue(new MockResponse.Builder().body("").build()); // no X-ClickHouse-Summary
        InsertResult r;
        try (SqlClient c = ch.builder(server).option(ClickHouseOptions.SERVER_VERSION, "18.16").build()) {
            r = c.insert("big").rows(rows(ROWS));
        }
        RecordedRequest load = ch.statements.get(1);
        assertThat(load.getUrl().queryParameter("query")).isEqualTo("INSERT INTO `big` (`id`, `v`, `s`) FORMAT RowBinary");
        assertThat(load.getBodySize()).isEqualTo(size(ROWS));
        assertThat(r.rowsWritten()).isEqualTo(ROWS);
        assertThat(r.bytesWritten()).isEqualTo(size(ROWS));
        assertThat(r.label()).isNull();
        ByteBuffer head = ByteBuffer.wrap(load.getBody().toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        for (long id = 0; head.remaining() > 20; id++) {
            assertThat(head.getLong()).isEqualTo(id);
            if (id % 7 == 0) {
                assertThat(head.get()).isEqualTo((byte) 1);
            } else {
                assertThat(head.get()).isEqualTo((byte) 0);
                assertThat(head.getInt()).isEqualTo((int) -id);
            }
            byte[] s = new byte[head.get()];
            head.get(s);
            assertThat(new String(s, StandardCharsets.UTF_8)).isEqualTo("r" + id % 1000);
        }
        assertThat(ch.poolIdle()).isTrue();
    }
}
