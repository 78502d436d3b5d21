package dev.olaphttp.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * CPU time of the benchmark thread and rows read, summed per iteration: {@code cpuNanos / rows} is the CPU cost of a
 * row, which (unlike wall-clock throughput) stays meaningful when other processes compete for the cores.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class CpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** CPU nanoseconds of the measuring thread in this iteration. */
    public long cpuNanos;
    /** Rows read in this iteration. */
    public long rows;

    @Setup(Level.Iteration)
    public void reset() {
        cpuNanos = 0;
        rows = 0;
    }

    static long now() {
        return THREADS.getCurrentThreadCpuTime();
    }

    void add(long startNanos, long rowsRead) {
        cpuNanos += now() - startNanos;
        rows += rowsRead;
    }
}
