package dev.olaphttp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
}
