package dev.olaphttp.clickhouse.mock;

import dev.olaphttp.SqlClient;
import dev.olaphttp.clickhouse.ClickHouse;
import dev.olaphttp.okhttp.OkHttpAdapter;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/** A mock ClickHouse: answers KILL and version look-ups itself, and queued responses for everything else. */
final class MockCh extends Dispatcher {
    final Queue<MockResponse> queue = new ConcurrentLinkedQueue<>();
    final List<RecordedRequest> statements = new CopyOnWriteArrayList<>();
    final List<RecordedRequest> kills = new CopyOnWriteArrayList<>();
    final List<RecordedRequest> lookups = new CopyOnWriteArrayList<>();
    final OkHttpClient http = new OkHttpClient.Builder()
            .connectionPool(new ConnectionPool(5, 1, TimeUnit.MINUTES))
            .readTimeout(java.time.Duration.ofSeconds(10))
            .build();
    volatile String version = "24.8.1.1\tUTC\n";
    volatile int pingStatus = 200;

    MockCh(MockWebServer server) {
        server.setDispatcher(this);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        String query = request.getUrl().queryParameter("query");
        if (request.getUrl().encodedPath().equals("/ping")) {
            return new MockResponse.Builder().code(pingStatus).body(pingStatus == 200 ? "Ok.\n" : "down").build();
        }
        if (body.startsWith("KILL QUERY")) {
            kills.add(request);
            return new MockResponse.Builder().body("").build();
        }
        if (query != null && query.contains("SELECT version()")) {
            lookups.add(request);
            return new MockResponse.Builder().body(version).build();
        }
        statements.add(request);
        MockResponse next = queue.poll();
        return next != null ? next : new MockResponse.Builder().code(599).body("no response queued").build();
    }

    MockCh enqueue(MockResponse r) {
        queue.add(r);
        return this;
    }

    SqlClient.Builder builder(MockWebServer server) {
        return ClickHouse.builder()
                .endpoint(server.url("/").toString())
                .user("alice", "s3cret")
                .httpClient(OkHttpAdapter.borrow(http));
    }

    /**
     * True when every pooled connection is idle (no response left open), waiting up to 2 s for background work
     * (a KILL request) to finish.
     */
    boolean poolIdle() {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (true) {
            if (http.connectionPool().connectionCount() == http.connectionPool().idleConnectionCount()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** A RowBinaryWithNamesAndTypes body of (n UInt64, s String) rows. */
    static byte[] rowBinary(int rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(2);
        str(out, "n");
        str(out, "s");
        str(out, "UInt64");
        str(out, "String");
        for (int i = 0; i < rows; i++) {
            out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(i).array());
            str(out, "v" + i);
        }
        return out.toByteArray();
    }

    private static void str(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write(b.length); // short strings only: one varint byte
        out.writeBytes(b);
    }

    /** Waits up to 5 s for a KILL request naming the query id. */
    boolean awaitKill(String queryId) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (RecordedRequest k : kills) {
                if (k.getBody().utf8().contains("'" + queryId + "'")) {
                    return true;
                }
            }
            Thread.sleep(20);
        }
        return false;
    }

    static okio.Buffer buffer(byte[] bytes) {
        return new okio.Buffer().write(bytes);
    }
}
