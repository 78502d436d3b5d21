package dev.olaphttp.databend;

import static dev.olaphttp.databend.SessionTest.S2;
import static dev.olaphttp.databend.SessionTest.S3;
import static dev.olaphttp.databend.TestServer.body;
import static dev.olaphttp.databend.TestServer.resp;
import static dev.olaphttp.databend.TestServer.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.RowCursor;
import dev.olaphttp.SqlClient;
import dev.olaphttp.SqlSession;
import dev.olaphttp.databend.DatabendQueryException.Reason;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** A failed statement's session (Databend returns it with the transaction marked Fail) reaches SqlSession.state(). */
class FailedSessionTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private static final String NUMBER = "[{\"name\":\"number\",\"type\":\"UInt64\"}]";
    private static final String FAILED = S2.replace("Active", "Fail");
    private static final String DIV_ZERO = "{\"code\":1006,\"message\":\"divide by zero\"}";

    @Test
    void anErrorOnTheFirstResponseShowsTheFailedTransactionAndRollbackSendsIt() throws Exception {
        server.enqueue(resp().id("q1").node("node-7").session(S2).next("final").ok("Set-Cookie: session_id=s-1"));
        server.enqueue(TestServer.finalOk("q1"));
        server.enqueue(resp().id("q2").node("node-7").state("Failed").session(FAILED).error(DIV_ZERO).next("final")
                .ok());
        server.enqueue(TestServer.finalOk("q2"));
        server.enqueue(resp().id("q3").node("node-7").session(S3).next("final").ok());
        server.enqueue(TestServer.finalOk("q3"));
        server.enqueue(TestServer.empty200()); // logout
        OkHttpClient http = new OkHttpClient();
        try (SqlClient client = TestServer.client(server, http); SqlSession s = client.openSession()) {
            s.sql("BEGIN").execute();
            assertThat(Databend.transactionState(s.state())).contains("Active");
            RowCursor c = s.sql("INSERT INTO t SELECT 1/0").stream();
            ErrorTest.assertNoConnectionInUse(http); // the POST's response was read and released already
            assertThat(server.getRequestCount()).as("POST and final, before the error is raised").isEqualTo(4);
            assertThatThrownBy(c::next).isInstanceOfSatisfying(DatabendQueryException.class, e -> {
                assertThat(e.reason()).isEqualTo(Reason.QUERY_FAILED);
                assertThat(e.errorCode()).hasValue(1006);
                assertThat(e.queryId()).contains("q2");
            });
            c.close();
            assertThat(Databend.transactionState(s.state())).contains("Fail");
            assertThat(s.state().dialectState()).contains(FAILED);
            assertThat(s.state().serverSessionId()).contains("s-1");
            s.sql("ROLLBACK").execute();
            assertThat(Databend.transactionState(s.state())).contains("AutoCommit");
        }
        take(server);
        take(server);
        assertThat(body(take(server))).contains("\"session\":" + S2 + ",");
        assertThat(take(server).getTarget()).isEqualTo("/v1/query/q2/final");
        RecordedRequest rollback = take(server);
        assertThat(body(rollback)).as("the server's Fail state, verbatim").contains("\"session\":" + FAILED + ",");
        assertThat(rollback.getHeaders().get("X-DATABEND-STICKY-NODE")).isEqualTo("node-7");
        assertThat(rollback.getHeaders().get("Cookie")).isEqualTo("cookie_enabled=true; session_id=s-1");
    }

    @Test
    void anErrorOnALaterPageShowsTheFailedTransactionInState() throws Exception {
        server.enqueue(resp().id("q1").node("node-7").session(S2).next("final").ok("Set-Cookie: session_id=s-1"));
        server.enqueue(TestServer.finalOk("q1"));
        server.enqueue(resp().id("q2").node("node-7").state("Running").session(S2).schema(NUMBER).data("[[\"1\"]]")
                .next("page/1").ok());
        server.enqueue(resp().id("q2").node("node-7").state("Failed").session(FAILED).schema(NUMBER).error(DIV_ZERO)
                .next("final").ok());
        server.enqueue(TestServer.finalOk("q2"));
        server.enqueue(resp().id("q3").node("node-7").session(S3).next("final").ok());
        server.enqueue(TestServer.finalOk("q3"));
        server.enqueue(TestServer.empty200());
        List<Long> seen = new ArrayList<>();
        try (SqlClient client = TestServer.client(server, ""); SqlSession s = client.openSession()) {
            s.sql("BEGIN").execute();
            assertThatThrownBy(() -> s.sql("SELECT number / 0 FROM t").forEach(r -> seen.add(r.getLong(1))))
                    .isInstanceOfSatisfying(DatabendQueryException.class,
                            e -> assertThat(e.errorCode()).hasValue(1006));
            assertThat(seen).containsExactly(1L);
            assertThat(Databend.transactionState(s.state())).contains("Fail");
            assertThat(s.state().dialectState()).contains(FAILED);
            s.sql("ROLLBACK").execute();
        }
        for (int i = 0; i < 5; i++) {
            take(server);
        }
        assertThat(body(take(server))).contains("\"session\":" + FAILED + ",");
    }

    @Test
    void aStatementThatFailsToStartInATransactionShowsFail() throws Exception {
        server.enqueue(resp().id("q1").node("node-7").session(S2).next("final").ok("Set-Cookie: session_id=s-1"));
        server.enqueue(TestServer.finalOk("q1"));
        server.enqueue(failToStart(FAILED, "{\"code\":1025,\"message\":\"Unknown table t\"}"));
        server.enqueue(TestServer.empty200());
        try (SqlClient client = TestServer.client(server, ""); SqlSession s = client.openSession()) {
            s.sql("BEGIN").execute();
            assertThatThrownBy(() -> s.sql("SELECT * FROM t").list(r -> r.getLong(1)))
                    .isInstanceOfSatisfying(DatabendQueryException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.START_FAILED);
                        assertThat(e.errorCode()).hasValue(1025);
                    });
            assertThat(Databend.transactionState(s.state())).contains("Fail");
        }
        assertThat(server.getRequestCount()).as("BEGIN, its final, the failed POST, logout").isEqualTo(4);
    }

    @Test
    void aFirstStatementThatFailsStillKeepsItsClientSessionAndLogsItOut() throws Exception {
        String session = "{\"catalog\":\"default\",\"database\":\"default\",\"settings\":{},\"txn_state\":\"AutoCommit\","
                + "\"need_sticky\":false,\"need_keep_alive\":false}";
        server.enqueue(new mockwebserver3.MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .addHeader("Set-Cookie", "session_id=s-9; Path=/")
                .body(failToStartJson(session, "{\"code\":1003,\"message\":\"Unknown database nope\"}")).build());
        server.enqueue(TestServer.empty200()); // logout
        try (SqlClient client = TestServer.client(server, "")) {
            SqlSession s = client.openSession();
            assertThatThrownBy(() -> s.sql("USE nope").execute())
                    .isInstanceOfSatisfying(DatabendQueryException.class,
                            e -> assertThat(e.errorCode()).hasValue(1003));
            assertThat(s.state().serverSessionId()).contains("s-9");
            assertThat(s.state().dialectState()).contains(session);
            s.close();
        }
        assertThat(take(server).getHeaders().get("Cookie")).isEqualTo("cookie_enabled=true");
        RecordedRequest logout = take(server);
        assertThat(logout.getMethod() + " " + logout.getTarget()).isEqualTo("POST /v1/session/logout");
        assertThat(logout.getHeaders().get("Cookie")).isEqualTo("cookie_enabled=true; session_id=s-9");
    }

    @Test
    void aFailureAfterTheFirstResponseKeepsTheSessionTheServerReportedAndTheClientSession() throws Exception {
        server.enqueue(resp().id("q1").state("Running").session(S2).schema(NUMBER).data("[[\"1\"]]").next("page/1")
                .ok("Set-Cookie: session_id=s-5"));
        server.enqueue(TestServer.json(400, "{\"error\":{\"code\":400,\"message\":\"Query q1 is closed for timed out\"}}"));
        server.enqueue(TestServer.empty200()); // logout
        try (SqlClient client = TestServer.client(server, "")) {
            SqlSession s = client.openSession();
            assertThatThrownBy(() -> s.sql("SELECT number").execute())
                    .isInstanceOfSatisfying(DatabendQueryException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.QUERY_CLOSED));
            assertThat(s.state().dialectState()).as("the session the server last reported").contains(S2);
            assertThat(s.state().serverSessionId()).contains("s-5");
            s.close();
        }
        take(server);
        take(server);
        assertThat(take(server).getHeaders().get("Cookie")).isEqualTo("cookie_enabled=true; session_id=s-5");
    }

    private static mockwebserver3.MockResponse failToStart(String session, String error) {
        return TestServer.json(200, failToStartJson(session, error));
    }

    /** The fail-to-start shape: empty id, no uris, the request's session with the transaction marked Fail. */
    private static String failToStartJson(String session, String error) {
        return "{\"id\":\"\",\"session_id\":null,\"node_id\":\"\",\"state\":\"Failed\",\"session\":" + session
                + ",\"error\":" + error + ",\"warnings\":[],\"schema\":[],\"data\":[],\"affect\":null,"
                + "\"result_timeout_secs\":null,\"stats\":" + TestServer.STATS + ",\"stats_uri\":null,"
                + "\"final_uri\":null,\"next_uri\":null,\"kill_uri\":null}";
    }
}
