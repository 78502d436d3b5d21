package dev.olaphttp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.olaphttp.ProxyOptions;
import dev.olaphttp.TlsOptions;
import java.time.Duration;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** The keep-alive chosen on the builder is the pool's: an idle connection is evicted after it, not after 2 s. */
class HttpClientsPoolTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private OkHttpClient client(Duration keepAlive) {
        return HttpClients.create(null, Duration.ofSeconds(5), Duration.ofSeconds(5), TlsOptions.defaults(),
                new HttpSettings(4, keepAlive, true, ProxyOptions.none(), Map.of()));
    }

    private static void get(OkHttpClient c, MockWebServer server) throws Exception {
        try (Response r = c.newCall(new Request.Builder().url(server.url("/")).build()).execute()) {
            r.body().string();
        }
    }

    @Test
    void aShortKeepAliveEvictsTheIdleConnection() throws Exception {
        server.enqueue(new MockResponse.Builder().body("x").build());
        server.enqueue(new MockResponse.Builder().body("x").build());
        OkHttpClient shortLived = client(Duration.ofMillis(200));
        OkHttpClient longLived = client(Duration.ofMinutes(5));
        try {
            get(shortLived, server);
            get(longLived, server);
            assertThat(shortLived.connectionPool().idleConnectionCount()).isEqualTo(1);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (shortLived.connectionPool().connectionCount() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20); // polling the pool's own eviction
            }
            assertThat(shortLived.connectionPool().connectionCount()).as("evicted after 200 ms").isZero();
            assertThat(longLived.connectionPool().idleConnectionCount()).as("kept for 5 min").isEqualTo(1);
        } finally {
            HttpClients.shutdown(shortLived);
            HttpClients.shutdown(longLived);
        }
    }
}
