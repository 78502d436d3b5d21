package dev.olaphttp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olaphttp.testkit.LoadedTable;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EtlExampleTest {
    private static final Pattern SUMMARY =
            Pattern.compile("read 20,000 rows, (\\w+) wrote (-?[\\d,]+) rows in [\\d.]+ s \\(label ([\\w-]+)\\)");

    @ParameterizedTest
    @EnumSource(value = Database.class, names = {"DATABEND", "STARROCKS"})
    void everyClickHouseRowArrivesInTheTargetTableInOneLoad(Database into) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Targets targets = Targets.of(new String[0], Map.of(), Capture.into(bytes))) {
            EtlExample.run(targets, Capture.into(bytes), into);
            String out = bytes.toString(StandardCharsets.UTF_8);

            assertThat(out).containsPattern("using embedded ClickHouse simulator at http://127\\.0\\.0\\.1:\\d+\n");
            assertThat(out).containsPattern("using embedded " + into.label() + " simulator at http://127\\.0\\.0\\.1:");
            Matcher summary = SUMMARY.matcher(out);
            assertThat(summary.find()).as(out).isTrue();
            assertThat(summary.group(1)).isEqualTo(into.label());

            LoadedTable trips = targets.simulator(into).orElseThrow().loaded("trips");
            assertThat(trips.rowCount()).isEqualTo(SampleData.TRIP_COUNT);
            assertThat(trips.loadCount()).isEqualTo(1);
            assertThat(trips.labels()).containsExactly(summary.group(3));
            List<List<Object>> rows = trips.rows();
            for (long i : new long[] {0, 1, 7_777, SampleData.TRIP_COUNT - 1}) {
                Object[] expected = new Object[5];
                SampleData.trip(i, expected);
                assertThat(rows.get((int) i)).as("trip %d", i).containsExactly(expected);
            }
        }
    }

    @Test
    void starRocksReportsTheRowsItWrote() throws Exception {
        String out = Capture.stdout(() -> EtlExample.main(new String[] {"--into=starrocks"}));

        assertThat(out).containsPattern("read 20,000 rows, StarRocks wrote 20,000 rows in ");
        assertThat(out).doesNotContain("WARNING");
    }

    @Test
    void databendReportsTheRowsItWrote() throws Exception {
        String out = Capture.stdout(() -> EtlExample.main(new String[0]));

        assertThat(out).containsPattern("read 20,000 rows, Databend wrote 20,000 rows in ");
        assertThat(out).doesNotContain("WARNING");
    }
}
