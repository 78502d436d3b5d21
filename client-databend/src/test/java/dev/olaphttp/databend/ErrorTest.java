package dev.olaphttp.databend;

import static dev.olaphttp.databend.TestServer.client;
import static dev.olaphttp.databend.TestServer.resp;
import static dev.olaphttp.databend.TestServer.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.ProtocolException;
import dev.olaphttp.ResultInterruptedException;
import dev.olaphttp.ServerBusyException;
import dev.olaphttp.SqlClient;
import dev.olaphttp.databend.DatabendQueryException.Reason;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.junit.jupiter.api.Test;

class ErrorTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private static final String NUMBER = "[{\"name\":\"number\",\"type\":\"UInt64\"}]";

    @Test
    void failedQueryCarriesCodeMessageAndDetailAndIsFinalized() throws Exception {
        server.enqueue(resp().state("Failed").error("{\"code\":1046,\"message\":\"Number of columns in file (2) does not"
                + " match\",\"detail\":\"at file 'select.csv', line 1\"}").next("final").ok());
        server.enqueue(TestServer.finalOk("q1"));
        try (SqlClient client = client(server, "")) {
            assertThatThrownBy(() -> client.sql("COPY INTO t FROM @s").execute())
                    .isInstanceOfSatisfying(DatabendQueryException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.QUERY_FAILED);
                        assertThat(e.errorCode()).hasValue(1046);
                        assertThat(e.detail()).contains("at file 'select.csv', line 1");
                        assertThat(e.serverMessage()).startsWith("Number of columns");
                        assertThat(e.queryId()).contains("q1");
                        assertThat(e.httpStatus()).isEqualTo(200);
                    });
        }
        take(server);
        RecordedRequest fin = take(server);
        assertThat(fin.getTarget()).isEqualTo("/v1/query/q1/final");
        assertThat(server.getRequestCount()).as("no kill for a failed query").isEqualTo(2);
    }

    @Test
    void failToStartHasAnEmptyIdAndNoFollowUps() {
        server.enqueue(TestServer.json(200, "{\"id\":\"\",\"session_id\":null,\"node_id\":\"\",\"state\":\"Failed\","
                + "\"session\":{\"txn_state\":\"Fail\",\"need_sticky\":false},\"error\":{\"code\":5112,\"message\":"
                + "\"invalid session state\"},\"warnings\":[],\"schema\":[],\"data\":[],\"affect\":null,"
                + "\"result_timeout_secs\":null,\"stats\":" + TestServer.STATS + ",\"stats_uri\":null,"
                + "\"final_uri\":null,\"next_uri\":null,\"kill_uri\":null}"));
        try (SqlClient client = client(server, "")) {
            assertThatThrownBy(() -> client.sql("SELECT 1").execute())
                    .isInstanceOfSatisfying(DatabendQueryException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.START_FAILED);
                        assertThat(e.errorCode()).hasValue(5112);
                    });
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void closedAndExpiredQueriesAreTyped() {
        server.enqueue(resp().state("Running").schema(NUMBER).data("[[\"1\"]]").next("page/1").ok());
        server.enqueue(TestServer.json(400, "{\"error\":{\"code\":400,\"message\":\"Query q1 is closed for timed out\"}}"));
        server.enqueue(resp().id("q2").state("Running").schema(NUMBER).data("[[\"1\"]]").next("page/1").ok());
        server.enqueue(TestServer.json(404, "{\"error\":{\"code\":404,\"message\":\"Query ID q2 not found on node n\"}}"));
        try (SqlClient client = client(server, "")) {
            assertThatThrownBy(() -> client.sql("SELECT 1").execute())
                    .isInstanceOfSatisfying(DatabendQueryException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.QUERY_CLOSED);
                        assertThat(e.httpStatus()).isEqualTo(400);
                        assertThat(e.errorCode()).isEmpty();
                    });
            assertThatThrownBy(() -> client.sql("SELECT 1").execute())
                    .isInstanceOfSatisfying(DatabendQueryException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.QUERY_NOT_FOUND);
                        assertThat(e.httpStatus()).isEqualTo(404);
                        assertThat(e.getMessage()).contains("not found on node");
                    });
        }
        assertThat(server.getRequestCount()).as("nothing to kill on a gone query").isEqualTo(4);
    }

    @Test
    void retriesBusyPostWithTheSameQueryIdAndBusyPages() throws Exception {
        server.enqueue(TestServer.json(503, "{\"kind\":\"ProvisionWarehouseTimeout\",\"message\":\"warehouse starting\"}"));
        server.enqueue(new MockResponse.Builder().code(520).body("<html>origin error</html>").build());
        server.enqueue(resp().state("Running").schema(NUMBER).data("[[\"1\"]]").next("page/1").ok());
        server.enqueue(new MockResponse.Builder().code(502).body("<html><body>Bad Gateway</body></html>").build());
        server.enqueue(new MockResponse.Builder().code(504).body("").build());
        server.enqueue(resp().schema(NUMBER).data("[[\"2\"]]").next("final").ok());
        server.enqueue(TestServer.finalOk("q1"));
        try (SqlClient client = client(server, "")) {
            assertThat(client.sql("SELECT number").list(r -> r.getObject(1).toString())).containsExactly("1", "2");
        }
        for (int i = 0; i < 3; i++) {
            RecordedRequest post = take(server);
            assertThat(post.getTarget()).isEqualTo("/v1/query");
            assertThat(post.getHeaders().get("X-DATABEND-QUERY-ID")).isEqualTo("q1");
        }
        for (int i = 0; i < 3; i++) {
            assertThat(take(server).getTarget()).isEqualTo("/v1/query/q1/page/1");
        }
    }

    @Test
    void busyAfterRetriesIsRetryableServerBusy() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(TestServer.json(503, "{\"error\":{\"code\":503,\"message\":\"overloaded\"}}"));
        }
        try (SqlClient client = client(server, "")) {
            assertThatThrownBy(() -> client.sql("SELECT 1").execute())
                    .isInstanceOfSatisfying(ServerBusyException.class, e -> {
                        assertThat(e.isRetryable()).isTrue();
                        assertThat(e.httpStatus()).isEqualTo(503);
                    });
        }
    }

    @Test
    void htmlFromAProxyIsAProtocolErrorQuotingStatusAndSnippet() {
        server.enqueue(new MockResponse.Builder().code(500).addHeader("Content-Type", "text/html")
                .body("<html><head><title>Oops</title></head><body><h1>Internal proxy failure</h1></body></html>").build());
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
                .body("<html><body>Please log in</body></html>").build());
        try (SqlClient client = client(server, "")) {
            assertThatThrownBy(() -> client.sql("SELECT 1").execute())
                    .isInstanceOf(ProtocolException.class)
                    .hasMessageContaining("HTTP 500")
                    .hasMessageContaining("Internal proxy failure")
                    .hasMessageNotContaining("<h1>");
            assertThatThrownBy(() -> client.sql("SELECT 1").execute())
                    .isInstanceOf(ProtocolException.class)
                    .hasMessageContaining("HTTP 200")
                    .hasMessageContaining("Please log in");
        }
    }

    @Test
    void aPostTruncatedOnEveryAttemptIsAnInterruptedResultAndInvalidUtf8AProtocolError() throws Exception {
        String full = resp().schema(NUMBER).data("[[\"1\"],[\"2\"]]").next("final").json();
        for (int i = 0; i < 3; i++) { // each attempt (same query id) breaks off again
            server.enqueue(new MockResponse.Builder().code(200).body(full.substring(0, full.indexOf("[\"2\"]") + 2))
                    .onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE).build());
        }
        Buffer bad = new Buffer().writeUtf8("{\"id\":\"q2\",\"node_id\":\"n\",\"state\":\"Succeeded\",\"schema\":"
                + "[{\"name\":\"s\",\"type\":\"String\"}],\"data\":[[\"").write(new byte[] {(byte) 0xC3, (byte) 0x28})
                .writeUtf8("\"]],\"next_uri\":null}");
        server.enqueue(new MockResponse.Builder().code(200).body(bad).build());
        OkHttpClient http = new OkHttpClient();
        try (SqlClient client = TestServer.client(server, http)) {
            assertThatThrownBy(() -> client.sql("SELECT 1").execute()).isInstanceOf(ResultInterruptedException.class);
            assertThatThrownBy(() -> client.sql("SELECT 1").execute())
                    .isInstanceOf(ProtocolException.class)
                    .hasMessageContaining("UTF-8");
        }
        for (int i = 0; i < 3; i++) {
            RecordedRequest r = take(server);
            assertThat(r.getTarget()).isEqualTo("/v1/query");
            assertThat(r.getHeaders().get("X-DATABEND-QUERY-ID")).isEqualTo("q1");
        }
        assertThat(take(server).getHeaders().get("X-DATABEND-QUERY-ID")).as("invalid UTF-8 is not retried").isEqualTo("q2");
        assertNoConnectionInUse(http);
    }

    @Test
    void malformedCellIsAProtocolErrorNamingTheColumn() {
        server.enqueue(resp().schema("[{\"name\":\"d\",\"type\":\"Decimal(10, 2)\"}]").data("[[\"12.x\"]]")
                .next("final").ok());
        server.enqueue(TestServer.empty200()); // kill
        server.enqueue(TestServer.finalOk("q1"));
        try (SqlClient client = client(server, "")) {
            assertThatThrownBy(() -> client.sql("SELECT d").execute())
                    .isInstanceOf(ProtocolException.class)
                    .hasMessageContaining("column d")
                    .hasMessageContaining("Decimal(10, 2)");
        }
    }

    static void assertNoConnectionInUse(OkHttpClient http) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (http.connectionPool().connectionCount() != http.connectionPool().idleConnectionCount()
                && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(http.connectionPool().connectionCount())
                .as("every connection returned or dropped")
                .isEqualTo(http.connectionPool().idleConnectionCount());
    }
}
