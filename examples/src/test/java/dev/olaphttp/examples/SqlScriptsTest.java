package dev.olaphttp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The scripts that load the sample data into real servers hold exactly the rows the simulators serve. */
class SqlScriptsTest {
    private static final Pattern ORDER_ROW =
            Pattern.compile("\\((\\d+), '(\\w+)', '(\\w+)', ([\\d.]+), '([\\d-]+) ([\\d:]+)'\\)");

    @ParameterizedTest
    @ValueSource(strings = {"clickhouse.sql", "databend.sql", "starrocks.sql"})
    void ordersMatchTheSimulatorsData(String script) throws Exception {
        String sql = Files.readString(Path.of("sql", script)); // surefire runs in the module directory
        List<String> rows = ORDER_ROW.matcher(sql).results()
                .map(m -> m.group(1) + "," + m.group(2) + "," + m.group(3) + "," + m.group(4) + "," + m.group(5) + "T"
                        + m.group(6))
                .toList();
        List<String> expected = SampleData.ORDERS.stream()
                .map(o -> o[0] + "," + o[1] + "," + o[2] + "," + o[3] + "," + o[4])
                .toList();
        assertThat(rows).hasSize(expected.size());
        for (int i = 0; i < rows.size(); i++) {
            // LocalDateTime.toString drops ":00" seconds; compare as parsed date-times
            String[] a = rows.get(i).split(",");
            String[] b = expected.get(i).split(",");
            assertThat(List.of(a[0], a[1], a[2], a[3])).containsExactly(b[0], b[1], b[2], b[3]);
            assertThat(java.time.LocalDateTime.parse(a[4])).isEqualTo(java.time.LocalDateTime.parse(b[4]));
        }
        assertThat(sql).contains("CREATE DATABASE IF NOT EXISTS analytics");
    }
}
