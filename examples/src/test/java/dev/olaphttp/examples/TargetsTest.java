package dev.olaphttp.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.SqlClient;
import dev.olaphttp.TransportException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetsTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Test
    void aDsnFromTheEnvironmentIsUsedAndPrintedWithoutItsPassword() {
        try (Targets targets = Targets.of(new String[0],
                Map.of("OLAPHTTP_CLICKHOUSE_DSN", "clickhouse://app:s3cret@ch.example:8123/shop"), Capture.into(bytes))) {
            assertThat(targets.isEmbedded(Database.CLICKHOUSE)).isFalse();
            assertThat(targets.dsn(Database.CLICKHOUSE)).isEqualTo("clickhouse://app:s3cret@ch.example:8123/shop");
            assertThat(targets.simulator(Database.CLICKHOUSE)).isEmpty();
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).isEqualTo("using ClickHouse at clickhouse://app:****@ch.example:8123/shop\n");
        assertThat(out).doesNotContain("s3cret");
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
