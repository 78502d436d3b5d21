package dev.olaphttp.starrocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.ResultSizeException;
import dev.olaphttp.SqlClient;
import dev.olaphttp.testkit.StarRocksTestServer;
import org.junit.jupiter.api.Test;

/**
 * The e2e reproduction against the testkit's FE simulator, which kills the statement running on the connection a
 * {@code KILL QUERY} names: an early-closed statement's kill must never end the next statement.
 */
class SimulatorKillTest {
    @Test
    void anEarlyClosedStatementsKillNeverEndsTheNextStatement() {
        try (StarRocksTestServer server = new StarRocksTestServer();
                SqlClient client = StarRocks.builder().endpoint(server.url()).user("root", "").build()) {
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> client.sql("SELECT number FROM numbers(3)").optional(r -> r.getLong(1)))
                        .isInstanceOf(ResultSizeException.class);
                assertThat(client.sql("SELECT number FROM numbers(20000)").list(r -> r.getLong(1)))
                        .as("round " + i).hasSize(20000);
            }
        }
    }
}
