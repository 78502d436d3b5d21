package dev.olaphttp.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.SqlClient;
import dev.olaphttp.testkit.TestServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpringExampleTest {
    @Test
    void theContainerInjectsTheClientsAndClosesThemWhenItCloses() throws InterruptedException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Targets targets = Targets.of(new String[0], Map.of(), Capture.into(bytes))) {
            Map<String, SqlClient> clients = SpringExample.run(targets, Capture.into(bytes));
            String out = bytes.toString(StandardCharsets.UTF_8);

            assertThat(clients).containsOnlyKeys("databend", "clickhouse", "starrocks");
            assertThat(clients.get("databend").dialect()).isEqualTo("databend");
            assertThat(clients.get("clickhouse").dialect()).isEqualTo("clickhouse");
            assertThat(clients.get("starrocks").dialect()).isEqualTo("starrocks");
            assertThat(out).contains("revenue in clickhouse: 587.74\n", "revenue in databend: 587.74\n",
                    "revenue in starrocks: 587.74\n");
            clients.values().forEach(client -> {
                assertThat(client.toString()).endsWith(", closed}");
                assertThatThrownBy(() -> client.sql("SELECT 1")).isInstanceOf(IllegalStateException.class)
                        .hasMessage("client is closed");
            });
            assertThat(out).contains("databend client closed by the container: true",
                    "clickhouse client closed by the container: true",
                    "starrocks client closed by the container: true");

            // closing a client closed its pooled connections: the servers see them go
            for (Database db : Database.values()) {
                TestServer server = targets.simulator(db).orElseThrow();
                long deadline = System.nanoTime() + 5_000_000_000L;
                while (server.openConnectionCount() > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(server.openConnectionCount()).as(db.label()).isZero();
                assertThat(server.connectionCount()).as(db.label()).isPositive();
            }

            // the simulators are the caller's: the container did not close them
            try (SqlClient again = targets.connect(Database.STARROCKS)) {
                int seven = again.sql("SELECT 7").single(r -> r.getInt(1));
                assertThat(seven).isEqualTo(7);
            }
        }
    }

    @Test
    void mainPrintsTheReport() throws Exception {
        String out = Capture.stdout(() -> SpringExample.main(new String[0]));

        assertThat(out).containsPattern("using embedded Databend simulator at http://127\\.0\\.0\\.1:\\d+\n");
        assertThat(out).contains("starrocks client closed by the container: true");
    }
}
