package dev.olaphttp.starrocks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The row path allocates little: nothing per primitive cell, well under 200 bytes for a typical mixed row. */
class AllocationTest {
    private static final int ROWS = 50_000;

    private static byte[] body(String meta, String row) {
        StringBuilder sb = new StringBuilder(meta.length() + ROWS * (row.length() + 12));
        sb.append("{\"connectionId\":1}\n{\"meta\":").append(meta).append("}\n");
        for (int i = 0; i < ROWS; i++) {
            sb.append("{\"data\":").append(row).append("}\n");
        }
        sb.append("{\"statistics\":{\"returnRows\":").append(ROWS).append("}}\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static double bytesPerRow(byte[] body) throws Exception {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        double best = Double.MAX_VALUE;
        for (int attempt = 0; attempt < 3; attempt++) { // the first pass warms up the JIT
            ResultReader reader = new ResultReader(new JsonFactory().createParser(new ByteArrayInputStream(body)), false,
                    Statement.Answer.ANY);
            reader.readHead();
            long before = mx.getThreadAllocatedBytes(tid);
            long n = 0;
            while (reader.next()) {
                n++;
            }
            long after = mx.getThreadAllocatedBytes(tid);
            assertThat(n).isEqualTo(ROWS);
            best = Math.min(best, (after - before) / (double) ROWS);
        }
        return best;
    }

    @Test
    void primitiveColumnsAllocateAlmostNothingPerRow() throws Exception {
        String meta = "[{\"name\":\"a\",\"type\":\"int(11)\"},{\"name\":\"b\",\"type\":\"bigint(20)\"},"
                + "{\"name\":\"c\",\"type\":\"double\"},{\"name\":\"d\",\"type\":\"boolean\"}]";
        assertThat(bytesPerRow(body(meta, "[123456,9223372036854775807,0.25,1]"))).isLessThan(16);
    }

    @Test
    void typicalMixedRowStaysUnder200Bytes() throws Exception {
        String meta = "[{\"name\":\"id\",\"type\":\"bigint(20)\"},{\"name\":\"name\",\"type\":\"varchar(64)\"},"
                + "{\"name\":\"price\",\"type\":\"decimal64(10, 2)\"},{\"name\":\"d\",\"type\":\"date\"},"
                + "{\"name\":\"ok\",\"type\":\"boolean\"}]";
        assertThat(bytesPerRow(body(meta, "[42,\"name-42\",\"12.50\",\"2024-02-29\",0]"))).isLessThan(200);
    }
}
