package dev.olaphttp.starrocks.internal.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olaphttp.starrocks.internal.TypeParser;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Encoding a typical row allocates little beyond the caller's own values: no per-row maps or strings. */
class EncodingAllocationTest {
    private static final int ROWS = 50_000;

    @Test
    void aTypicalRowAllocatesWellUnder200Bytes() throws Exception {
        List<String> columns = List.of("id", "name", "price", "day", "ts", "ok", "qty");
        String[] types = {"bigint(20)", "varchar(64)", "decimal(10,2)", "date", "datetime", "boolean", "int(11)"};
        ValueEncoder[] encoders = new ValueEncoder[types.length];
        for (int i = 0; i < types.length; i++) {
            encoders[i] = ValueEncoders.forType(TypeParser.parse(types[i]), ZoneOffset.UTC);
        }
        Object[] row = {123456789L, "a customer name", new BigDecimal("19.99"), LocalDate.of(2024, 2, 29),
            LocalDateTime.of(2024, 2, 29, 13, 45, 1), Boolean.TRUE, 42};
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        double best = Double.MAX_VALUE;
        for (int attempt = 0; attempt < 3; attempt++) { // the first pass warms up the JIT
            JsonLinesWriter w = new JsonLinesWriter(columns, encoders);
            w.open(OutputStream.nullOutputStream());
            long before = mx.getThreadAllocatedBytes(tid);
            for (int i = 0; i < ROWS; i++) {
                w.write(row);
            }
            w.finish();
            long after = mx.getThreadAllocatedBytes(tid);
            best = Math.min(best, (after - before) / (double) ROWS);
        }
        assertThat(best).isLessThan(200);
    }
}
