package dev.olaphttp.benchmarks;

import dev.olaphttp.Column;
import dev.olaphttp.Dsn;
import dev.olaphttp.QueryStats;
import dev.olaphttp.RowCursor;
import dev.olaphttp.Schema;
import dev.olaphttp.SqlClient;
import dev.olaphttp.SqlType;
import dev.olaphttp.TypeKind;
import dev.olaphttp.spi.ClientContext;
import dev.olaphttp.spi.DialectClient;
import dev.olaphttp.spi.ErrorClassifier;
import dev.olaphttp.spi.QueryExecution;
import dev.olaphttp.spi.RowValues;
import dev.olaphttp.spi.SessionDelta;
import dev.olaphttp.spi.StatementRequest;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The core's own share of the row path: a dialect whose rows cost nothing to produce (the same prepared values
 * every row), read through {@code RowCursor}'s getters exactly as {@link RowPathBenchmark} reads them. The score
 * is what {@code next()}, the cursor's checks, the conversion table and the getter layers cost per row, whatever
 * the dialect. (A loop reading the same constants straight from {@link RowValues} is folded away by the JIT, so
 * it is no baseline; the dialect's decoding is measured by {@link RowPathBenchmark}.)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(CoreOverheadBenchmark.ROWS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class CoreOverheadBenchmark {
    static final int ROWS = 100_000;

    private SqlClient client;

    @Setup
    public void setUp() {
        client = SqlClient.builder().dialect(new FixedDialect()).endpoint("http://bench.local:1").build();
    }

    @TearDown
    public void tearDown() {
        client.close();
    }

    @Benchmark
    public long cursor(Blackhole bh) {
        long rows = 0;
        try (RowCursor c = client.sql("rows").stream()) {
            while (c.next()) {
                boolean qtyNull = c.isNull(5);
                bh.consume(c.getLong(1));
                bh.consume(c.getString(2));
                bh.consume(c.getDouble(3));
                bh.consume(c.getObject(4));
                bh.consume(qtyNull ? 0 : c.getInt(5));
                rows++;
            }
        }
        return rows;
    }

    /** The same five values every row: Int64, String, Float64, DateTime('UTC'), Nullable(Int32). */
    static final class FixedRows implements RowValues {
        private static final ZonedDateTime TS = ZonedDateTime.of(2026, 1, 5, 9, 14, 0, 0, ZoneOffset.UTC);

        @Override
        public boolean isNull(int column) {
            return false;
        }

        @Override
        public long getLong(int column) {
            return column == 0 ? 1234567L : 42L;
        }

        @Override
        public double getDouble(int column) {
            return 12.5;
        }

        @Override
        public Object getObject(int column) {
            return column == 1 ? "user-1234" : TS;
        }

        @Override
        public String getString(int column) {
            return column == 1 ? "user-1234" : null;
        }
    }

    /** A dialect whose statements return {@link #ROWS} fixed rows without any I/O. */
    static final class FixedDialect implements dev.olaphttp.spi.Dialect {
        static final Schema SCHEMA = Schema.of(List.of(
                new Column("id", SqlType.of(TypeKind.INT64, "Int64")),
                new Column("name", SqlType.of(TypeKind.STRING, "String")),
                new Column("price", SqlType.of(TypeKind.FLOAT64, "Float64")),
                new Column("ts", SqlType.builder(TypeKind.TIMESTAMP).name("DateTime('UTC')").zone(ZoneOffset.UTC).build()),
                new Column("qty", SqlType.builder(TypeKind.INT32).name("Nullable(Int32)").nullable(true).build())));

        @Override
        public String id() {
            return "fixed";
        }

        @Override
        public Set<String> schemes() {
            return Set.of("fixed");
        }

        @Override
        public void configure(Dsn dsn, SqlClient.Builder builder) {}

        @Override
        public ErrorClassifier errorClassifier() {
            return ErrorClassifier.standard();
        }

        @Override
        public DialectClient open(ClientContext context) {
            return request -> new Execution(request);
        }
    }

    static final class Execution implements QueryExecution {
        private final StatementRequest request;
        private final FixedRows row = new FixedRows();
        private int left = ROWS;

        Execution(StatementRequest request) {
            this.request = request;
        }

        @Override
        public String queryId() {
            return request.queryId();
        }

        @Override
        public Schema schema() {
            return FixedDialect.SCHEMA;
        }

        @Override
        public boolean advance() {
            return left-- > 0;
        }

        @Override
        public RowValues row() {
            return row;
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
    }
}
