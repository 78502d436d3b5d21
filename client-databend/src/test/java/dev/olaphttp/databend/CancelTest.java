package dev.olaphttp.databend;

import static dev.olaphttp.databend.TestServer.resp;
import static dev.olaphttp.databend.TestServer.take;
import static org.assertj.core.api.Assertions.assertThat;

import dev.olaphttp.QueryCancelledException;
import dev.olaphttp.RowCursor;
import dev.olaphttp.SqlClient;
import dev.olaphttp.SqlClientException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class CancelTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    private static final String NUMBER = "[{\"name\":\"number\",\"type\":\"UInt64\"}]";

    @Test
    void earlyCloseKillsThenFinalsAndReturnsConnections() throws Exception {
        server.enqueue(resp().state("Running").schema(NUMBER).data("[[\"1\"],[\"2\"]]").next("page/1").ok());
        server.enqueue(TestServer.empty200());
        server.enqueue(TestServer.finalOk("q1"));
        OkHttpClient http = new OkHttpClient();
        try (SqlClient client = TestServer.client(server, http)) {
            try (RowCursor c = client.sql("SELECT number FROM numbers(1000000)").stream()) {
                assertThat(c.next()).isTrue();
            }
            ErrorTest.assertNoConnectionInUse(http);
        }
        take(server);
        RecordedRequest kill = take(server);
        assertThat(kill.getMethod() + " " + kill.getTarget()).isEqualTo("POST /v1/query/q1/kill");
        assertThat(kill.getHeaders().get("X-DATABEND-STICKY-NODE")).isEqualTo("node-1");
        RecordedRequest fin = take(server);
        assertThat(fin.getMethod() + " " + fin.getTarget()).isEqualTo("GET /v1/query/q1/final");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void maxRowsStopsTheServersWork() throws Exception {
        server.enqueue(resp().state("Running").schema(NUMBER).data("[[\"1\"],[\"2\"]]").next("page/1").ok());
        server.enqueue(TestServer.empty200());
        server.enqueue(TestServer.finalOk("q1"));
        try (SqlClient client = TestServer.client(server, "")) {
            assertThat(client.sql("SELECT number").maxRows(1).list(r -> r.getLong(1))).containsExactly(1L);
        }
        take(server);
        assertThat(take(server).getTarget()).isEqualTo("/v1/query/q1/kill");
        assertThat(take(server).getTarget()).isEqualTo("/v1/query/q1/final");
    }

    /**
     * A server answering by path. Not the queue: MockWebServer records a request before it takes the request's
     * response, so with a queue the kill sent right after the test saw the long poll could take the long poll's
     * (stalled) response, and the cancel would wait out the kill's budget.
     */
    private static final class StallingServer extends Dispatcher {
        final ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
        final CountDownLatch pollArrived = new CountDownLatch(1);
        final CountDownLatch killArrived = new CountDownLatch(1);
        final CountDownLatch finalArrived = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final boolean stallKill;

        StallingServer(boolean stallKill) {
            this.stallKill = stallKill;
        }

        @Override
        public MockResponse dispatch(RecordedRequest r) throws InterruptedException {
            String t = r.getTarget();
            seen.add(r.getMethod() + " " + t);
            if (t.equals("/v1/query")) {
                return resp().state("Running").schema(NUMBER).data("[[\"1\"]]").next("page/1").ok();
            }
            if (t.endsWith("/page/1")) {
                pollArrived.countDown();
                release.await(30, TimeUnit.SECONDS); // a long poll, until the test ends
                return resp().state("Running").schema(NUMBER).data("[]").next("page/1").ok();
            }
            if (t.endsWith("/kill")) {
                killArrived.countDown();
                if (stallKill) {
                    release.await(30, TimeUnit.SECONDS);
                }
                return TestServer.empty200();
            }
            finalArrived.countDown();
            return TestServer.finalOk("q1");
        }
    }

    /** Reads the next row on another thread; returns what it threw. */
    private static CompletableFuture<Throwable> readNext(RowCursor c) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                c.next();
                return null;
            } catch (SqlClientException e) {
                return e;
            }
        });
    }

    @Test
    void cancelFromAnotherThreadUnblocksALongPoll() throws Exception {
        StallingServer mock = new StallingServer(false);
        server.setDispatcher(mock);
        OkHttpClient http = new OkHttpClient();
        try (SqlClient client = TestServer.client(server, http);
                RowCursor c = client.sql("SELECT sleep(100)").stream()) {
            assertThat(c.next()).isTrue();
            CompletableFuture<Throwable> reader = readNext(c);
            assertThat(mock.pollArrived.await(5, TimeUnit.SECONDS)).as("the long poll is in flight").isTrue();
            c.cancel();
            assertThat(reader.get(5, TimeUnit.SECONDS)).isInstanceOf(QueryCancelledException.class);
            assertThat(mock.finalArrived.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(List.copyOf(mock.seen)).containsExactly("POST /v1/query", "GET /v1/query/q1/page/1",
                    "POST /v1/query/q1/kill", "GET /v1/query/q1/final");
            ErrorTest.assertNoConnectionInUse(http);
        } finally {
            mock.release.countDown();
        }
    }

    @Test
    void cancelReturnsWhileTheKillEndpointStalls() throws Exception {
        StallingServer mock = new StallingServer(true);
        server.setDispatcher(mock);
        try (SqlClient client = TestServer.client(server, "");
                RowCursor c = client.sql("SELECT sleep(100)").stream()) {
            assertThat(c.next()).isTrue();
            CompletableFuture<Throwable> reader = readNext(c);
            assertThat(mock.pollArrived.await(5, TimeUnit.SECONDS)).isTrue();
            long started = System.nanoTime();
            c.cancel(); // synchronous kill and final would hold this thread for the kill's 10 s budget
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertThat(reader.get(5, TimeUnit.SECONDS)).isInstanceOf(QueryCancelledException.class);
            assertThat(mock.killArrived.await(5, TimeUnit.SECONDS)).as("the kill is sent in the background").isTrue();
            assertThat(mock.finalArrived.getCount()).as("final waits for the kill's answer").isEqualTo(1);
            assertThat(tookMillis).as("cancel() returned while the kill was unanswered").isLessThan(5_000);
            mock.release.countDown();
            assertThat(mock.finalArrived.await(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            mock.release.countDown();
        }
        assertThat(List.copyOf(mock.seen)).endsWith("POST /v1/query/q1/kill", "GET /v1/query/q1/final");
    }

    @Test
    void heartbeatsAnIdleCursorUntilItCloses() throws Exception {
        ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
        CountDownLatch beat = new CountDownLatch(1);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                String t = r.getTarget();
                seen.add(r.getMethod() + " " + t + (t.contains("heartbeat") ? " " + TestServer.body(r) : ""));
                if (t.equals("/v1/query")) {
                    return resp().state("Running").timeout(1).schema(NUMBER).data("[[\"1\"]]").next("page/1").ok();
                }
                if (t.endsWith("/page/1")) {
                    return resp().timeout(1).schema(NUMBER).data("[[\"2\"]]").next("final").ok();
                }
                if (t.contains("heartbeat")) {
                    beat.countDown();
                    return TestServer.json(200, "{\"queries_to_remove\":[]}");
                }
                return TestServer.finalOk("q1");
            }
        });
        try (SqlClient client = TestServer.client(server, "heartbeat_tick_ms=50");
                RowCursor c = client.sql("SELECT number").stream()) {
            assertThat(c.next()).isTrue();
            assertThat(beat.await(5, TimeUnit.SECONDS)).as("a heartbeat while the cursor idles").isTrue();
            assertThat(c.next()).isTrue();
            assertThat(c.next()).isFalse();
            int after = seen.size();
            Thread.sleep(700);
            assertThat(seen).as("no heartbeat once the result is complete").hasSize(after);
        }
        assertThat(seen).contains("POST /v1/session/heartbeat {\"node_to_queries\":{\"node-1\":[\"q1\"]}}");
        List<String> order = List.copyOf(seen);
        assertThat(order.get(0)).isEqualTo("POST /v1/query");
        assertThat(order.get(order.size() - 1)).isEqualTo("GET /v1/query/q1/final");
    }
}
