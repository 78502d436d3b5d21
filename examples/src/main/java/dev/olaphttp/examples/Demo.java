package dev.olaphttp.examples;

import java.io.PrintStream;
import java.time.Duration;

/**
 * The demo a newcomer runs first ({@code mvn -q -pl examples exec:java}): the three quick starts, then sessions,
 * a streamed large result, a cancelled query, a copy between databases and the Spring configuration, against the
 * embedded simulators unless DSNs are given (see {@link Targets}).
 */
public final class Demo {
    private Demo() {}

    public static void main(String[] args) {
        try (Targets targets = Targets.fromArgs(args)) {
            run(targets, System.out);
        }
    }

    static void run(Targets targets, PrintStream out) {
        section(out, "Quick start: Databend");
        QuickStartDatabend.run(targets, out);
        section(out, "Quick start: ClickHouse");
        QuickStartClickHouse.run(targets, out);
        section(out, "Quick start: StarRocks");
        QuickStartStarRocks.run(targets, out);
        section(out, "Sessions: USE and SET carried forward");
        SessionExample.run(targets, out);
        section(out, "Streaming a large result");
        LargeResultExample.run(targets, out, 1_000_000, Database.CLICKHOUSE);
        section(out, "Cancelling a long query from another thread");
        CancelExample.run(targets, out, Duration.ofSeconds(1));
        section(out, "Copying ClickHouse -> StarRocks with client.insert(...)");
        EtlExample.run(targets, out, Database.STARROCKS);
        section(out, "Spring: the clients as beans");
        SpringExample.run(targets, out);
    }

    static void section(PrintStream out, String title) {
        out.println();
        out.println("=== " + title + " " + "=".repeat(Math.max(3, 70 - title.length())));
    }
}
