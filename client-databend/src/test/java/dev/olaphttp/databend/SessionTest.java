package dev.olaphttp.databend;

import static dev.olaphttp.databend.TestServer.body;
import static dev.olaphttp.databend.TestServer.client;
import static dev.olaphttp.databend.TestServer.resp;
import static dev.olaphttp.databend.TestServer.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.AuthenticationException;
import dev.olaphttp.Credentials;
import dev.olaphttp.SqlClient;
import dev.olaphttp.SqlSession;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class SessionTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    /** Unusual but valid escapes in internal: the client must echo them byte for byte. */
    static final String S1 = "{\"catalog\":\"default\",\"database\":\"default\",\"role\":\"account_admin\","
            + "\"settings\":{\"max_threads\":\"8\"},\"txn_state\":\"AutoCommit\",\"need_sticky\":false,"
            + "\"need_keep_alive\":false,\"internal\":\"{\\\"last_node_id\\\":\\\"node-1\\\",\\\"v\\\":\\\"\\u00e9\\/x\\\"}\"}";
    static final String S2 = "{\"catalog\":\"default\",\"database\":\"default\",\"settings\":{\"max_threads\":\"8\"},"
            + "\"txn_state\":\"Active\",\"need_sticky\":true,\"need_keep_alive\":true,"
            + "\"internal\":\"{\\\"last_node_id\\\":\\\"node-7\\\",\\\"last_query_ids\\\":[\\\"q2\\\"]}\"}";
    static final String S3 = S2.replace("Active", "AutoCommit").replace("\"need_sticky\":true,\"need_keep_alive\":true",
            "\"need_sticky\":false,\"need_keep_alive\":false").replace("\"database\":\"default\"", "\"database\":\"analytics\"");

    @Test
    void carriesSetBeginCommitAndUseAcrossStatementsVerbatim() throws Exception {
        server.enqueue(resp().id("q1").session(S1).next("final")
                .affect("{\"type\":\"ChangeSettings\",\"keys\":[\"max_threads\"],\"values\":[\"8\"],\"is_globals\":[false]}")
                .ok("Set-Cookie: session_id=s-1; Path=/"));
        server.enqueue(TestServer.finalOk("q1"));
        server.enqueue(resp().id("q2").node("node-7").session(S2).next("final").ok());
        server.enqueue(TestServer.finalOk("q2"));
        server.enqueue(resp().id("q3").node("node-7").session(S3).next("final").ok());
        server.enqueue(TestServer.finalOk("q3"));
        server.enqueue(TestServer.empty200()); // logout
        try (SqlClient client = client(server, "")) {
            SqlSession s = client.openSession();
            s.sql("SET max_threads = 8").execute();
            assertThat(s.state().settings()).containsEntry("max_threads", "8");
            assertThat(s.state().dialectState()).contains(S1);
            assertThat(s.state().serverSessionId()).contains("s-1");
            assertThat(Databend.transactionState(s.state())).contains("AutoCommit");
            s.sql("BEGIN").execute();
            assertThat(Databend.transactionState(s.state())).contains("Active");
            s.sql("COMMIT").execute();
            assertThat(Databend.transactionState(s.state())).contains("AutoCommit");
            assertThat(s.state().database()).contains("analytics");
            s.close();
        }
        RecordedRequest set = take(server);
        assertThat(set.getHeaders().get("Cookie")).isEqualTo("cookie_enabled=true");
        take(server);
        RecordedRequest begin = take(server);
        assertThat(body(begin)).contains("\"session\":" + S1 + ",");
        assertThat(begin.getHeaders().get("Cookie")).isEqualTo("cookie_enabled=true; session_id=s-1");
        assertThat(begin.getHeaders().get("X-DATABEND-STICKY-NODE")).as("not sticky outside a transaction").isNull();
        take(server);
        RecordedRequest commit = take(server);
        assertThat(body(commit)).contains("\"session\":" + S2 + ",");
        assertThat(commit.getHeaders().get("X-DATABEND-STICKY-NODE")).isEqualTo("node-7");
        take(server);
        RecordedRequest logout = take(server);
        assertThat(logout.getMethod() + " " + logout.getTarget()).isEqualTo("POST /v1/session/logout");
        assertThat(logout.getHeaders().get("Cookie")).isEqualTo("cookie_enabled=true; session_id=s-1");
    }

    @Test
    void statementSettingsApplyToOneStatementOnly() throws Exception {
        server.enqueue(resp().id("q1").session(S1).next("final").ok());
        server.enqueue(TestServer.finalOk("q1"));
        server.enqueue(resp().id("q2").session(S1.replace("\"8\"", "\"2\"")).next("final").ok());
        server.enqueue(TestServer.finalOk("q2"));
        try (SqlClient client = client(server, ""); SqlSession s = client.openSession()) {
            s.sql("SET max_threads = 8").execute();
            s.sql("SELECT 1").setting("max_threads", "2").execute();
            assertThat(s.state().settings()).containsEntry("max_threads", "8");
            assertThat(s.state().dialectState()).contains(S1);
        }
        take(server);
        take(server);
        assertThat(body(take(server))).contains("\"settings\":{\"max_threads\":\"2\"}").contains("\\u00e9\\/x");
    }

    @Test
    void logsInOnFirstUseCarriesTheCookieAndLogsOutOnClose() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Set-Cookie", "session_id=c-9; Path=/")
                .body("{\"version\":\"1.2.900\",\"session_id\":\"c-9\"}").build());
        server.enqueue(resp().next("final").ok());
        server.enqueue(TestServer.finalOk("q1"));
        server.enqueue(TestServer.json(200, "{\"error\":null}"));
        try (SqlClient client = TestServer.builder(server, "").build()) {
            assertThat(server.getRequestCount()).as("login waits for the first statement").isZero();
            client.sql("SELECT 1").execute();
        }
        RecordedRequest login = take(server);
        assertThat(login.getMethod() + " " + login.getTarget())
                .isEqualTo("POST /v1/session/login?disable_session_token=true");
        assertThat(login.getHeaders().get("Cookie")).isEqualTo("cookie_enabled=true");
        assertThat(body(login)).isEqualTo("{\"database\":\"default\"}");
        assertThat(take(server).getHeaders().get("Cookie")).isEqualTo("cookie_enabled=true; session_id=c-9");
        take(server);
        RecordedRequest logout = take(server);
        assertThat(logout.getTarget()).isEqualTo("/v1/session/logout");
        assertThat(logout.getHeaders().get("Cookie")).isEqualTo("cookie_enabled=true; session_id=c-9");
    }

    @Test
    void toleratesServersWithoutLogin() throws Exception {
        server.enqueue(TestServer.json(404, "{\"error\":{\"code\":404,\"message\":\"not found\"}}"));
        server.enqueue(resp().next("final").ok());
        server.enqueue(TestServer.finalOk("q1"));
        try (SqlClient client = TestServer.builder(server, "").build()) {
            client.sql("SELECT 1").execute();
        }
        assertThat(take(server).getTarget()).startsWith("/v1/session/login");
        assertThat(take(server).getTarget()).isEqualTo("/v1/query");
    }

    @Test
    void refreshesABearerTokenOnceOn401AndThenReportsTheDatabendCode() throws Exception {
        String expired = "{\"error\":{\"code\":5101,\"message\":\"session token expired\"}}";
        server.enqueue(TestServer.json(401, expired));
        server.enqueue(resp().next("final").ok());
        server.enqueue(TestServer.finalOk("q1"));
        server.enqueue(TestServer.json(401, expired));
        server.enqueue(TestServer.json(401, expired));
        AtomicInteger refreshes = new AtomicInteger();
        Credentials tokens = Credentials.bearer(refresh -> refresh ? "fresh-" + refreshes.incrementAndGet() : "stale");
        try (SqlClient client = TestServer.builder(server, "login=disable").credentials(tokens).build()) {
            client.sql("SELECT 1").execute();
            assertThatThrownBy(() -> client.sql("SELECT 2").execute())
                    .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(401);
                        assertThat(e.errorCode()).hasValue(5101);
                        assertThat(e.getMessage()).contains("session token expired").doesNotContain("fresh-");
                    });
        }
        assertThat(take(server).getHeaders().get("Authorization")).isEqualTo("Bearer stale");
        assertThat(take(server).getHeaders().get("Authorization")).isEqualTo("Bearer fresh-1");
    }

    @Test
    void aFailureInsideATransactionSendsTheFailedSessionNext() throws Exception {
        String failed = S2.replace("Active", "Fail");
        server.enqueue(resp().id("q1").node("node-7").session(S2).next("final").ok("Set-Cookie: session_id=s-1"));
        server.enqueue(TestServer.finalOk("q1"));
        server.enqueue(resp().id("q2").node("node-7").state("Failed").session(failed)
                .error("{\"code\":1006,\"message\":\"division by zero\"}").next("final").ok());
        server.enqueue(TestServer.finalOk("q2"));
        server.enqueue(resp().id("q3").node("node-7").session(S3).next("final").ok());
        server.enqueue(TestServer.finalOk("q3"));
        server.enqueue(TestServer.empty200());
        try (SqlClient client = client(server, ""); SqlSession s = client.openSession()) {
            s.sql("BEGIN").execute();
            assertThatThrownBy(() -> s.sql("INSERT INTO t SELECT 1/0").execute())
                    .isInstanceOf(DatabendQueryException.class);
            s.sql("ROLLBACK").execute();
            assertThat(Databend.transactionState(s.state())).contains("AutoCommit");
        }
        take(server);
        take(server);
        assertThat(body(take(server))).contains("\"session\":" + S2 + ",");
        take(server);
        RecordedRequest rollback = take(server);
        assertThat(body(rollback)).as("the server's Fail state, not the stale Active one")
                .contains("\"session\":" + failed + ",");
        assertThat(rollback.getHeaders().get("X-DATABEND-STICKY-NODE")).isEqualTo("node-7");
    }
}
