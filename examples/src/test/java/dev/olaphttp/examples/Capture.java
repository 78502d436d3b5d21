package dev.olaphttp.examples;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs an example's {@code main} with {@code System.out} captured. */
final class Capture {
    private Capture() {}

    interface Main {
        void run() throws Exception;
    }

    /** The text {@code main} printed; skipped when DSNs in the environment would send it to real servers. */
    static synchronized String stdout(Main main) throws Exception {
        assumeNoRealServers();
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream capture = into(bytes)) {
            System.setOut(capture);
            main.run();
        } finally {
            System.setOut(original);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        original.print(text); // keep it visible in the test log
        return text;
    }

    static void assumeNoRealServers() {
        for (Database db : Database.values()) {
            assumeTrue(System.getenv(db.envVar()) == null,
                    db.envVar() + " is set: the examples would use a real server");
        }
    }

    /** A stream writing into {@code bytes}. */
    static PrintStream into(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
