package dev.olaphttp.starrocks;

import static dev.olaphttp.starrocks.TestSupport.client;
import static dev.olaphttp.starrocks.TestSupport.error;
import static dev.olaphttp.starrocks.TestSupport.fixture;
import static dev.olaphttp.starrocks.TestSupport.ndjson;
import static dev.olaphttp.starrocks.TestSupport.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.QueryCancelledException;
import dev.olaphttp.QueryFailedException;
import dev.olaphttp.RowCursor;
import dev.olaphttp.SqlClient;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Connection-pool hygiene after success, errors, early close and cancel, and the KILL QUERY that follows. */
class CancelAndPoolTest {
    private static final String HEAD = "{\"connectionId\":42}\n{\"meta\":[{\"name\":\"n\",\"type\":\"bigint(20)\"}]}\n";

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final OkHttpClient ok = TestSupport.okHttp();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void tearDown() {
        release.countDown();
        ok.connectionPool().evictAll();
    }

    /** A 200 that sends its head and {@code rows} rows, then waits (a long-running query) until released. */
    private MockResponse stalled(int rows) {
        MockResponseBody body = new MockResponseBody() {
            @Override
            public long getContentLength() {
                return -1;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.writeUtf8(HEAD);
                for (int i = 1; i <= rows; i++) {
                    sink.writeUtf8("{\"data\":[" + i + "]}\n");
                }
                sink.flush();
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        return new MockResponse.Builder().code(200).setHeader("Content-Type", TestSupport.NDJSON)
                .setHeader("X-StarRocks-Query-Id", TestSupport.QUERY_ID).body(body).build();
    }

    private static MockResponse killOk() {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", TestSupport.NDJSON).body("").build();
    }

    @Test
    void successLeavesOneIdleConnectionThatIsReused() throws Exception {
        server.enqueue(ndjson(fixture("real/docs_select_iceberg.ndjson")));
        server.enqueue(ndjson(fixture("real/docs_select_iceberg.ndjson")));
        try (SqlClient c = client(server, ok)) {
            c.sql("select 1").list(r -> 1);
            assertThat(ok.connectionPool().idleConnectionCount()).isEqualTo(1);
            c.sql("select 1").list(r -> 1);
        }
        assertThat(ok.connectionPool().connectionCount()).isEqualTo(1);
        assertThat(ok.connectionPool().idleConnectionCount()).isEqualTo(1);
        assertThat(take(server).getConnectionIndex()).isEqualTo(take(server).getConnectionIndex());
    }

    @Test
    void errorResponsesReleaseTheirConnection() throws Exception {
        server.enqueue(error(500, "{\"status\":\"FAILED\",\"msg\":\"Unknown table 'x'\"}"));
        server.enqueue(error(403, "{\"status\":\"FAILED\",\"msg\":\"set catalog or db failed\"}"));
        try (SqlClient c = client(server, ok)) {
            assertThatThrownBy(() -> c.sql("select * from x").list(r -> 1)).isInstanceOf(QueryFailedException.class);
            assertThatThrownBy(() -> c.sql("select * from x").list(r -> 1)).isInstanceOf(QueryFailedException.class);
        }
        TestSupport.awaitNoActiveConnections(ok);
        assertThat(ok.connectionPool().idleConnectionCount()).isEqualTo(1);
    }

    @Test
    void earlyCloseDropsTheConnectionAndSendsKillQuery() throws Exception {
        server.enqueue(stalled(3));
        server.enqueue(killOk());
        try (SqlClient c = client(server, ok)) {
            try (RowCursor cur = c.sql("select n from huge").stream()) {
                assertThat(cur.next()).isTrue();
                assertThat(cur.getLong(1)).isEqualTo(1);
            } // closed after one row
            RecordedRequest query = take(server);
            RecordedRequest kill = take(server);
            assertThat(kill.getBody().utf8()).isEqualTo("{\"query\":\"KILL QUERY 42\"}");
            assertThat(kill.getUrl().encodedPath()).isEqualTo("/api/v1/catalogs/default_catalog/sql");
            assertThat(kill.getConnectionIndex()).isNotEqualTo(query.getConnectionIndex());
            TestSupport.awaitNoActiveConnections(ok);
        }
    }

    @Test
    void anEarlyCloseOfAFullySentResultSendsNoKillAndKeepsTheConnection() throws Exception {
        // D19: the FE had finished; a KILL would only fail with "Unknown thread id" and the connection was dropped
        StringBuilder body = new StringBuilder(HEAD);
        for (int i = 1; i <= 3; i++) {
            body.append("{\"data\":[").append(i).append("]}\n");
        }
        server.enqueue(ndjson(body + "{\"statistics\":{\"scanRows\":3,\"scanBytes\":8,\"returnRows\":3}}\n"));
        server.enqueue(ndjson("{\"meta\":[{\"name\":\"Database\",\"type\":\"varchar\"}],\"data\":[{\"Database\":"
                + "\"a\"},{\"Database\":\"b\"}],\"statistics\":{\"returnRows\":2}}"));
        server.enqueue(ndjson(fixture("real/docs_select_iceberg.ndjson")));
        SqlClient c = client(server, ok);
        try (c) {
            try (RowCursor cur = c.sql("select n from small").stream()) {
                assertThat(cur.next()).isTrue();
            }
            try (RowCursor cur = c.sql("show databases").stream()) {
                assertThat(cur.next()).isTrue();
            }
            assertThat(c.sql("select k1, k2 from db.t").list(r -> r.getInt(1))).containsExactly(1, 1);
        } // closing the client runs any KILL already handed to its scheduler
        RecordedRequest first = take(server);
        RecordedRequest show = take(server);
        RecordedRequest third = take(server);
        assertThat(show.getBody().utf8()).contains("show databases");
        assertThat(third.getBody().utf8()).contains("select k1, k2");
        assertThat(server.getRequestCount()).as("no KILL was sent").isEqualTo(3);
        assertThat(List.of(show.getConnectionIndex(), third.getConnectionIndex()))
                .as("the connection was reused").containsOnly(first.getConnectionIndex());
        assertThat(ok.connectionPool().connectionCount()).isEqualTo(1);
    }

    @Test
    void anEarlyCloseOfALargeResultStillKills() throws Exception {
        StringBuilder body = new StringBuilder(HEAD);
        for (int i = 1; i <= 20_000; i++) {
            body.append("{\"data\":[").append(i).append("]}\n");
        }
        server.enqueue(ndjson(body + "{\"statistics\":{\"returnRows\":20000}}\n"));
        server.enqueue(killOk());
        try (SqlClient c = client(server, ok)) {
            try (RowCursor cur = c.sql("select n from big").stream()) {
                assertThat(cur.next()).isTrue();
            }
            RecordedRequest query = take(server);
            RecordedRequest kill = take(server);
            assertThat(kill.getBody().utf8()).isEqualTo("{\"query\":\"KILL QUERY 42\"}");
            assertThat(kill.getConnectionIndex()).isNotEqualTo(query.getConnectionIndex());
        }
    }

    @Test
    void maxRowsStopsReadingAndKills() throws Exception {
        server.enqueue(stalled(5));
        server.enqueue(killOk());
        try (SqlClient c = client(server, ok)) {
            assertThat(c.sql("select n from huge").maxRows(2).list(r -> r.getLong(1))).containsExactly(1L, 2L);
            take(server);
            assertThat(take(server).getBody().utf8()).contains("KILL QUERY 42");
            TestSupport.awaitNoActiveConnections(ok);
        }
    }

    @Test
    void cancelFromAnotherThreadUnblocksNextAndSendsKillQuery() throws Exception {
        server.enqueue(stalled(1));
        server.enqueue(killOk());
        try (SqlClient c = client(server, ok); RowCursor cur = c.sql("select n from huge").stream()) {
            assertThat(cur.next()).isTrue();
            Thread canceller = new Thread(() -> {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                cur.cancel();
            });
            canceller.start();
            assertThatThrownBy(cur::next).isInstanceOf(QueryCancelledException.class);
            canceller.join();
            take(server);
            assertThat(take(server).getBody().utf8()).isEqualTo("{\"query\":\"KILL QUERY 42\"}");
        }
        TestSupport.awaitNoActiveConnections(ok);
    }

    @Test
    void killFailureIsLoggedNotThrown() throws Exception {
        server.enqueue(stalled(2));
        server.enqueue(error(500, "{\"status\":\"FAILED\",\"msg\":\"Unknown thread id: 42\"}"));
        try (SqlClient c = client(server, ok)) {
            RowCursor cur = c.sql("select n from huge").stream();
            assertThat(cur.next()).isTrue();
            cur.close(); // must not throw although the KILL fails
            take(server);
            assertThat(take(server).getBody().utf8()).contains("KILL QUERY 42");
            TestSupport.awaitNoActiveConnections(ok);
        }
    }

    @Test
    void killOnCancelCanBeTurnedOff() throws Exception {
        server.enqueue(stalled(2));
        try (SqlClient c = TestSupport.builder(server, ok).option("kill_on_cancel", "false")
                .resilience(dev.olaphttp.ResiliencePolicy.noRetries()).build()) {
            try (RowCursor cur = c.sql("select n from huge").stream()) {
                assertThat(cur.next()).isTrue();
            }
            take(server);
            assertThat(server.takeRequest(300, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    @Test
    void aCompleteResultSendsNoKill() throws Exception {
        server.enqueue(ndjson(HEAD + "{\"data\":[7]}\n{\"statistics\":{\"returnRows\":1}}\n"));
        try (SqlClient c = client(server, ok)) {
            long n = c.sql("select n").single(r -> r.getLong(1));
            assertThat(n).isEqualTo(7L);
            take(server);
            assertThat(server.takeRequest(300, TimeUnit.MILLISECONDS)).isNull();
        }
        assertThat(ok.connectionPool().idleConnectionCount()).isEqualTo(1);
    }

    @Test
    void statementTimeoutWhileStreamingSendsKillQuery() throws Exception {
        server.enqueue(stalled(1));
        server.enqueue(killOk());
        try (SqlClient c = client(server, ok);
                RowCursor cur = c.sql("select n from huge").timeout(java.time.Duration.ofMillis(700)).stream()) {
            assertThat(cur.next()).isTrue();
            assertThatThrownBy(cur::next).isInstanceOf(dev.olaphttp.QueryTimeoutException.class);
            take(server);
            assertThat(take(server).getBody().utf8()).isEqualTo("{\"query\":\"KILL QUERY 42\"}");
        }
        TestSupport.awaitNoActiveConnections(ok);
    }

    @Test
    void anUndecodableRowStopsTheQueryOnTheServer() throws Exception {
        server.enqueue(ndjson(HEAD + "{\"data\":[1]}\n{\"data\":[\"not a number\"]}\n{\"data\":[3]}\n"
                + "{\"statistics\":{}}\n"));
        server.enqueue(killOk());
        try (SqlClient c = client(server, ok)) {
            assertThatThrownBy(() -> c.sql("select n").list(r -> r.getLong(1)))
                    .isInstanceOf(dev.olaphttp.ProtocolException.class);
            take(server);
            assertThat(take(server).getBody().utf8()).isEqualTo("{\"query\":\"KILL QUERY 42\"}");
        }
        TestSupport.awaitNoActiveConnections(ok);
    }
}
