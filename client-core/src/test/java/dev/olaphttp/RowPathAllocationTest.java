package dev.olaphttp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olaphttp.spi.Cancellation;
import dev.olaphttp.spi.QueryExecution;
import dev.olaphttp.spi.RowValues;
import dev.olaphttp.spi.SessionDelta;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The core's own per-row work (cursor, conversions) allocates next to nothing. */
class RowPathAllocationTest {
    /** An execution that yields {@code rows} rows of (INT64, FLOAT64) from primitives, allocating nothing. */
    private static final class Counting implements QueryExecution, RowValues {
        private final long rows;
        private long n;

        Counting(long rows) {
            this.rows = rows;
        }

        @Override
        public String queryId() {
            return "q";
        }

        @Override
        public Schema schema() {
            return Schema.of(List.of(
                    new Column("a", SqlType.of(TypeKind.INT64, "Int64")),
                    new Column("b", SqlType.of(TypeKind.FLOAT64, "Float64"))));
        }

        @Override
        public boolean advance() {
            return n++ < rows;
        }

        @Override
        public RowValues row() {
            return this;
        }

        @Override
        public SessionDelta sessionDelta() {
            return SessionDelta.none();
        }

        @Override
        public QueryStats stats() {
            return QueryStats.unknown();
        }

        @Override
        public void cancel() {}

        @Override
        public void close() {}

        @Override
        public boolean isNull(int column) {
            return false;
        }

        @Override
        public long getLong(int column) {
            return n;
        }

        @Override
        public double getDouble(int column) {
            return n * 0.5;
        }

        @Override
        public Object getObject(int column) {
            throw new AssertionError("boxing on the primitive path");
        }
    }

    @Test
    void primitiveGettersAllocateAlmostNothingPerRow() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long rows = 2_000_000;
        QueryInfo info = new QueryInfo("q", "test", "SELECT");
        DefaultRowCursor cursor = new DefaultRowCursor(
                new Counting(rows), info, new Cancellation(), 0, QueryListener.NONE, d -> {}, d -> {});
        long sum = 0;
        for (int i = 0; i < 200_000; i++) { // warm up
            cursor.next();
            sum += cursor.getLong(1) + (long) cursor.getDouble(2);
        }
        long before = mx.getCurrentThreadAllocatedBytes();
        long measured = 0;
        while (cursor.next()) {
            sum += cursor.getLong(1) + (long) cursor.getDouble("b");
            measured++;
        }
        long perRow = (mx.getCurrentThreadAllocatedBytes() - before) / measured;
        cursor.close();
        assertThat(sum).isPositive();
        assertThat(perRow).as("bytes allocated per row by the core").isLessThan(32);
    }
}
