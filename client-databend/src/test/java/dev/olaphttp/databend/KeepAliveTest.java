package dev.olaphttp.databend;

import static dev.olaphttp.databend.TestServer.resp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.ServerBusyException;
import dev.olaphttp.SqlClient;
import dev.olaphttp.SqlSession;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class KeepAliveTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    @StartStop
    final MockWebServer other = new MockWebServer();

    private static final String TEMP = "{\"database\":\"default\",\"txn_state\":\"AutoCommit\",\"need_sticky\":true,"
            + "\"need_keep_alive\":true,\"internal\":\"{\\\"has_temp_table\\\":true,\\\"last_node_id\\\":\\\"node-3\\\"}\"}";

    @Test
    void heartbeatsAKeepAliveSessionUntilItClosesThenLogsOut() throws Exception {
        ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
        CountDownLatch beat = new CountDownLatch(1);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                String t = r.getTarget();
                seen.add(r.getMethod() + " " + t + " cookie=" + r.getHeaders().get("Cookie") + " sticky="
                        + r.getHeaders().get("X-DATABEND-STICKY-NODE")
                        + (t.contains("heartbeat") ? " " + TestServer.body(r) : ""));
                if (t.equals("/v1/query")) {
                    return resp().node("node-3").timeout(1).session(TEMP).next("final").ok("Set-Cookie: session_id=s-3");
                }
                if (t.contains("heartbeat")) {
                    beat.countDown();
                    return TestServer.json(200, "{\"queries_to_remove\":[]}");
                }
                if (t.contains("logout")) {
                    return TestServer.json(200, "{\"error\":null}");
                }
                return resp().node("node-3").timeout(1).next(null).ok();
            }
        });
        try (SqlClient client = TestServer.client(server, "heartbeat_tick_ms=50")) {
            SqlSession s = client.openSession();
            s.sql("CREATE TEMP TABLE t(c int)").execute();
            assertThat(beat.await(5, TimeUnit.SECONDS)).as("the idle keep-alive session is heartbeaten").isTrue();
            s.close();
            int after = seen.size();
            Thread.sleep(700);
            assertThat(seen).as("no heartbeat after the session closed").hasSize(after);
        }
        List<String> all = List.copyOf(seen);
        assertThat(all).contains(
                "POST /v1/session/heartbeat cookie=cookie_enabled=true; session_id=s-3 sticky=node-3 {\"node_to_queries\":{}}");
        assertThat(all.get(all.size() - 1))
                .isEqualTo("POST /v1/session/logout cookie=cookie_enabled=true; session_id=s-3 sticky=node-3");
    }

    @Test
    void followUpsStayOnTheEndpointThatAnswered() {
        server.enqueue(resp().state("Running").schema("[{\"name\":\"n\",\"type\":\"Int32\"}]").data("[[\"1\"]]")
                .next("page/1").ok());
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().code(503).body("").build());
        }
        server.enqueue(TestServer.empty200());
        server.enqueue(TestServer.finalOk("q1"));
        String dsn = "databend://root:pw@127.0.0.1:" + server.getPort() + ",127.0.0.1:" + other.getPort()
                + "/default?sslmode=disable&login=disable";
        try (SqlClient client = Databend.builder(dsn).resilience(TestServer.fastRetries()).build()) {
            assertThatThrownBy(() -> client.sql("SELECT n").execute()).isInstanceOf(ServerBusyException.class);
        }
        assertThat(other.getRequestCount()).as("pages never fail over to another node").isZero();
        assertThat(server.getRequestCount()).isEqualTo(6);
    }
}
