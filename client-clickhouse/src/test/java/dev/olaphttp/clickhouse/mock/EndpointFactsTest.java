package dev.olaphttp.clickhouse.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olaphttp.SqlClient;
import dev.olaphttp.clickhouse.ClickHouse;
import dev.olaphttp.okhttp.OkHttpAdapter;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The version is looked up once per endpoint, and the oldest endpoint decides the format. */
class EndpointFactsTest {
    final MockWebServer a = new MockWebServer();
    final MockWebServer b = new MockWebServer();

    @AfterEach
    void stop() {
        a.close();
        b.close();
    }

    @Test
    void eachEndpointIsAskedOnceAndTheOldestDecides() throws Exception {
        // both endpoints are asked at first use; A is then stopped and the reads fail over to B
        a.start();
        b.start();
        MockCh chA = new MockCh(a);
        MockCh chB = new MockCh(b);
        chB.version = "18.16.1\tUTC\n";
        String tsv = "n\ts\nUInt64\tString\n0\tv0\n";
        chA.enqueue(new MockResponse.Builder().body(tsv).build());
        chB.enqueue(new MockResponse.Builder().body(tsv).build());
        chB.enqueue(new MockResponse.Builder().body(tsv).build());
        try (SqlClient c = ClickHouse.builder().endpoint(a.url("/").toString()).endpoint(b.url("/").toString())
                .httpClient(OkHttpAdapter.borrow(chA.http)).build()) {
            assertThat(c.sql("SELECT n, s FROM t").list(r -> r.getString(2))).containsExactly("v0");
            a.close(); // endpoint A goes away: the read fails over to B
            assertThat(c.sql("SELECT n, s FROM t").list(r -> r.getString(2))).containsExactly("v0");
            assertThat(c.sql("SELECT n, s FROM t").list(r -> r.getString(2))).containsExactly("v0");
        }
        assertThat(chA.lookups).hasSize(1);
        assertThat(chB.lookups).hasSize(1);
        // B (18.16) is older than A (24.8): every statement, wherever it lands, asks for TSV
        assertThat(chA.statements.get(0).getUrl().queryParameter("default_format")).isEqualTo("TabSeparatedWithNamesAndTypes");
        assertThat(chB.statements).extracting(r -> r.getUrl().queryParameter("default_format"))
                .containsOnly("TabSeparatedWithNamesAndTypes");
    }
}
