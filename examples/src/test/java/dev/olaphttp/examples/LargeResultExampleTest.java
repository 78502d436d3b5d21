package dev.olaphttp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class LargeResultExampleTest {
    private static final Pattern PROGRESS =
            Pattern.compile("(?m)^ +[\\d,]+ rows +[\\d.]+ s  heap used +[\\d,]+ of [\\d,]+ MB$");

    @Test
    void streamsEveryRowWithAProgressLineEveryHalfMillion() throws Exception {
        String out = Capture.stdout(() -> LargeResultExample.main(new String[] {"--rows=1000000"}));

        assertThat(out).containsPattern("using embedded ClickHouse simulator at http://127\\.0\\.0\\.1:\\d+\n");
        assertThat(out).contains("-- SELECT number FROM numbers(1000000)\n");
        assertThat(PROGRESS.matcher(out).results().count()).isEqualTo(2);
        assertThat(out).containsPattern("(?m)^ +500,000 rows ").containsPattern("(?m)^ +1,000,000 rows ");
        assertThat(out).containsPattern(
                "read 1,000,000 rows in [\\d.]+ s, sum\\(number\\) = 499,999,500,000 \\(complete\\)");
    }

    @Test
    void streamsFromDatabendWhenAsked() throws Exception {
        String out = Capture.stdout(() -> LargeResultExample.main(new String[] {"--rows=30000", "--on=databend"}));

        assertThat(out).containsPattern("using embedded Databend simulator at http://127\\.0\\.0\\.1:\\d+\n");
        assertThat(out).containsPattern("read 30,000 rows in [\\d.]+ s, sum\\(number\\) = 449,985,000 \\(complete\\)");
    }

    /** Runs in the -Xmx64m execution: three million rows (server and client in one JVM) in flat memory. */
    @Test
    @Tag("heap")
    void threeMillionRowsInA64MegabyteHeap() throws Exception {
        String out = Capture.stdout(() -> LargeResultExample.main(new String[] {"--rows=3000000"}));

        assertThat(PROGRESS.matcher(out).results().count()).isEqualTo(6);
        assertThat(out).contains("sum(number) = 4,499,998,500,000 (complete)");
    }
}
