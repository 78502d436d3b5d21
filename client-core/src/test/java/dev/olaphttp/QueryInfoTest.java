package dev.olaphttp;

import static dev.olaphttp.LineTesting.builder;
import static dev.olaphttp.LineTesting.ok;
import static dev.olaphttp.LineTesting.status;
import static dev.olaphttp.testdialect.LineProtocol.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a listener learns from {@link QueryInfo}: kind, endpoint, attempt, rows and bytes so far. */
class QueryInfoTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    @ParameterizedTest
    @CsvSource({
        "'SELECT 1', QUERY",
        "'  /* c */ (select 1)', QUERY",
        "'with x as (select 1) select * from x', QUERY",
        "'INSERT INTO t VALUES (1)', INSERT",
        "'delete from t where 1', DML",
        "'CREATE TABLE t (a int)', DDL",
        "'SET max_threads = 1', SESSION",
        "'BEGIN', TRANSACTION",
        "'KILL QUERY 1', OTHER",
        "'', OTHER"
    })
    void kindComesFromTheFirstKeyword(String sql, StatementKind kind) {
        assertThat(new QueryInfo("q", "d", sql).kind()).isEqualTo(kind);
    }

    @Test
    void toStringNeverShowsTheSql() {
        assertThat(new QueryInfo("q", "d", "SELECT secret_column FROM t").toString())
                .doesNotContain("secret_column")
                .contains("kind=QUERY");
    }

    @Test
    void requestsNameEndpointAndAttemptAndTheEndCarriesTheServersCounters() {
        List<QueryInfo> requests = new CopyOnWriteArrayList<>();
        List<QueryInfo> retries = new CopyOnWriteArrayList<>();
        List<QueryInfo> ends = new CopyOnWriteArrayList<>();
        QueryListener listener = new QueryListener() {
            @Override
            public void onRequest(QueryInfo query, String method, String path, int attempt) {
                requests.add(query);
            }

            @Override
            public void onRetry(QueryInfo query, int attempt, Duration delay, SqlClientException cause) {
                retries.add(query);
            }

            @Override
            public void onEnd(QueryInfo query, QueryStats stats, long rows) {
                ends.add(query);
            }
        };
        server.enqueue(status(503, "busy"));
        server.enqueue(new mockwebserver3.MockResponse.Builder()
                .code(200)
                .addHeader("X-Rows-Read", "42")
                .addHeader("X-Bytes-Read", "4200")
                .body(body("n:int64", "1"))
                .build());
        try (SqlClient c = builder(server).listener(listener).build()) {
            c.sql("SELECT n FROM t").execute();
        }
        String endpoint = "127.0.0.1:" + server.getPort();
        assertThat(requests).extracting(QueryInfo::attempt).containsExactly(1, 2);
        assertThat(requests).extracting(QueryInfo::endpoint).containsOnly(endpoint);
        assertThat(requests).extracting(QueryInfo::kind).containsOnly(StatementKind.QUERY);
        assertThat(retries).singleElement().satisfies(q -> {
            assertThat(q.attempt()).isEqualTo(1);
            assertThat(q.endpoint()).as("the endpoint that failed").isEqualTo(endpoint);
        });
        assertThat(ends).singleElement().satisfies(q -> {
            assertThat(q.rowsRead()).isEqualTo(42);
            assertThat(q.bytesRead()).isEqualTo(4200);
        });
    }
}
