package dev.olaphttp.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.SqlClient;
import dev.olaphttp.TransportException;
import dev.olaphttp.testkit.ClickHouseTestServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetsTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Test
    void aDsnFromTheEnvironmentIsUsedAndPrintedWithoutItsPassword() {
        Map<String, String> env = Map.of("OLAPHTTP_CLICKHOUSE_DSN", "clickhouse://app:s3cret@ch.example:8123/shop");
        try (Targets targets = Targets.of(new String[0], env, Capture.into(bytes))) {
            assertThat(targets.isEmbedded(Database.CLICKHOUSE)).isFalse();
            assertThat(targets.dsn(Database.CLICKHOUSE)).isEqualTo("clickhouse://app:s3cret@ch.example:8123/shop");
            assertThat(targets.simulator(Database.CLICKHOUSE)).isEmpty();
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).isEqualTo("using ClickHouse at clickhouse://app:****@ch.example:8123/shop\n");
        assertThat(out).doesNotContain("s3cret");
    }

    @Test
    void aQuickStartGivenADsnUsesThatServerAndStartsNoSimulator() {
        try (ClickHouseTestServer server = new ClickHouseTestServer()) {
            SampleData.seed(Database.CLICKHOUSE, server); // stands in for a real server loaded with sql/clickhouse.sql
            String dsn = "clickhouse://default:@127.0.0.1:" + server.port() + "/shop";
            try (Targets targets = Targets.of(new String[] {"--clickhouse=" + dsn}, Map.of(), Capture.into(bytes))) {
                QuickStartClickHouse.run(targets, Capture.into(bytes));
                assertThat(targets.simulator(Database.CLICKHOUSE)).isEmpty();
            }
            String out = bytes.toString(StandardCharsets.UTF_8);
            assertThat(out).startsWith(
                    "using ClickHouse at clickhouse://default:****@127.0.0.1:" + server.port() + "/shop\n");
            assertThat(out).contains("    1003 | linus    | Helsinki | 120.00 | 2026-01-06 08:45:10\n",
                    "orders in Paris: 3\n");
            assertThat(server.requests()).anySatisfy(r -> assertThat(r.queryParam("param_city")).isEqualTo("Paris"));
        }
    }

    @Test
    void anArgumentOverridesTheEnvironment() {
        try (Targets targets = Targets.of(new String[] {"--starrocks=starrocks://root:@fe2:8030/default_catalog.shop"},
                Map.of("OLAPHTTP_STARROCKS_DSN", "starrocks://root:@fe1:8030/x"), Capture.into(bytes))) {
            assertThat(targets.dsn(Database.STARROCKS)).isEqualTo("starrocks://root:@fe2:8030/default_catalog.shop");
            assertThat(targets.isEmbedded(Database.DATABEND)).isTrue();
        }
    }

    @Test
    void withoutADsnOneSeededSimulatorServesEveryClientUntilClose() {
        String dsn;
        Targets targets = Targets.of(new String[0], Map.of(), Capture.into(bytes));
        try (targets) {
            dsn = targets.dsn(Database.CLICKHOUSE);
            assertThat(targets.dsn(Database.CLICKHOUSE)).isEqualTo(dsn);
            int port = targets.simulator(Database.CLICKHOUSE).orElseThrow().port();
            assertThat(dsn).isEqualTo("clickhouse://default:@127.0.0.1:" + port + "/shop");
            try (SqlClient client = SqlClient.connect(dsn)) {
                assertThat(client.sql(SampleData.FIRST_ORDERS).list(r -> r.getString("customer")))
                        .containsExactly("ada", "grace", "linus", "barbara", "ken");
            }
            assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(
                    ("using embedded ClickHouse simulator at http://127.0.0.1:" + port + "\n").repeat(2));
        }
        try (SqlClient client = SqlClient.builder().dsn(dsn).build()) {
            assertThatThrownBy(() -> client.sql("SELECT 1").execute()).isInstanceOf(TransportException.class);
        }
    }
}
