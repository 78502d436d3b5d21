package dev.olaphttp.examples;

import java.io.PrintStream;

/**
 * The demo a newcomer runs first ({@code mvn -q -pl examples exec:java}): the three quick starts, then sessions,
 * a streamed large result, a cancelled query and a copy between databases, each against the embedded simulators
 * unless DSNs are given.
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
    }

    static void section(PrintStream out, String title) {
        out.println();
        out.println("=== " + title + " " + "=".repeat(Math.max(3, 70 - title.length())));
    }
}
