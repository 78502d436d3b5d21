package dev.olaphttp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuickStartTest {
    @ParameterizedTest
    @ValueSource(strings = {"Databend", "ClickHouse", "StarRocks"})
    void quickStartPrintsTheOrdersTheRevenueTableAndTheParameterisedCount(String database) throws Exception {
        String out = Capture.stdout(() -> Class.forName("dev.olaphttp.examples.QuickStart" + database)
                .getMethod("main", String[].class).invoke(null, (Object) new String[0]));

        assertThat(out).containsPattern("using embedded " + database + " simulator at http://127\\.0\\.0\\.1:\\d+\n");
        assertThat(out).contains(
                "order_id | customer | city     | amount | created_at\n"
                + "---------+----------+----------+--------+--------------------\n"
                + "    1001 | ada      | Berlin   |  42.50 | 2026-01-05 09:14:00\n"
                + "    1002 | grace    | Paris    |  17.90 | 2026-01-05 11:02:31\n"
                + "    1003 | linus    | Helsinki | 120.00 | 2026-01-06 08:45:10\n"
                + "    1004 | barbara  | Paris    |  64.25 | 2026-01-06 19:20:00\n"
                + "    1005 | ken      | Berlin   |   9.99 | 2026-01-07 07:01:44\n"
                + "(5 rows)\n");
        assertThat(out).contains("orders in Paris: 3\n");
        assertThat(out).contains(
                "city     | orders | revenue\n"
                + "---------+--------+--------\n"
                + "Boston   |      1 |  230.10\n"
                + "Paris    |      3 |  170.15\n"
                + "Helsinki |      1 |  120.00\n"
                + "Berlin   |      3 |   67.49\n"
                + "(4 rows)\n");
        assertThat(out).contains("total revenue over 4 cities: 587.74\n");
    }
}
