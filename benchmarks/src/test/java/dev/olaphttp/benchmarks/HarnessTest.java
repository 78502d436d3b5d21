package dev.olaphttp.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olaphttp.SqlClient;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Checks the benchmark harness, not the library's edge cases: the canned responses of every target decode, through
 * the public API and through the minimal decoder, to exactly the rows of {@link Dataset}, with the same Java values,
 * so both sides of each benchmark do the same work.
 */
class HarnessTest {
    private static final int ROWS = 2 * Target.PAGE_ROWS;

    @ParameterizedTest
    @EnumSource(Target.class)
    void bothPathsDecodeTheSameRows(Target target) throws Exception {
        assumeDialectBuilt(target);
        Canned canned = target.inMemory(ROWS);
        Checker viaApi = new Checker(ROWS);
        Checker viaMinimal = new Checker(ROWS);
        OkHttpClient ok = target.okHttp(canned);
        try (SqlClient client = target.client(ok)) {
            assertThat(target.readAll(client, viaApi)).isEqualTo(ROWS);
        }
        assertThat(target.minimal().decode(canned, viaMinimal)).isEqualTo(ROWS);
        viaApi.assertAllMatched();
        viaMinimal.assertAllMatched();
        assertThat(viaMinimal.firstTimes).isEqualTo(viaApi.firstTimes);
        assertThat(viaMinimal.firstTimes.get(0).getClass()).isEqualTo(viaApi.firstTimes.get(0).getClass());
        assertThat(ok.connectionPool().connectionCount()).isZero(); // answered by the interceptor, no network
    }

    @ParameterizedTest
    @EnumSource(value = Target.class, names = {"DATABEND", "CH_ROWBINARY", "STARROCKS"})
    void generatedResultsRepeatOnePage(Target target) {
        assumeDialectBuilt(target);
        long rows = 3L * Target.PAGE_ROWS;
        Checker check = new Checker(Target.PAGE_ROWS);
        OkHttpClient ok = target.okHttp(target.generated(rows));
        try (SqlClient client = target.client(ok)) {
            assertThat(target.readAll(client, check)).isEqualTo(rows);
        }
        check.assertAllMatched();
        assertThat(check.rows).isEqualTo(rows);
    }

    /**
     * Skips only when the dialect's classes are missing altogether: {@code mvn -pl benchmarks} against a local
     * repository holding placeholder dialect jars. In the reactor build the dialect modules are built first and the
     * test always runs; any failure to decode then fails it.
     */
    private static void assumeDialectBuilt(Target target) {
        String dialect = switch (target) {
            case DATABEND -> "dev.olaphttp.databend.DatabendDialect";
            case STARROCKS -> "dev.olaphttp.starrocks.StarRocksDialect";
            default -> "dev.olaphttp.clickhouse.ClickHouseDialect";
        };
        boolean present;
        try {
            Class.forName(dialect, false, HarnessTest.class.getClassLoader());
            present = true;
        } catch (ClassNotFoundException e) {
            present = false;
        }
        Assumptions.assumeTrue(present, () -> dialect + " is not on the class path: build the dialect modules first");
    }

    /** Compares each row with {@link Dataset} (row {@code n} is dataset row {@code n % period}). */
    private static final class Checker implements RowSink {
        final long period;
        final List<Object> firstTimes = new ArrayList<>();
        long rows;
        String mismatch;

        Checker(long period) {
            this.period = period;
        }

        @Override
        public void row(long id, String name, double price, Object ts, boolean qtyNull, int qty) {
            long i = rows++ % period;
            if (firstTimes.size() < 50) {
                firstTimes.add(ts);
            }
            boolean ok = id == Dataset.id(i) && name.equals(Dataset.name(i)) && price == Dataset.price(i)
                    && epochSecond(ts) == Dataset.epochSecond(i) && qtyNull == Dataset.qtyNull(i)
                    && (qtyNull || qty == Dataset.qty(i));
            if (!ok && mismatch == null) {
                mismatch = "row " + (rows - 1) + ": " + id + ", " + name + ", " + price + ", " + ts + ", "
                        + (qtyNull ? "NULL" : qty);
            }
        }

        private static long epochSecond(Object ts) {
            if (ts instanceof ZonedDateTime z) {
                return z.toEpochSecond();
            }
            if (ts instanceof LocalDateTime l) {
                return l.toEpochSecond(ZoneOffset.UTC);
            }
            throw new AssertionError("unexpected timestamp type " + (ts == null ? null : ts.getClass()));
        }

        void assertAllMatched() {
            assertThat(mismatch).as("first row that differs from the dataset").isNull();
        }
    }
}
