package dev.olaphttp.benchmarks;

import dev.olaphttp.SqlClient;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The row path: 100,000 rows of each dialect and format, through the public API ({@code olaphttp}) and through a
 * minimal hand-written decoder of the same bytes ({@code minimal}). One operation is one row, so the score is rows
 * per second and {@code -prof gc}'s {@code gc.alloc.rate.norm} is bytes allocated per row. The {@link CpuTime}
 * counters give the thread's CPU time per row, the fairer comparison on a shared, loaded machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(RowPathBenchmark.ROWS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class RowPathBenchmark {
    static final int ROWS = 100_000;

    @Param({"DATABEND", "CH_ROWBINARY", "CH_TSV", "CH_JSONCOMPACT", "STARROCKS"})
    public String target;

    private Target t;
    private Canned canned;
    private OkHttpClient okHttp;
    private SqlClient client;
    private MinimalDecoder minimal;

    @Setup
    public void setUp() {
        t = Target.valueOf(target);
        canned = t.inMemory(ROWS);
        okHttp = t.okHttp(canned);
        client = t.client(okHttp);
        minimal = t.minimal();
    }

    @TearDown
    public void tearDown() {
        client.close();
        okHttp.dispatcher().executorService().shutdown();
        okHttp.connectionPool().evictAll();
    }

    @Benchmark
    public long olaphttp(Blackhole bh, CpuTime cpu) {
        long start = CpuTime.now();
        long rows = check(t.readAll(client, new BlackholeSink(bh)));
        cpu.add(start, rows);
        return rows;
    }

    @Benchmark
    public long minimal(Blackhole bh, CpuTime cpu) throws IOException {
        long start = CpuTime.now();
        long rows = check(minimal.decode(canned, new BlackholeSink(bh)));
        cpu.add(start, rows);
        return rows;
    }

    private static long check(long rows) {
        if (rows != ROWS) {
            throw new IllegalStateException("read " + rows + " rows, expected " + ROWS);
        }
        return rows;
    }
}
