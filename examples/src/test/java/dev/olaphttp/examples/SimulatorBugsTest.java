package dev.olaphttp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olaphttp.SqlClient;
import dev.olaphttp.InsertResult;
import dev.olaphttp.testkit.ClickHouseTestServer;
import dev.olaphttp.testkit.Column;
import dev.olaphttp.testkit.DatabendTestServer;
import java.util.stream.Stream;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where the simulators and the dialects disagree, found while writing the examples (SampleData works around them).
 * Each test states the behaviour of the real server; enable it when the bug is fixed.
 */
class SimulatorBugsTest {
    @Test
    void anUnscriptedClickHouseSimulatorServesTheClickHouseDialect() {
        try (ClickHouseTestServer server = new ClickHouseTestServer();
                SqlClient client = SqlClient.connect("clickhouse://default:@127.0.0.1:" + server.port())) {
            List<Long> numbers = client.sql("SELECT number FROM numbers(3)").list(r -> r.getLong(1));
            assertThat(numbers).containsExactly(0L, 1L, 2L);
        }
    }

    @Test
    void aDeclaredDatabendTableAcceptsABulkLoadWithoutScripts() {
        try (DatabendTestServer server = new DatabendTestServer()) {
            server.table("t", Column.of("a", "UInt64"), Column.of("b", "String"));
            try (SqlClient client = SqlClient.connect("databend+http://root:@127.0.0.1:" + server.port() + "/shop")) {
                InsertResult r = client.insert("t").columns("a", "b")
                        .rows(Stream.of(new Object[] {1L, "x"}, new Object[] {2L, "y"}));
                assertThat(r.rowsWritten()).isEqualTo(2);
            }
            assertThat(server.loaded("t").rowCount()).isEqualTo(2);
        }
    }
}
