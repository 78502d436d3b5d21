package dev.olaphttp.examples;

import dev.olaphttp.RowCursor;
import dev.olaphttp.SqlClient;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Streams a large result (2 million rows by default) with a progress line every 500,000 rows: rows are decoded as
 * they arrive, so the heap stays flat however many there are. The sum of the numbers proves nothing was lost.
 *
 * <p>Run: {@code mvn -q -pl examples exec:java -Dexec.mainClass=dev.olaphttp.examples.LargeResultExample
 * -Dexec.args="--rows=5000000 --on=databend"} (ClickHouse by default). "Heap used" includes garbage not yet
 * collected and, on the embedded simulator, the server's own work; {@code MAVEN_OPTS=-Xmx64m} shows five million
 * rows streaming through a 64 MB heap (Maven, simulator and client together).
 */
public final class LargeResultExample {
    static final long PROGRESS_EVERY = 500_000;

    private LargeResultExample() {}

    public static void main(String[] args) {
        try (Targets targets = Targets.fromArgs(args)) {
            run(targets, System.out, option(args, "--rows=", 2_000_000L),
                    "databend".equals(option(args, "--on=")) ? Database.DATABEND : Database.CLICKHOUSE);
        }
    }

    static void run(Targets targets, PrintStream out, long rows, Database db) {
        Runtime rt = Runtime.getRuntime();
        try (SqlClient client = SqlClient.connect(targets.dsn(db))) {
            String sql = "SELECT number FROM numbers(" + rows + ")";
            out.println("-- " + sql);
            long start = System.nanoTime();
            long sum = 0;
            // stream(): a lazy cursor; the client pulls the next buffer (or page) only when the rows before it
            // are consumed. Always close it (try-with-resources): closing early stops the server's work.
            try (RowCursor cursor = client.sql(sql).stream()) {
                while (cursor.next()) {
                    sum += cursor.getLong(1); // primitive getter: no boxing per row
                    if (cursor.rowNumber() % PROGRESS_EVERY == 0) {
                        out.println(String.format(Locale.ROOT, "  %,11d rows  %6.2f s  heap used %,5d of %,d MB",
                                cursor.rowNumber(), (System.nanoTime() - start) / 1e9,
                                (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20));
                    }
                }
                long expected = rows * (rows - 1) / 2; // 0 + 1 + ... + (rows - 1)
                out.println(String.format(Locale.ROOT, "read %,d rows in %.2f s, sum(number) = %,d (%s)",
                        cursor.rowNumber(), (System.nanoTime() - start) / 1e9, sum,
                        sum == expected ? "complete" : "WRONG, expected " + expected));
            }
        }
    }

    static String option(String[] args, String prefix) {
        for (String a : args) {
            if (a.startsWith(prefix)) {
                return a.substring(prefix.length());
            }
        }
        return null;
    }

    static long option(String[] args, String prefix, long fallback) {
        String v = option(args, prefix);
        return v == null ? fallback : Long.parseLong(v.replace("_", "").replace(",", ""));
    }
}
