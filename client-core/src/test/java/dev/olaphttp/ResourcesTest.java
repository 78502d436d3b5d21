package dev.olaphttp;

import static dev.olaphttp.LineTesting.ok;
import static dev.olaphttp.LineTesting.status;
import static dev.olaphttp.testdialect.LineProtocol.body;
import static dev.olaphttp.testdialect.LineProtocol.partial;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.okhttp.OkHttpAdapter;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Cancel from another thread, early close, and the connection pool after every kind of ending. */
class ResourcesTest {
    private static final String SELECT = "SELECT n FROM t";

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final OkHttpClient okHttp = new OkHttpClient();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void tearDown() {
        release.countDown();
        okHttp.dispatcher().executorService().shutdown();
        okHttp.connectionPool().evictAll();
    }

    private SqlClient client() {
        return LineTesting.builder(server).httpClient(OkHttpAdapter.borrow(okHttp)).build();
    }

    private void assertNoActiveConnection() {
        ConnectionPool pool = okHttp.connectionPool();
        assertThat(pool.connectionCount()).as("connections in use").isEqualTo(pool.idleConnectionCount());
    }

    private static String manyRows(int n) {
        return body("n:int64", IntStream.range(0, n).mapToObj(Integer::toString).toArray(String[]::new));
    }

