package dev.olaphttp.starrocks;

import static dev.olaphttp.starrocks.TestSupport.cutChunked;
import static dev.olaphttp.starrocks.TestSupport.error;
import static dev.olaphttp.starrocks.TestSupport.fixture;
import static dev.olaphttp.starrocks.TestSupport.ndjson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.AuthenticationException;
import dev.olaphttp.ProtocolException;
import dev.olaphttp.QueryFailedException;
import dev.olaphttp.ResiliencePolicy;
import dev.olaphttp.ResultInterruptedException;
import dev.olaphttp.RowCursor;
import dev.olaphttp.ServerBusyException;
import dev.olaphttp.SqlClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Error envelopes, busy FEs, non-JSON bodies and every way a result can be cut short. */
class FailureTest {
    private static final String HEAD = "{\"connectionId\":43}\n"
            + "{\"meta\":[{\"name\":\"id\",\"type\":\"int(11)\"},{\"name\":\"v\",\"type\":\"varchar(65533)\"}]}\n";

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final OkHttpClient ok = TestSupport.okHttp();

    /** Without KILL QUERY after a failed read, so that only the scripted responses are consumed. */
    private SqlClient client(MockWebServer server, OkHttpClient ok) {
        return TestSupport.builder(server, ok).option("kill_on_cancel", "false")
                .resilience(ResiliencePolicy.noRetries()).build();
    }

