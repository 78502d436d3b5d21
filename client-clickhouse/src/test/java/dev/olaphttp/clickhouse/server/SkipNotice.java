package dev.olaphttp.clickhouse.server;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Says why tests are skipped on the build console. Surefire redirects {@code System.out}/{@code err} of tests to
 * files (redirectTestOutputToFile), so the notice goes to the forked JVM's own standard error, which surefire
 * echoes to the console.
 */
final class SkipNotice {
    private static final PrintStream CONSOLE =
            new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);

    private SkipNotice() {}

    static void print(String where, String reason) {
        CONSOLE.println("[olaphttp] SKIPPED " + where + ": " + reason);
    }
}