    /** A body that sends its header and two rows, then stalls until the test ends. */
    private MockResponse stalledBody() {
        return new MockResponse.Builder().code(200).body(new MockResponseBody() {
            @Override
            public long getContentLength() {
                return -1;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.writeUtf8(partial("n:int64", "1", "2"));
                sink.flush();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }).build();
    }

    @Test
    void successReturnsTheConnectionToThePool() {
        server.enqueue(ok(manyRows(3)));
        try (SqlClient c = client()) {
            assertThat(c.sql(SELECT).list(r -> r.getLong(1))).containsExactly(0L, 1L, 2L);
            assertNoActiveConnection();
            assertThat(okHttp.connectionPool().idleConnectionCount()).isEqualTo(1);
        }
        assertThat(okHttp.dispatcher().executorService().isShutdown()).as("borrowed client stays open").isFalse();
    }

    @Test
    void errorResponsesReleaseTheConnection() {
        server.enqueue(status(400, "ERROR 60: no table"));
        server.enqueue(status(500, "<html><body><h1>Internal error</h1></body></html>"));
        try (SqlClient c = client()) {
            assertThatThrownBy(() -> c.sql(SELECT).execute()).isInstanceOf(QueryFailedException.class);
            assertNoActiveConnection();
            assertThatThrownBy(() -> c.sql(SELECT).execute())
                    .isInstanceOf(ProtocolException.class)
                    .hasMessageContaining("500")
                    .hasMessageContaining("Internal error");
            assertNoActiveConnection();
        }
    }

    @Test
    void midStreamErrorAndTruncationReleaseTheConnection() {
        server.enqueue(ok(partial("n:int64", "1", "ERROR\tmemory limit exceeded")));
        server.enqueue(ok(partial("n:int64", "1", "2")));
        try (SqlClient c = client()) {
            assertThatThrownBy(() -> c.sql(SELECT).execute())
                    .isInstanceOf(QueryFailedException.class)
                    .hasMessageContaining("memory limit exceeded");
            assertNoActiveConnection();
            assertThatThrownBy(() -> c.sql(SELECT).execute()).isInstanceOf(ResultInterruptedException.class);
            assertNoActiveConnection();
        }
    }

    @Test
    void earlyCloseReleasesTheConnection() {
        server.enqueue(ok(manyRows(5000)));
        try (SqlClient c = client()) {
            try (RowCursor cursor = c.sql(SELECT).stream()) {
                assertThat(cursor.next()).isTrue();
                assertThat(cursor.getLong(1)).isZero();
            }
            assertNoActiveConnection();
        }
    }

    @Test
    void maxRowsStopsEarlyAndReleasesTheConnection() {
        server.enqueue(ok(manyRows(5000)));
        try (SqlClient c = client()) {
            assertThat(c.sql(SELECT).maxRows(3).list(r -> r.getLong(1))).containsExactly(0L, 1L, 2L);
            assertNoActiveConnection();
        }
    }

    @Test
    void closingAStreamClosesTheCursor() {
        server.enqueue(ok(manyRows(5000)));
        try (SqlClient c = client()) {
            try (Stream<Long> s = c.sql(SELECT).stream(r -> r.getLong(1))) {
                assertThat(s.limit(2).toList()).containsExactly(0L, 1L);
            }
            assertNoActiveConnection();
        }
    }

    @Test
    void cancelFromAnotherThreadUnblocksABlockedRead() throws Exception {
        server.enqueue(stalledBody());
        try (SqlClient c = client(); RowCursor cursor = c.sql(SELECT).stream()) {
            assertThat(cursor.next()).isTrue();
            assertThat(cursor.next()).isTrue();
            CompletableFuture<Boolean> blocked = CompletableFuture.supplyAsync(cursor::next);
            Thread.sleep(100); // let it block on the stalled body
            assertThat(blocked).isNotDone();
            cursor.cancel();
            assertThat(blocked)
                    .failsWithin(10, TimeUnit.SECONDS)
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .havingCause()
                    .isInstanceOf(QueryCancelledException.class);
            cursor.close();
            assertNoActiveConnection();
        }
    }

    @Test
    void cancelBeforeTheFirstRowFailsTheStatement() {
        server.enqueue(stalledBody());
        try (SqlClient c = client(); RowCursor cursor = c.sql(SELECT).stream()) {
            cursor.cancel();
            assertThatThrownBy(cursor::next).isInstanceOf(QueryCancelledException.class);
            cursor.close();
            assertNoActiveConnection();
        }
    }

    @Test
    void manyStatementsInARowLeakNothing() {
        for (int i = 0; i < 20; i++) {
            server.enqueue(ok(manyRows(i % 2 == 0 ? 1000 : 1)));
        }
        try (SqlClient c = client()) {
            for (int i = 0; i < 20; i++) {
                try (RowCursor cursor = c.sql(SELECT).stream()) {
                    cursor.next();
                }
            }
            assertNoActiveConnection();
        }
    }

    @Test
    void aBorrowedClientLosesItsSilentResendsAndRedirects() {
        assertThat(okHttp.retryOnConnectionFailure()).as("OkHttp's default").isTrue();
        server.enqueue(status(408, "request timeout"));
        server.enqueue(new MockResponse.Builder().code(307).addHeader("Location", "/elsewhere").build());
        server.enqueue(ok(manyRows(1)));
        try (SqlClient c = client()) {
            assertThatThrownBy(() -> c.sql("INSERT INTO t VALUES (1)").execute())
                    .isInstanceOf(ServerBusyException.class);
            assertThat(server.getRequestCount()).as("408 not re-sent").isEqualTo(1);
            assertThatThrownBy(() -> c.sql("INSERT INTO t VALUES (1)").execute())
                    .isInstanceOf(ProtocolException.class)
                    .hasMessageContaining("307");
            assertThat(server.getRequestCount()).as("redirect not followed").isEqualTo(2);
            assertNoActiveConnection();
        }
    }

    @Test
    void queryCancelAbortsAFirstRequestTheServerHasNotAnsweredYet() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(mockwebserver3.RecordedRequest request) throws InterruptedException {
                arrived.countDown();
                release.await(30, TimeUnit.SECONDS); // a slow server: no headers yet
                return ok(manyRows(1));
            }
        });
        try (SqlClient c = client()) {
            Query q = c.sql(SELECT);
            CompletableFuture<java.util.List<Long>> running = CompletableFuture.supplyAsync(() -> q.list(r -> r.getLong(1)));
            assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
            q.cancel();
            assertThat(running)
                    .failsWithin(10, TimeUnit.SECONDS)
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .havingCause()
                    .isInstanceOf(QueryCancelledException.class);
            assertNoActiveConnection();
        }
    }

    @Test
    void queryCancelledBeforeItRunsSendsNothing() {
        try (SqlClient c = client()) {
            Query q = c.sql(SELECT);
            q.cancel();
            q.cancel();
            assertThatThrownBy(() -> q.list(r -> r.getLong(1))).isInstanceOf(QueryCancelledException.class);
        }
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void queryCancelWhileStreamingActsLikeCursorCancel() {
        server.enqueue(stalledBody());
        try (SqlClient c = client()) {
            Query q = c.sql(SELECT);
            try (RowCursor cursor = q.stream()) {
                assertThat(cursor.next()).isTrue();
                q.cancel();
                assertThatThrownBy(cursor::next).isInstanceOf(QueryCancelledException.class);
            }
            assertNoActiveConnection();
        }
    }
}
