package dev.olaphttp.clickhouse.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.SqlClient;
import dev.olaphttp.clickhouse.ClickHouseDialect;
import dev.olaphttp.clickhouse.ClickHouseInserts;
import dev.olaphttp.clickhouse.ClickHouseRaw;
import dev.olaphttp.clickhouse.ClickHouseServer;
import dev.olaphttp.okhttp.OkHttpAdapter;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** DSN handling and discovery through {@link java.util.ServiceLoader}. */
class DialectConfigTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    @Test
    void foundByServiceLoaderAndConfiguredFromTheDsn() {
        MockCh ch = new MockCh(server);
        ch.enqueue(new MockResponse.Builder().body("").build());
        String dsn = "clickhouse://bob:p%40ss@" + server.getHostName() + ":" + server.getPort()
                + "/analytics?max_execution_time=30&format=tsv&session=client";
        try (SqlClient c = SqlClient.builder().dsn(dsn).httpClient(OkHttpAdapter.borrow(ch.http)).build()) {
            assertThat(c.dialect()).isEqualTo("clickhouse");
            assertThat(c.defaultState().database()).contains("analytics");
            assertThat(c.defaultState().settings()).containsEntry("max_execution_time", "30").doesNotContainKey("format");
            assertThat(c.extension(ClickHouseInserts.class)).isNotNull();
            assertThat(c.extension(ClickHouseRaw.class)).isNotNull();
            assertThat(c.extension(ClickHouseServer.class)).isNotNull();
            assertThatThrownBy(() -> c.extension(String.class)).isInstanceOf(UnsupportedOperationException.class);
            c.sql("OPTIMIZE TABLE t").execute();
            assertThat(c.toString()).doesNotContain("p@ss");
        }
        String auth = ch.statements.get(0).getHeaders().get("Authorization");
        assertThat(new String(java.util.Base64.getDecoder().decode(auth.substring(6)))).isEqualTo("bob:p@ss");
        assertThat(ch.statements.get(0).getUrl().queryParameter("max_execution_time")).isEqualTo("30");
        assertThat(ch.statements.get(0).getUrl().queryParameter("format")).isNull();
    }

    @Test
    void schemesPortsAndTls() {
        ClickHouseDialect d = new ClickHouseDialect();
        assertThat(d.schemes()).contains("clickhouse", "clickhouse+https");
        SqlClient.Builder b = SqlClient.builder().dialect(d).dsn("clickhouse+https://h1,h2:9443/db");
        assertThat(b.toString()).contains("https://h1:8443").contains("https://h2:9443");
        assertThat(SqlClient.builder().dsn("clickhouse://h").toString()).contains("http://h:8123");
        assertThatThrownBy(() -> SqlClient.builder().dsn("clickhouse://h?password=x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("=x");
        assertThatThrownBy(() -> SqlClient.builder().dsn("clickhouse://h?format=xml").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("format");
    }
}
