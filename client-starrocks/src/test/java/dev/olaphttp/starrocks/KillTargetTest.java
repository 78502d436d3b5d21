package dev.olaphttp.starrocks;

import static dev.olaphttp.starrocks.TestSupport.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.ResultSizeException;
import dev.olaphttp.SqlClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code KILL QUERY <connectionId>} names a FE connection, so the connection of an early-closed statement must never
 * be pooled and reused: otherwise the asynchronous kill stops the next statement on it (the e2e reproduction ended
 * a 100,000-row SELECT after 15,591 rows).
 */
class KillTargetTest {
    private static final String SHORT = "SELECT number FROM numbers(3)";
    private static final String NEXT = "SELECT number FROM numbers(5)";

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final OkHttpClient ok = TestSupport.okHttp();

    @AfterEach
    void tearDown() {
        ok.connectionPool().evictAll();
    }

    private static String head(int connectionId) {
        return "{\"connectionId\":" + connectionId + "}\n{\"meta\":[{\"name\":\"number\",\"type\":\"bigint(20)\"}]}\n";
    }

    private static String rows(int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i <= to; i++) {
            b.append("{\"data\":[").append(i).append("]}\n");
        }
        return b.toString();
    }

    private static final String STATS = "{\"statistics\":{\"scanRows\":0,\"scanBytes\":0,\"returnRows\":3}}\n";

    /**
     * A chunked body like the FE's: two rows at once, then (once the KILL arrived) a short remainder and the last
     * chunk, which OkHttp would drain into the pool if the early close let it.
     */
    private final java.util.concurrent.CountDownLatch killSeen = new java.util.concurrent.CountDownLatch(1);

    private MockResponse shortRemainder() {
        MockResponseBody body = new MockResponseBody() {
            @Override
            public long getContentLength() {
                return -1;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                chunk(sink, head(42) + rows(0, 1));
                sink.flush();
                try {
                    // the FE is still producing when the caller stops: the rest comes only after the KILL
                    killSeen.await(5, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                chunk(sink, rows(2, 2) + STATS);
                sink.writeUtf8("0\r\n\r\n");
                sink.flush();
            }
        };
        return new MockResponse.Builder().code(200).setHeader("Content-Type", TestSupport.NDJSON)
                .setHeader("Transfer-Encoding", "chunked").body(body).build();
    }

    private static void chunk(BufferedSink sink, String text) throws IOException {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        sink.writeUtf8(Integer.toHexString(bytes.length)).writeUtf8("\r\n").write(bytes).writeUtf8("\r\n");
    }

    private void dispatch(MockResponse first) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String sql = request.getBody().utf8();
                if (sql.contains("KILL QUERY")) {
                    killSeen.countDown();
                    return new MockResponse.Builder().code(200).setHeader("Content-Type", TestSupport.NDJSON)
                            .body("").build();
                }
                if (sql.contains("numbers(3)")) {
                    return first;
                }
                return TestSupport.ndjson(head(43) + rows(0, 4) + STATS.replace("3}", "5}"));
            }
        });
    }

    private static RecordedRequest find(List<RecordedRequest> requests, String part) {
        return requests.stream().filter(r -> r.getBody().utf8().contains(part)).findFirst()
                .orElseThrow(() -> new AssertionError("no request with " + part));
    }

    @Test
    void theKillOfAnEarlyClosedStatementNeverSharesItsConnectionWithTheNextStatement() throws Exception {
        dispatch(shortRemainder());
        try (SqlClient c = TestSupport.client(server, ok)) {
            assertThatThrownBy(() -> c.sql(SHORT).optional(r -> r.getLong(1)))
                    .isInstanceOf(ResultSizeException.class);
            assertThat(c.sql(NEXT).list(r -> r.getLong(1))).containsExactly(0L, 1L, 2L, 3L, 4L);
            List<RecordedRequest> seen = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                seen.add(take(server));
            }
            RecordedRequest first = find(seen, "numbers(3)");
            RecordedRequest kill = find(seen, "KILL QUERY");
            RecordedRequest next = find(seen, "numbers(5)");
            assertThat(kill.getBody().utf8()).isEqualTo("{\"query\":\"KILL QUERY 42\"}");
            assertThat(next.getConnectionIndex())
                    .as("the next statement must not run on the connection the kill names")
                    .isNotEqualTo(first.getConnectionIndex());
            assertThat(kill.getConnectionIndex()).isNotEqualTo(first.getConnectionIndex());
            TestSupport.awaitNoActiveConnections(ok);
        }
    }

    @Test
    void aBodyThatAlreadyArrivedWholeIsNotKilledAndItsConnectionIsReused() throws Exception {
        // a fixed-length body small enough to arrive in one read: the FE has finished the statement
        dispatch(new MockResponse.Builder().code(200).setHeader("Content-Type", TestSupport.NDJSON)
                .body(head(42) + rows(0, 2) + STATS).build());
        try (SqlClient c = TestSupport.client(server, ok)) {
            assertThatThrownBy(() -> c.sql(SHORT).optional(r -> r.getLong(1)))
                    .isInstanceOf(ResultSizeException.class);
            assertThat(c.sql(NEXT).list(r -> r.getLong(1))).containsExactly(0L, 1L, 2L, 3L, 4L);
            RecordedRequest first = take(server);
            RecordedRequest next = take(server);
            assertThat(next.getBody().utf8()).contains("numbers(5)");
            assertThat(next.getConnectionIndex()).isEqualTo(first.getConnectionIndex());
            Thread.sleep(200); // a kill would be sent on the client's timer thread right after the close
            assertThat(server.getRequestCount()).as("no KILL for a finished statement").isEqualTo(2);
        }
    }
}