    @AfterEach
    void tearDown() throws Exception {
        TestSupport.awaitNoActiveConnections(ok);
        ok.connectionPool().evictAll();
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 403, 500})
    void failedEnvelopeIsAQueryFailureWithTheUnescapedMessage(int status) {
        server.enqueue(error(status, fixture("transcripts/presend_failure_syntax_error.ndjson")));
        try (SqlClient c = client(server, ok)) {
            assertThatThrownBy(() -> c.sql("SELECT 1 FORM t").list(r -> 1))
                    .isInstanceOf(QueryFailedException.class)
                    .hasMessageContaining("Unexpected input 'FORM', the most similar input is {<EOF>, ';'}.")
                    .satisfies(e -> assertThat(((QueryFailedException) e).httpStatus()).isEqualTo(status));
        }
    }

    @Test
    void status401IsAuthenticationEvenWithJsonUnderTextHtml() {
        server.enqueue(new MockResponse.Builder().code(401).setHeader("Content-Type", "text/html")
                .setHeader("WWW-Authenticate", "Basic realm=\"\"")
                .body(fixture("transcripts/auth_failure_wrong_password.ndjson")).build());
        try (SqlClient c = client(server, ok)) {
            assertThatThrownBy(() -> c.sql("select 1").list(r -> 1))
                    .isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("Access denied for root@127.0.0.1")
                    .hasMessageNotContaining("s3cret");
        }
    }

    @Test
    void emptyBodied401IsAuthenticationToo() {
        server.enqueue(new MockResponse.Builder().code(401).build());
        try (SqlClient c = client(server, ok)) {
            assertThatThrownBy(() -> c.sql("select 1").list(r -> 1)).isInstanceOf(AuthenticationException.class);
        }
    }

    @Test
    void status503IsRetriedAndThenSucceeds() {
        server.enqueue(error(503, "{\"status\":\"FAILED\",\"code\":\"1\",\"msg\":\"non-master FE can not read!\"}"));
        server.enqueue(ndjson(fixture("real/docs_select_iceberg.ndjson")));
        ResiliencePolicy fast = ResiliencePolicy.builder().maxAttempts(3)
                .backoff(Duration.ofMillis(5), 1.0, Duration.ofMillis(10)).build();
        try (SqlClient c = TestSupport.builder(server, ok).resilience(fast).build()) {
            assertThat(c.sql("select k1 from t").list(r -> r.getInt(1))).containsExactly(1, 1);
        }
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void status503WithoutRetriesIsServerBusy() {
        server.enqueue(error(503, "{\"status\":\"FAILED\",\"msg\":\"No available connection ID\"}"));
        try (SqlClient c = client(server, ok)) {
            assertThatThrownBy(() -> c.sql("select 1").list(r -> 1))
                    .isInstanceOf(ServerBusyException.class)
                    .hasMessageContaining("No available connection ID");
        }
    }

    @Test
    void htmlErrorPageIsAProtocolErrorQuotingStatusAndSnippet() {
        server.enqueue(new MockResponse.Builder().code(502).setHeader("Content-Type", "text/html")
                .body("<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>")
                .build());
        server.enqueue(new MockResponse.Builder().code(500).setHeader("Content-Type", "text/plain")
                .body("proxy exploded").build());
        try (SqlClient c = client(server, ok)) {
            assertThatThrownBy(() -> c.sql("select 1").list(r -> 1))
                    .isInstanceOf(ServerBusyException.class)
                    .hasMessageContaining("502")
                    .hasMessageContaining("Bad Gateway");
            assertThatThrownBy(() -> c.sql("select 1").list(r -> 1))
                    .isInstanceOf(ProtocolException.class)
                    .hasMessageContaining("HTTP 500")
                    .hasMessageContaining("proxy exploded");
        }
    }

    @Test
    void htmlWithStatus200IsAProtocolError() {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html")
                .body("<!DOCTYPE html><html><body>Login required</body></html>").build());
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", TestSupport.NDJSON)
                .body("Service temporarily unavailable").build());
        try (SqlClient c = client(server, ok)) {
            assertThatThrownBy(() -> c.sql("select 1").list(r -> 1))
                    .isInstanceOf(ProtocolException.class)
                    .hasMessageContaining("HTTP 200")
                    .hasMessageContaining("Login required");
            assertThatThrownBy(() -> c.sql("select 1").list(r -> 1))
                    .isInstanceOf(ProtocolException.class)
                    .hasMessageContaining("Service temporarily unavailable");
        }
    }

    @Test
    void failedEnvelopeInsideA200IsAQueryFailure() {
        server.enqueue(ndjson(HEAD + "{\"data\":[1,\"a\"]}\n{\"status\":\"FAILED\",\"msg\":\"Memory of query exceed limit\"}\n"));
        try (SqlClient c = client(server, ok)) {
            assertThatThrownBy(() -> c.sql("select id, v from t").list(r -> 1))
                    .isInstanceOf(QueryFailedException.class)
                    .hasMessageContaining("Memory of query exceed limit");
        }
    }

    @Test
    void midstreamFailureFixtureIsInterruptedAfterTwoRows() {
        server.enqueue(cutChunked(fixture("transcripts/midstream_failure_truncated.ndjson")));
        List<Integer> seen = new ArrayList<>();
        try (SqlClient c = client(server, ok); RowCursor cur = c.sql("select id, v from big_table").stream()) {
            assertThatThrownBy(() -> {
                while (cur.next()) {
                    seen.add(cur.getInt(1));
                }
            }).isInstanceOf(ResultInterruptedException.class)
                    .hasMessageContaining("after 2 rows")
                    .hasMessageContaining("query id " + TestSupport.QUERY_ID)
                    .hasMessageContaining("connection 43")
                    .satisfies(e -> assertThat(((ResultInterruptedException) e).rowsDelivered()).isEqualTo(2));
        }
        assertThat(seen).containsExactly(1, 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",                                                   // nothing at all
        "{\"connectionId\":43}\n",                            // cut before meta
        "{\"connectionId\":43}\n{\"meta\":[{\"name\":\"id\",\"ty", // cut inside meta
        HEAD,                                                 // cut after meta, zero rows
        HEAD + "{\"data\":[1,\"a\"]}\n{\"data\":[2,",          // cut mid-row
        HEAD + "{\"data\":[1,\"a\"]}\n{\"data\":[2,\"b\"]}",   // cut mid-line (before the newline)
        HEAD + "{\"data\":[1,\"a\"]}\n{\"statis",              // cut inside the statistics line
    })
    void truncatedChunkedBodyIsNeverAComplete(String partial) {
        server.enqueue(cutChunked(partial));
        try (SqlClient c = client(server, ok)) {
            assertThatThrownBy(() -> c.sql("select id, v from t").list(r -> r.getInt(1)))
                    .isInstanceOf(ResultInterruptedException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "{\"connectionId\":43}\n",
        HEAD,
        HEAD + "{\"data\":[1,\"a\"]}\n{\"data\":[2,\"b\"]}\n",
    })
    void cleanEndWithoutStatisticsIsInterruptedToo(String body) {
        // a complete HTTP body (content-length) that simply lacks the statistics line
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", TestSupport.NDJSON)
                .body(body).build());
        try (SqlClient c = client(server, ok)) {
            assertThatThrownBy(() -> c.sql("select id, v from t").list(r -> r.getInt(1)))
                    .isInstanceOf(ResultInterruptedException.class)
                    .hasMessageContaining("result");
        }
    }

    @Test
    void malformedRowsAreProtocolErrors() {
        server.enqueue(ndjson(HEAD + "{\"data\":[1]}\n{\"statistics\":{}}\n"));
        server.enqueue(ndjson(HEAD + "{\"data\":[\"x\",\"a\"]}\n{\"statistics\":{}}\n"));
        server.enqueue(ndjson(HEAD + "{\"data\":[1,\"a\"]}\n{\"statistics\":{}}\n{\"data\":[2,\"b\"]}\n"));
        server.enqueue(ndjson(HEAD + "{\"data\":[99999999999,\"a\"]}\n{\"statistics\":{}}\n"));
        try (SqlClient c = client(server, ok)) {
            assertThatThrownBy(() -> c.sql("select 1").list(r -> 1)).isInstanceOf(ProtocolException.class)
                    .hasMessageContaining("1 values but meta has 2");
            assertThatThrownBy(() -> c.sql("select 1").list(r -> 1)).isInstanceOf(ProtocolException.class)
                    .hasMessageContaining("int(11)");
            assertThatThrownBy(() -> c.sql("select 1").list(r -> 1)).isInstanceOf(ProtocolException.class)
                    .hasMessageContaining("after the end");
            assertThatThrownBy(() -> c.sql("select 1").list(r -> 1)).isInstanceOf(ProtocolException.class)
                    .hasMessageContaining("out of range");
        }
    }

    @Test
    void invalidUtf8IsAProtocolError() {
        okio.Buffer body = new okio.Buffer().writeUtf8(HEAD + "{\"data\":[1,\"")
                .write(new byte[] {(byte) 0xC3, (byte) 0x28}).writeUtf8("\"]}\n{\"statistics\":{}}\n");
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", TestSupport.NDJSON)
                .body(body).build());
        try (SqlClient c = client(server, ok)) {
            assertThatThrownBy(() -> c.sql("select 1").list(r -> r.getString(2)))
                    .isInstanceOf(ProtocolException.class)
                    .hasMessageContaining("UTF-8");
        }
    }

    @Test
    void oversizedValuesAreProtocolErrorsNotMemoryBlowUps() {
        String huge = "9".repeat(5000);
        server.enqueue(ndjson("{\"connectionId\":1}\n{\"meta\":[{\"name\":\"d\",\"type\":\"decimal128(38, 0)\"}]}\n"
                + "{\"data\":[" + huge + "]}\n{\"statistics\":{}}\n"));
        try (SqlClient c = client(server, ok)) {
            assertThatThrownBy(() -> c.sql("select d").list(r -> r.getBigDecimal(1)))
                    .isInstanceOf(ProtocolException.class)
                    .hasMessageContaining("length");
        }
    }

    @Test
    void aBreakAfterTheStatisticsLineStillEndsCleanly() {
        server.enqueue(cutChunked(HEAD + "{\"data\":[1,\"a\"]}\n{\"statistics\":{\"returnRows\":1}}\n"));
        try (SqlClient c = client(server, ok)) {
            assertThat(c.sql("select id, v from t").list(r -> r.getInt(1))).containsExactly(1);
        }
    }
}
