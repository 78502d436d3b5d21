package dev.olaphttp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a newcomer sees from {@code mvn -q -pl examples exec:java}: it must not silently rot. */
class DemoTest {
    @Test
    void theDemoRunsEverySectionAgainstTheSimulatorsAndPrintsRealTables() throws Exception {
        String out = Capture.stdout(() -> Demo.main(new String[0]));

        assertThat(out).containsSubsequence(
                "=== Quick start: Databend", "using embedded Databend simulator at http://127.0.0.1:",
                "    1001 | ada      | Berlin   |  42.50 | 2026-01-05 09:14:00", "Boston   |      1 |  230.10",
                "=== Quick start: ClickHouse", "using embedded ClickHouse simulator at http://127.0.0.1:",
                "    1005 | ken      | Berlin   |   9.99 | 2026-01-07 07:01:44", "orders in Paris: 3",
                "=== Quick start: StarRocks", "using embedded StarRocks simulator at http://127.0.0.1:",
                "Berlin   |      3 |   67.49", "total revenue over 4 cities: 587.74",
                "=== Sessions", "currentDatabase() = analytics", "@@query_timeout = 60", "settings={max_threads=4}",
                "=== Streaming a large result", "sum(number) = 499,999,500,000 (complete)",
                "=== Cancelling", "dev.olaphttp.QueryCancelledException: query cancelled",
                "=== Copying ClickHouse -> StarRocks", "read 20,000 rows, StarRocks wrote 20,000 rows in",
                "=== Spring", "revenue in starrocks: 587.74", "clickhouse client closed by the container: true");
        assertThat(out).doesNotContain("WARNING", "Exception in", "finished before the deadline");
        // one simulator per database for the whole demo
        assertThat(out.lines().filter(l -> l.startsWith("using embedded ClickHouse simulator at ")).distinct().count())
                .isEqualTo(1);
    }
}
