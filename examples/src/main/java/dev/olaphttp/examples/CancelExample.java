package dev.olaphttp.examples;

import dev.olaphttp.Query;
import dev.olaphttp.QueryCancelledException;
import dev.olaphttp.SqlClient;
import dev.olaphttp.testkit.Fault;
import dev.olaphttp.testkit.SqlMatcher;
import dev.olaphttp.testkit.Table;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Cancels a long query from another thread: {@link Query#cancel()} is the one method safe to call from any thread;
 * it aborts the request still waiting for the server (or the stream already flowing), the blocked call fails with
 * {@link QueryCancelledException}, and the client asks the server to stop the query.
 *
 * <p>Run: {@code mvn -q -pl examples exec:java -Dexec.mainClass=dev.olaphttp.examples.CancelExample}. On the
 * embedded ClickHouse simulator the query is made slow with a delay fault; on a real server it is slow by itself.
 */
public final class CancelExample {
    /** Minutes of work on a real server: hashes a hundred billion numbers. */
    static final String SLOW_SQL = "SELECT count() AS hits FROM numbers(100000000000) WHERE sipHash64(number) = 42";

    private CancelExample() {}

    public static void main(String[] args) {
        try (Targets targets = Targets.fromArgs(args)) {
            run(targets, System.out, Duration.ofSeconds(2));
        }
    }

    static void run(Targets targets, PrintStream out, Duration patience) {
        String dsn = targets.dsn(Database.CLICKHOUSE);
        targets.simulator(Database.CLICKHOUSE).ifPresent(sim -> {
            // the simulator answers at once: make it take a minute, like the real query
            sim.when(SqlMatcher.equalTo(SLOW_SQL)).thenReturn(Table.builder().column("hits", "UInt64").row(0L).build());
            sim.fault(r -> (r.target() + r.bodyUtf8()).contains("sipHash64"), Fault.delay(Duration.ofMinutes(1)), 1);
        });
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try (SqlClient client = SqlClient.connect(dsn)) {
            Query query = client.sql(SLOW_SQL);
            out.println("-- " + SLOW_SQL);
            out.println("will cancel after " + patience.toMillis() + " ms");
            timer.schedule(query::cancel, patience.toMillis(), TimeUnit.MILLISECONDS); // from another thread
            long start = System.nanoTime();
            try {
                long hits = query.single(r -> r.getLong("hits"));
                out.println("finished before the deadline: hits = " + hits);
            } catch (QueryCancelledException e) {
                double seconds = (System.nanoTime() - start) / 1e9;
                out.println(String.format(Locale.ROOT, "cancelled after %.1f s: %s", seconds, e));
                out.println("  query id " + e.queryId().orElse("?") + ", retryable: " + e.isRetryable());
            }
        } finally {
            timer.shutdownNow();
        }
    }
}
