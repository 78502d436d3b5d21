package dev.olaphttp.benchmarks;

import dev.olaphttp.SqlClient;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Flat memory: one operation streams a whole result of 1,000,000 or 10,000,000 rows, generated while it is read,
 * through the public API in a JVM limited to 64 MiB of heap. Retained memory cannot grow with the result (10 M rows
 * are 0.4-1 GB on the wire), and {@code gc.alloc.rate.norm / rows} must be the same at both sizes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx64m"})
public class FlatMemoryBenchmark {
    @Param({"DATABEND", "CH_ROWBINARY", "STARROCKS"})
    public String target;

    @Param({"1000000", "10000000"})
    public long rows;

    private Target t;
    private OkHttpClient okHttp;
    private SqlClient client;

    @Setup
    public void setUp() {
        t = Target.valueOf(target);
        okHttp = t.okHttp(t.generated(rows));
        client = t.client(okHttp);
    }

    @TearDown
    public void tearDown() {
        client.close();
        okHttp.dispatcher().executorService().shutdown();
        okHttp.connectionPool().evictAll();
    }

    @Benchmark
    public long stream(Blackhole bh) {
        long n = t.readAll(client, new BlackholeSink(bh));
        if (n != rows) {
            throw new IllegalStateException("read " + n + " rows, expected " + rows);
        }
        return n;
    }
}
