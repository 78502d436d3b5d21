package dev.olaphttp;

import static dev.olaphttp.LineTesting.ok;
import static dev.olaphttp.testdialect.LineProtocol.body;
import static dev.olaphttp.testdialect.LineProtocol.partial;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.olaphttp.okhttp.OkHttpAdapter;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okio.BufferedSink;
import org.junit.jupiter.api.Test;

/** Time budget while streaming, listener isolation, query ids and concurrent use. */
class ClientBehaviourTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    @Test
    void theTimeBudgetAlsoBoundsReadingTheBody() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        server.enqueue(new MockResponse.Builder().code(200).body(new MockResponseBody() {
            @Override
            public long getContentLength() {
                return -1;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.writeUtf8(partial("n:int64", "1"));
                sink.flush();
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }).build());
        OkHttpClient okHttp = new OkHttpClient();
        try (SqlClient c = LineTesting.builder(server).httpClient(OkHttpAdapter.borrow(okHttp)).build();
                RowCursor cursor = c.sql("SELECT n").timeout(Duration.ofMillis(300)).stream()) {
            assertThat(cursor.next()).isTrue();
            assertThatThrownBy(cursor::next)
                    .isInstanceOf(QueryTimeoutException.class)
                    .hasMessageContaining("300 ms");
            cursor.close();
            assertThat(okHttp.connectionPool().connectionCount())
                    .isEqualTo(okHttp.connectionPool().idleConnectionCount());
        } finally {
            release.countDown();
            okHttp.dispatcher().executorService().shutdown();
            okHttp.connectionPool().evictAll();
        }
    }

    @Test
    void aThrowingListenerNeverBreaksAStatement() {
        server.enqueue(LineTesting.status(503, "busy"));
        server.enqueue(ok(body("n:int64", "1")));
        QueryListener hostile = new QueryListener() {
            @Override
            public void onStart(QueryInfo query) {
                throw new IllegalStateException("boom");
            }

            @Override
            public void onRequest(QueryInfo query, String method, String path, int attempt) {
                throw new IllegalStateException("boom");
            }

            @Override
            public void onRetry(QueryInfo query, int attempt, Duration delay, SqlClientException cause) {
                throw new IllegalStateException("boom");
            }

            @Override
            public void onEnd(QueryInfo query, QueryStats stats, long rows) {
                throw new IllegalStateException("boom");
            }
        };
        try (SqlClient c = LineTesting.builder(server).listener(hostile).build()) {
            assertThat(c.sql("SELECT n").list(r -> r.getLong(1))).containsExactly(1L);
        }
    }

    @Test
    void queryIdsComeFromTheGeneratorOrTheQuery() throws Exception {
        server.enqueue(ok(body("")));
        server.enqueue(ok(body("")));
        AtomicInteger n = new AtomicInteger();
        List<String> started = new ArrayList<>();
        QueryListener recorder = new QueryListener() {
            @Override
            public void onStart(QueryInfo query) {
                started.add(query.queryId() + " " + query.dialect() + " " + query.sql());
            }
        };
        try (SqlClient c = LineTesting.builder(server)
                .queryIdGenerator(() -> "gen-" + n.incrementAndGet())
                .listener(recorder)
                .build()) {
            c.sql("SELECT 1").execute();
            c.sql("SELECT 2").queryId("mine").execute();
        }
        assertThat(server.takeRequest().getHeaders().get("X-Query-Id")).isEqualTo("gen-1");
        assertThat(server.takeRequest().getHeaders().get("X-Query-Id")).isEqualTo("mine");
        assertThat(started).containsExactly("gen-1 linetest SELECT 1", "mine linetest SELECT 2");
    }

    @Test
    void oneClientServesManyThreads() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String sql = request.getBody().utf8();
                return ok(body("sql:string", sql));
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (SqlClient c = LineTesting.builder(server).build()) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        String sql = "SELECT " + thread + "_" + i;
                        String echoed = c.sql(sql).single(r -> r.getString(1));
                        if (!sql.equals(echoed)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.getRequestCount()).isEqualTo(100);
    }
}
