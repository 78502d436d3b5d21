package dev.olaphttp.starrocks;

import static dev.olaphttp.starrocks.TestSupport.error;
import static dev.olaphttp.starrocks.TestSupport.take;
import static org.assertj.core.api.Assertions.assertThat;

import dev.olaphttp.ResiliencePolicy;
import dev.olaphttp.RowCursor;
import dev.olaphttp.SqlClient;
import dev.olaphttp.okhttp.OkHttpAdapter;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A 503 from one FE moves the statement to another FE; the KILL of an early close goes to the FE that ran it. */
class FailoverTest {
    @StartStop
    final MockWebServer fe1 = new MockWebServer();

    @StartStop
    final MockWebServer fe2 = new MockWebServer();

    private final OkHttpClient ok = TestSupport.okHttp();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void tearDown() {
        release.countDown();
        ok.connectionPool().evictAll();
    }

    @Test
    void busyFeIsSkippedAndKillFollowsTheQuery() throws Exception {
        fe1.enqueue(error(503, "{\"status\":\"FAILED\",\"code\":\"1\",\"msg\":\"non-master FE can not read!\"}"));
        MockResponseBody stalled = new MockResponseBody() {
            @Override
            public long getContentLength() {
                return -1;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.writeUtf8("{\"connectionId\":77}\n{\"meta\":[{\"name\":\"n\",\"type\":\"int(11)\"}]}\n{\"data\":[5]}\n");
                sink.flush();
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        fe2.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", TestSupport.NDJSON)
                .body(stalled).build());
        fe2.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", TestSupport.NDJSON).body("").build());
        ResiliencePolicy fast = ResiliencePolicy.builder().maxAttempts(3)
                .backoff(Duration.ofMillis(5), 1.0, Duration.ofMillis(10)).build();
        try (SqlClient c = StarRocks.builder()
                .endpoint("http://" + fe1.getHostName() + ":" + fe1.getPort())
                .endpoint("http://" + fe2.getHostName() + ":" + fe2.getPort())
                .user("root", "")
                .resilience(fast)
                .httpClient(OkHttpAdapter.borrow(ok))
                .build()) {
            try (RowCursor cur = c.sql("select n from t").stream()) {
                assertThat(cur.next()).isTrue();
                assertThat(cur.getInt(1)).isEqualTo(5);
                assertThat(cur.serverInfo()).containsEntry("connectionId", "77");
            }
            take(fe1);
            take(fe2);
            assertThat(take(fe2).getBody().utf8()).isEqualTo("{\"query\":\"KILL QUERY 77\"}");
            assertThat(fe1.getRequestCount()).isEqualTo(1);
        }
    }
}
