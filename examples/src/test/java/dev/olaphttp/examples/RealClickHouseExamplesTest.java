package dev.olaphttp.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.olaphttp.SqlClient;
import dev.olaphttp.testkit.LoadedTable;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The examples against a real ClickHouse (skipped when {@code clickhouse-server} is not installed), the DSN given as
 * an argument and the sample data loaded with {@code sql/clickhouse.sql}: same output as on the simulator.
 */
class RealClickHouseExamplesTest {
    private static LocalClickHouse server;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private Targets targets;

    @BeforeAll
    static void startServer() throws Exception {
        server = LocalClickHouse.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void targets() {
        assumeTrue(server != null, "clickhouse-server is not installed");
        targets = Targets.of(new String[] {"--clickhouse=" + server.dsn()}, Map.of(), Capture.into(bytes));
    }

    @AfterEach
    void closeTargets() {
        if (targets != null) {
            targets.close();
        }
    }

    private String out() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void quickStartPrintsTheSameTablesAsOnTheSimulator() {
        QuickStartClickHouse.run(targets, Capture.into(bytes));

        assertThat(out()).startsWith("using ClickHouse at " + server.dsn().replace(":s3cret@", ":****@") + "\n");
        assertThat(out()).doesNotContain("s3cret");
        assertThat(out()).contains("    1001 | ada      | Berlin   |  42.50 | 2026-01-05 09:14:00\n",
                "orders in Paris: 3\n", "Boston   |      1 |  230.10\n", "total revenue over 4 cities: 587.74\n");
    }

    @Test
    void sessionStateReachesTheServer() {
        SessionExample.clickHouse(targets, Capture.into(bytes));

        assertThat(out()).contains("  currentDatabase() = analytics\n", "  max_threads       = 2\n",
                "  outside the session, currentDatabase() = shop\n");
    }

    @Test
    void largeResultIsComplete() {
        LargeResultExample.run(targets, Capture.into(bytes), 1_000_000, Database.CLICKHOUSE);

        assertThat(out()).contains("sum(number) = 499,999,500,000 (complete)");
    }

    @Test
    void theTripsTheScriptCreatesAreTheSimulatorsTrips() {
        EtlExample.run(targets, Capture.into(bytes), Database.STARROCKS);

        LoadedTable trips = targets.simulator(Database.STARROCKS).orElseThrow().loaded("trips");
        assertThat(trips.rowCount()).isEqualTo(SampleData.TRIP_COUNT);
        List<List<Object>> rows = trips.rows().stream()
                .sorted((a, b) -> Long.compare((Long) a.get(0), (Long) b.get(0))).toList();
        for (long i : new long[] {0, 1, 12_345, SampleData.TRIP_COUNT - 1}) {
            Object[] expected = new Object[5];
            SampleData.trip(i, expected);
            assertThat(rows.get((int) i)).as("trip %d", i).containsExactly(expected);
        }
    }

    @Test
    void aLongQueryIsCancelled() {
        CancelExample.run(targets, Capture.into(bytes), Duration.ofMillis(500));

        assertThat(out()).contains("dev.olaphttp.QueryCancelledException: query cancelled [dialect=clickhouse");
    }

    @Test
    void aCancelledQueryStopsOnTheServer() throws Exception {
        CancelExample.run(targets, Capture.into(bytes), Duration.ofMillis(500));

        try (SqlClient client = SqlClient.connect(server.dsn())) {
            long running = -1;
            for (int i = 0; i < 50 && running != 0; i++) {
                Thread.sleep(100);
                running = client.sql("SELECT count() FROM system.processes WHERE query LIKE '%sipHash64(number) = 42%'"
                        + " AND query NOT LIKE '%system.processes%'").single(r -> r.getLong(1));
            }
            assertThat(running).isZero();
        }
    }
}
