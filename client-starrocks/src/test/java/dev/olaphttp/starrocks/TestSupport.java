package dev.olaphttp.starrocks;

import dev.olaphttp.ResiliencePolicy;
import dev.olaphttp.SqlClient;
import dev.olaphttp.okhttp.OkHttpAdapter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;

/** Shared helpers for the StarRocks tests: fixtures, canned responses, a client over a mock FE. */
final class TestSupport {
    static final String QUERY_ID = "6f1d2c3a-9b8e-4c7d-a6f5-0e1d2c3b4a59";
    static final String NDJSON = "application/x-ndjson; charset=utf-8";

    private TestSupport() {}

    /** A fixture copied into src/test/resources/fixtures/starrocks. */
    static String fixture(String path) {
        try (InputStream in = TestSupport.class.getResourceAsStream("/fixtures/starrocks/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A streamed 200 like the FE's: chunked NDJSON with the query-id header. */
    static MockResponse ndjson(String body) {
        return new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", NDJSON)
                .setHeader("X-StarRocks-Query-Id", QUERY_ID)
                .chunkedBody(body, 64)
                .build();
    }

    /** A FE error envelope. */
    static MockResponse error(int status, String body) {
        return new MockResponse.Builder().code(status).setHeader("Content-Type", NDJSON).body(body).build();
    }

    /**
     * A chunked 200 whose body is cut: {@code partial} goes out as one chunk, then the connection is shut down
     * without the final zero-length chunk (what the FE does when a query fails after streaming started).
     */
    static MockResponse cutChunked(String partial) {
        byte[] bytes = partial.getBytes(StandardCharsets.UTF_8);
        okio.Buffer framed = new okio.Buffer();
        if (bytes.length > 0) {
            framed.writeUtf8(Integer.toHexString(bytes.length)).writeUtf8("\r\n").write(bytes).writeUtf8("\r\n");
        }
        return new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", NDJSON)
                .setHeader("X-StarRocks-Query-Id", QUERY_ID)
                .body(framed)
                .removeHeader("Content-Length")
                .setHeader("Transfer-Encoding", "chunked")
                .onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE)
                .build();
    }

    /** A client for the mock FE over a lent OkHttpClient, without retries unless asked. */
    static SqlClient client(MockWebServer server, OkHttpClient ok) {
        return builder(server, ok).resilience(ResiliencePolicy.noRetries()).build();
    }

    static SqlClient.Builder builder(MockWebServer server, OkHttpClient ok) {
        return StarRocks.builder()
                .endpoint("http://" + server.getHostName() + ":" + server.getPort())
                .user("root", "s3cret")
                .readTimeout(Duration.ofSeconds(10))
                .httpClient(OkHttpAdapter.borrow(ok));
    }

    static OkHttpClient okHttp() {
        return new OkHttpClient.Builder().readTimeout(10, TimeUnit.SECONDS).build();
    }

    static RecordedRequest take(MockWebServer server) throws InterruptedException {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no request arrived");
        }
        return r;
    }

    /** Waits until the pool has no connection in use (every connection idle or gone). */
    static void awaitNoActiveConnections(OkHttpClient ok) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (ok.connectionPool().connectionCount() != ok.connectionPool().idleConnectionCount()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("connections still in use: " + ok.connectionPool().connectionCount()
                        + " total, " + ok.connectionPool().idleConnectionCount() + " idle");
            }
            Thread.sleep(10);
        }
    }
}
