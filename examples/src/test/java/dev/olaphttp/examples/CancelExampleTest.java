package dev.olaphttp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olaphttp.testkit.RecordedRequest;
import dev.olaphttp.testkit.TestServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CancelExampleTest {
    @Test
    void theStalledQueryIsCancelledFromTheTimerThread() throws Exception {
        long start = System.nanoTime();
        String out = Capture.stdout(() -> CancelExample.main(new String[0]));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(out).containsPattern("using embedded ClickHouse simulator at http://127\\.0\\.0\\.1:\\d+\n");
        assertThat(out).contains("will cancel after 2000 ms\n");
        assertThat(out).containsPattern("cancelled after [\\d.]+ s: dev\\.olaphttp\\.QueryCancelledException: query "
                + "cancelled \\[dialect=clickhouse, queryId=[0-9a-f-]{36}\\]");
        assertThat(out).contains("retryable: false");
        assertThat(out).doesNotContain("finished before the deadline");
        // the simulator holds the answer back for a minute: only a cancel ends it this early
        assertThat(took).isLessThan(Duration.ofSeconds(30));
    }

    /**
     * Seen on a real ClickHouse 18.16: after the cancel the query kept running on the server (found in
     * system.processes a minute later), because nothing asked the server to stop it.
     */
    @Test
    void theServerIsAskedToStopTheCancelledQuery() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Targets targets = Targets.of(new String[0], Map.of(), Capture.into(bytes))) {
            CancelExample.run(targets, Capture.into(bytes), Duration.ofMillis(500));
            Matcher id = Pattern.compile("queryId=([0-9a-f-]{36})").matcher(bytes.toString(StandardCharsets.UTF_8));
            assertThat(id.find()).isTrue();
            TestServer server = targets.simulator(Database.CLICKHOUSE).orElseThrow();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!killed(server, id.group(1)) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(killed(server, id.group(1))).as("KILL QUERY for %s", id.group(1)).isTrue();
        }
    }

    private static boolean killed(TestServer server, String queryId) {
        for (RecordedRequest r : server.requests()) {
            String sql = (r.target() + " " + r.bodyUtf8()).replace('+', ' ');
            if (sql.toUpperCase(java.util.Locale.ROOT).contains("KILL") && sql.contains(queryId)) {
                return true;
            }
        }
        return false;
    }
}
