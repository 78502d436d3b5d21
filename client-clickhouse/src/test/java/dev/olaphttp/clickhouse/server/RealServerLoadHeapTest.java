package dev.olaphttp.clickhouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olaphttp.InsertResult;
import dev.olaphttp.SqlClient;
import dev.olaphttp.clickhouse.ClickHouse;
import java.util.Iterator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** 10,000,000 rows loaded into the real 18.16 server as RowBinary with -Xmx64m, then counted and summed. */
@Tag("heap")
@ExtendWith(ClickHouseServerExtension.class)
class RealServerLoadHeapTest {
    static final long ROWS = 10_000_000L;

    @Test
    void tenMillionRowsIntoTheRealServer() {
        try (SqlClient client = ClickHouse.builder().endpoint(ClickHouseServerExtension.url()).build()) {
            client.sql("CREATE TABLE big_load (id UInt64, v Nullable(Int32), s String) ENGINE = Log").execute();
            Iterable<Object[]> rows = () -> new Iterator<>() {
                long i;

                @Override
                public boolean hasNext() {
                    return i < ROWS;
                }

                @Override
                public Object[] next() {
                    long id = i++;
                    return new Object[] {id, id % 7 == 0 ? null : (int) (id % 100_000), "r" + (id % 1000)};
                }
            };
            InsertResult r = client.insert("big_load").rows(rows);
            assertThat(r.rowsWritten()).isEqualTo(ROWS);
            String stats = client.sql("SELECT count(), sum(id), sum(v), countIf(v IS NULL), uniqExact(s), "
                    + "sum(length(s)) FROM big_load").list(x -> x.getString(1) + " " + x.getString(2) + " "
                    + x.getString(3) + " " + x.getString(4) + " " + x.getString(5) + " " + x.getString(6)).get(0);
            long sumV = 0;
            long nulls = 0;
            long len = 0;
            for (long id = 0; id < ROWS; id++) {
                if (id % 7 == 0) {
                    nulls++;
                } else {
                    sumV += id % 100_000;
                }
                len += 1 + Long.toString(id % 1000).length();
            }
            assertThat(stats).isEqualTo(ROWS + " " + (ROWS * (ROWS - 1) / 2) + " " + sumV + " " + nulls + " 1000 " + len);
        }
    }
}
